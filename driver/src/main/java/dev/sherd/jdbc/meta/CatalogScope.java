package dev.sherd.jdbc.meta;

import dev.sherd.metadata.DialectFamily;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The part of one shard's catalog that is the logical database, resolved on a connection to that
 * shard. A shard server may host other databases and system schemas; the logical view shows only
 * the shard connection's own catalog (H2: its database; PostgreSQL: the current database;
 * MariaDB: the connection's database — with a null catalog its driver would list every database
 * on the server) and, unless the caller names a schema, only the schemas a query without a schema
 * would see (H2: the connection's schema, normally {@code PUBLIC}; PostgreSQL: the schemas of the
 * search path, never {@code pg_catalog} or {@code information_schema}; MariaDB: no schemas).
 * A caller asking for another catalog gets nothing. Immutable.
 */
final class CatalogScope {

  /** The logical catalog (the shard connection's own); null when its driver reports none. */
  final String catalog;
  /** True when the caller asked for a catalog other than the logical one: nothing matches. */
  final boolean foreign;
  /** The schemas rows may be in; null when any (the caller named one, or there are none). */
  final Set<String> schemas;
  /** The schema (or schema pattern) to pass to the shard's driver. */
  final String schemaArg;

  private CatalogScope(String catalog, boolean foreign, Set<String> schemas, String schemaArg) {
    this.catalog = catalog;
    this.foreign = foreign;
    this.schemas = schemas;
    this.schemaArg = schemaArg;
  }

  /**
   * @param catalog       the caller's catalog argument (null: the logical one)
   * @param schema        the caller's schema argument (null: the default scope)
   * @param schemaPattern whether the shard's method takes a schema pattern (else a name)
   */
  static CatalogScope resolve(Connection c, DatabaseMetaData md, DialectFamily family,
      String catalog, String schema, boolean schemaPattern) throws SQLException {
    String own = c.getCatalog();
    boolean foreign = catalog != null && own != null && !catalog.equals(own);
    if (schema != null) {
      return new CatalogScope(own, foreign, null, schema);
    }
    Set<String> schemas;
    switch (family) {
      case H2:
        schemas = c.getSchema() == null ? null : Set.of(c.getSchema());
        break;
      case POSTGRESQL:
        schemas = searchPath(c);
        break;
      default:
        schemas = null;
    }
    String arg = null;
    if (schemas != null && schemas.size() == 1) {
      String only = schemas.iterator().next();
      arg = schemaPattern ? escape(only, md.getSearchStringEscape()) : only;
    }
    return new CatalogScope(own, foreign, schemas, arg);
  }

  /** The catalog argument for the shard's driver: the logical catalog, so MariaDB lists only it. */
  String catalogArg() {
    return catalog;
  }

  /** Whether a row in {@code rowCatalog} and {@code rowSchema} belongs to the logical database. */
  boolean admits(String rowCatalog, String rowSchema) {
    if (foreign) {
      return false;
    }
    if (catalog != null && rowCatalog != null && !catalog.equals(rowCatalog)) {
      return false;
    }
    return schemas == null || rowSchema == null || schemas.contains(rowSchema);
  }

  /** PostgreSQL's effective search path: existing schemas only, without implicit pg_catalog. */
  private static Set<String> searchPath(Connection c) throws SQLException {
    Set<String> schemas = new LinkedHashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT unnest(current_schemas(false))")) {
      while (rs.next()) {
        schemas.add(rs.getString(1));
      }
    }
    return schemas;
  }

  /** {@code name} as a metadata search pattern that matches only itself. */
  static String escape(String name, String escape) {
    if (name == null || escape == null || escape.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '_' || ch == '%' || name.startsWith(escape, i)) {
        sb.append(escape);
      }
      sb.append(ch);
    }
    return sb.toString();
  }
}
