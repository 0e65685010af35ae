package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.merge.StringCollation;
import dev.sherd.metadata.DialectFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Finds out how a shard database collates strings, so merges that compare strings across shards
 * reproduce it or are refused. Asks the database for its default collation (PostgreSQL: the
 * database's {@code datcollate}; MariaDB/MySQL: {@code @@collation_database}); H2 without a
 * configured collation compares UTF-16 code units. Column-level collations that differ from the
 * database default are not seen (a documented limit). Stateless.
 */
final class CollationProbe {

  private CollationProbe() {}

  static StringCollation probe(Connection c, DialectFamily family) throws SQLException {
    switch (family) {
      case POSTGRESQL: {
        String name = single(c, "SELECT datcollate FROM pg_database"
            + " WHERE datname = current_database()");
        String n = name.toUpperCase(Locale.ROOT);
        boolean codePoint = n.equals("C") || n.equals("POSIX") || n.startsWith("C.");
        return codePoint ? StringCollation.codePoints(name, false)
            : StringCollation.unsupported(name);
      }
      case MYSQL: {
        String name = single(c, "SELECT @@collation_database");
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("binary") || n.endsWith("_nopad_bin")) {
          return StringCollation.codePoints(name, false);
        }
        if (n.startsWith("utf8") && n.endsWith("_bin")) {
          return StringCollation.codePoints(name, true);
        }
        return StringCollation.unsupported(name);
      }
      default:
        return StringCollation.UTF16;
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && rs.getString(1) != null ? rs.getString(1) : "unknown";
    }
  }
}
