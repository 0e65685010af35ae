package dev.sherd.sql;

import dev.sherd.metadata.DialectFamily;
import java.util.List;
import java.util.Locale;

/**
 * Removes the logical catalog from qualified names before a statement is planned.
 *
 * <p>The driver reports one catalog for the whole cluster: the default shard's own (its H2
 * database, PostgreSQL database or MariaDB database). Shells, IDEs and BI tools qualify the SQL
 * they generate with it ({@code "SHOP"."PUBLIC"."CUSTOMERS"}), but every other shard's catalog has
 * a name of its own, so the qualified statement would fail there. Without the qualifier each shard
 * resolves the name in its own catalog, which is where the logical catalog's tables are on that
 * shard; on the default shard the two spellings mean the same.
 *
 * <p>Only a leading qualifier spelled like the logical catalog (by the database's identifier
 * rules) is removed, and only where a catalog can stand: on H2 and PostgreSQL at the head of a
 * chain of at least three names ({@code catalog.schema.table[.column]}); on MySQL, whose catalog is
 * the database, at the head of at least two ({@code db.table[.column]}) — but not before a lone
 * {@code *}, where the name is a table's ({@code shop.*}). Nothing is removed from a statement
 * that also uses the name alone (a table or an alias named like the catalog, whose
 * {@code name.column} would otherwise lose its table). A chain in column position loses only a
 * qualifier of its FROM item, which the database resolves the same way or reports as ambiguous.
 * Literals and comments are never touched. Stateless and thread-safe.
 */
final class CatalogQualifiers {

  private CatalogQualifiers() {}

  /**
   * {@code sql} without the logical catalog's qualifiers; {@code sql} itself when it has none.
   *
   * @param catalog the logical catalog's name as the database stores it; null when there is none
   */
  static String strip(String sql, String catalog, DialectFamily dialect) {
    if (catalog == null || catalog.isEmpty() || !containsIgnoreCase(sql, catalog)) {
      return sql;
    }
    List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
    if (namesSomethingElse(tokens, sql, catalog, dialect)) {
      return sql;
    }
    int minimum = dialect == DialectFamily.MYSQL ? 2 : 3;
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken head = tokens.get(i);
      if (!names(head, sql, catalog, dialect) || (i > 0 && tokens.get(i - 1).isSymbol('.'))) {
        continue;
      }
      int parts = chainLength(tokens, i);
      boolean tableStar = parts == 2 && tokens.get(i + 2).isSymbol('*');
      if (parts < minimum || tableStar) {
        continue;
      }
      out = out == null ? new StringBuilder(sql.length()) : out;
      out.append(sql, copied, head.start());
      copied = tokens.get(i + 2).start(); // the catalog, its dot and any space up to the next name
      i++;
    }
    return out == null ? sql : out.append(sql, copied, sql.length()).toString();
  }

  /**
   * Whether the catalog's name also stands alone (not followed by a dot): then it names a table
   * or an alias in this statement, and {@code name.column} may mean that table's column.
   */
  private static boolean namesSomethingElse(List<SqlToken> tokens, String sql, String catalog,
      DialectFamily dialect) {
    for (int i = 0; i < tokens.size(); i++) {
      if (names(tokens.get(i), sql, catalog, dialect)
          && (i + 1 == tokens.size() || !tokens.get(i + 1).isSymbol('.'))) {
        return true;
      }
    }
    return false;
  }

  /** Number of names in the dotted chain starting at {@code i} (a trailing {@code *} counts). */
  private static int chainLength(List<SqlToken> tokens, int i) {
    int parts = 1;
    int j = i;
    while (j + 2 < tokens.size() && tokens.get(j + 1).isSymbol('.')) {
      SqlToken next = tokens.get(j + 2);
      if (!next.isIdentifier() && !next.isSymbol('*')) {
        break;
      }
      parts++;
      j += 2;
      if (next.isSymbol('*')) {
        break;
      }
    }
    return parts;
  }

  /** Whether {@code t} names {@code catalog}: quoted exactly, unquoted as the database folds it. */
  private static boolean names(SqlToken t, String sql, String catalog, DialectFamily dialect) {
    if (t.type() == SqlToken.Type.QUOTED) {
      return t.text().equals(catalog);
    }
    if (t.type() != SqlToken.Type.WORD) {
      return false;
    }
    String written = sql.substring(t.start(), t.end());
    switch (dialect) {
      case H2:
        return written.toUpperCase(Locale.ROOT).equals(catalog);
      case POSTGRESQL:
        return written.toLowerCase(Locale.ROOT).equals(catalog);
      default:
        return written.equals(catalog);
    }
  }

  private static boolean containsIgnoreCase(String text, String part) {
    int last = text.length() - part.length();
    for (int i = 0; i <= last; i++) {
      if (text.regionMatches(true, i, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }
}
