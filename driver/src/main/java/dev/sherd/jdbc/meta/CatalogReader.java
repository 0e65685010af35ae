package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.exec.ShardSession;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.metadata.ClusterConfig;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads catalog metadata (tables, columns, keys, indexes...) of the logical database from one
 * shard: the default shard, where every table has its definition — or, for a configured table
 * missing there, the first shard holding it. Every answer is restricted to the logical database
 * ({@link CatalogScope}) and copied into memory before the shard connection is released, so no
 * shard connection stays borrowed while the application reads. Errors name the shard.
 * Thread-safe if its session is (a logical connection is not).
 */
final class CatalogReader {

  /** A metadata call on a shard's driver, given the scoped catalog and schema arguments. */
  @FunctionalInterface
  interface Call {
    ResultSet on(DatabaseMetaData md, String catalog, String schema) throws SQLException;
  }

  /**
   * Which columns of a metadata result hold each row's catalog and schema.
   *
   * @param catalogColumns every catalog column (the first one decides, all are reported as the
   *                       logical catalog); empty when the result has none
   * @param schemaColumn   the schema column that decides whether a row is in scope, or null
   * @param schemaPattern  whether the method's schema argument is a pattern (else a name)
   */
  record Shape(List<String> catalogColumns, String schemaColumn, boolean schemaPattern) {

    static Shape of(String catalogColumn, String schemaColumn, boolean schemaPattern) {
      return new Shape(List.of(catalogColumn), schemaColumn, schemaPattern);
    }
  }

  private final ShardSession session;
  private final ClusterConfig config;

  CatalogReader(ShardSession session) {
    this.session = session;
    this.config = session.runtime().config();
  }

  /** {@code call} on the default shard, restricted to the logical database. */
  MetaRows read(String catalog, String schema, Shape shape, Call call) throws SQLException {
    return onShard(config.defaultShard(), lease -> {
      DatabaseMetaData md = lease.connection().getMetaData();
      CatalogScope scope = CatalogScope.resolve(lease.connection(), md, config.dialect(),
          catalog, schema, shape.schemaPattern());
      MetaRows rows = restrict(MetaRows.copy(call.on(md, scope.catalogArg(), scope.schemaArg)),
          scope, shape, null);
      rows.catalog = scope.catalog;
      return rows;
    });
  }

  /** {@code call} on the default shard, unrestricted: type info, table types. */
  MetaRows readAll(Call call) throws SQLException {
    return onShard(config.defaultShard(),
        lease -> MetaRows.copy(call.on(lease.connection().getMetaData(), null, null)));
  }

  /**
   * {@code call} about one table. When the default shard answers nothing and the table is a
   * configured one that the default shard does not have, the first shard that has it answers,
   * its catalog reported as the logical one.
   *
   * @param table the table name as stored (not a pattern)
   */
  MetaRows readTable(String catalog, String schema, String table, Shape shape, Call call)
      throws SQLException {
    String[] logicalCatalog = new String[1];
    boolean[] elsewhere = new boolean[1];
    MetaRows rows = onShard(config.defaultShard(), lease -> {
      DatabaseMetaData md = lease.connection().getMetaData();
      CatalogScope scope = CatalogScope.resolve(lease.connection(), md, config.dialect(),
          catalog, schema, shape.schemaPattern());
      MetaRows found = restrict(MetaRows.copy(call.on(md, scope.catalogArg(), scope.schemaArg)),
          scope, shape, null);
      logicalCatalog[0] = scope.catalog;
      found.catalog = scope.catalog;
      elsewhere[0] = found.rows.isEmpty() && !scope.foreign && table != null
          && config.tableRule(table).isPresent() && !exists(md, scope, table);
      return found;
    });
    if (elsewhere[0]) {
      MetaRows there = readElsewhere(logicalCatalog[0], schema, table, shape, call);
      if (there != null) {
        return there;
      }
    }
    return rows;
  }

  /**
   * {@code call} on the first shard other than the default one that has {@code table}, its
   * catalog columns reported as {@code logicalCatalog}; null when no other shard has the table.
   * Best effort: a shard that cannot answer (down, say) is skipped, so that the logical catalog,
   * which the default shard holds, stays readable while another shard is unavailable.
   */
  MetaRows readElsewhere(String logicalCatalog, String schema, String table, Shape shape,
      Call call) throws SQLException {
    for (int shard = 0; shard < config.shardCount(); shard++) {
      if (shard == config.defaultShard()) {
        continue;
      }
      MetaRows there;
      try {
        there = onShard(shard, lease -> {
          DatabaseMetaData md = lease.connection().getMetaData();
          CatalogScope scope = CatalogScope.resolve(lease.connection(), md, config.dialect(),
              null, schema, shape.schemaPattern());
          if (!exists(md, scope, table)) {
            return null;
          }
          return restrict(MetaRows.copy(call.on(md, scope.catalogArg(), scope.schemaArg)),
              scope, shape, logicalCatalog);
        });
      } catch (SQLException unavailable) {
        continue;
      }
      if (there != null) {
        return there;
      }
    }
    return null;
  }

  private static boolean exists(DatabaseMetaData md, CatalogScope scope, String table)
      throws SQLException {
    MetaRows tables = MetaRows.copy(md.getTables(scope.catalogArg(), scope.schemaArg,
        CatalogScope.escape(table, md.getSearchStringEscape()), null));
    int cat = tables.column("TABLE_CAT");
    int schem = tables.column("TABLE_SCHEM");
    int name = tables.column("TABLE_NAME");
    for (Object[] row : tables.rows) {
      if (table.equals(MetaRows.text(row, name))
          && scope.admits(MetaRows.text(row, cat), MetaRows.text(row, schem))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops rows outside the logical database; with {@code reportAs}, reports every catalog column
   * as that catalog (rows read from a shard other than the default one).
   */
  private static MetaRows restrict(MetaRows rows, CatalogScope scope, Shape shape,
      String reportAs) {
    int cat = shape.catalogColumns().isEmpty() ? -1 : rows.column(shape.catalogColumns().get(0));
    int schem = shape.schemaColumn() == null ? -1 : rows.column(shape.schemaColumn());
    rows.rows.removeIf(row -> !scope.admits(MetaRows.text(row, cat), MetaRows.text(row, schem)));
    if (reportAs != null) {
      for (String column : shape.catalogColumns()) {
        int i = rows.column(column);
        for (Object[] row : rows.rows) {
          if (i >= 0 && row[i] != null) {
            row[i] = reportAs;
          }
        }
      }
    }
    return rows;
  }

  @FunctionalInterface
  private interface OnLease<T> {
    T apply(Lease lease) throws SQLException;
  }

  /** Runs {@code work} on a borrowed connection to {@code shard}, always giving it back. */
  private <T> T onShard(int shard, OnLease<T> work) throws SQLException {
    Lease lease = session.lease(shard);
    try {
      return work.apply(lease);
    } catch (SQLException e) {
      throw ShardErrors.wrap(config.shard(shard).name(), e);
    } finally {
      lease.release();
    }
  }
}
