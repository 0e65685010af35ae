package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statements kept on pooled shard connections run on the driver's own connection, where HikariCP
 * does not see their failures. A failure that ends a connection (SQLState class 08, by HikariCP's
 * rule) must still evict it, even when the connection stays open, and a session the server ended
 * must not be lent again to every quick next statement. On PostgreSQL and MariaDB, whose sessions
 * can be ended from outside and whose functions can raise any SQLState.
 */
class KeptStatementsServerTest {

  private static final int ATTEMPTS = 5;

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = Family.class, names = {"POSTGRESQL", "MARIADB"})
  void sessionEndedByTheServer_isNotLentAgain(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir); Connection c = cluster.connect()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO items (id, tag) VALUES (7, 'seven')");
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM items WHERE id = ?")) {
        assertEquals("seven", tag(ps)); // now kept on a connection of s0
        assertTrue(endSessions(cluster, family) > 0, "no session of s0 to end");
        List<String> failures = new ArrayList<>();
        String answer = null;
        for (int attempt = 0; attempt < ATTEMPTS && answer == null; attempt++) {
          try {
            answer = tag(ps);
          } catch (SQLException e) {
            failures.add(e.getSQLState() + " " + e.getMessage());
          }
        }
        assertEquals("seven", answer, "still failing after " + ATTEMPTS + " quick attempts: "
            + failures);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Family.class, names = {"POSTGRESQL", "MARIADB"})
  void failureThatEndsTheConnection_evictsIt_evenWhileItStaysOpen(Family family)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection admin = cluster.direct(0); Statement s = admin.createStatement()) {
        s.execute(family == Family.POSTGRESQL
            ? "CREATE OR REPLACE FUNCTION link_failure(n INT) RETURNS INT LANGUAGE plpgsql AS"
                + " $$ BEGIN IF n = 0 THEN RAISE EXCEPTION 'link down' USING ERRCODE = '08006';"
                + " END IF; RETURN n; END $$"
            : "CREATE OR REPLACE FUNCTION link_failure(n INT) RETURNS INT BEGIN IF n = 0 THEN"
                + " SIGNAL SQLSTATE '08S01' SET MESSAGE_TEXT = 'link down'; END IF; RETURN n; END");
      }
      String session = family == Family.POSTGRESQL ? "pg_backend_pid()" : "CONNECTION_ID()";
      try (Connection c = cluster.connect();
          PreparedStatement ps = c.prepareStatement(
              "SELECT link_failure(?), " + session + " FROM items WHERE id = 7")) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("INSERT INTO items (id, tag) VALUES (7, 'seven')");
        }
        // routed to s0 (the range holding ids 0..999); names the server session it ran in
        ps.setInt(1, 1);
        long used;
        try (ResultSet rs = ps.executeQuery()) {
          used = rs.next() ? rs.getLong(2) : -1;
        }
        ps.setInt(1, 0);
        SQLException e = assertThrows(SQLException.class, ps::executeQuery);
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
        assertTrue(sessionGone(cluster, family, used),
            "the pool still holds session " + used + " after a connection-ending failure");
      }
    }
  }

  /** Waits up to 3 s for server session {@code id} of s0 to end (the pool closes evicted ones). */
  private static boolean sessionGone(TxCluster cluster, Family family, long id)
      throws SQLException, InterruptedException {
    String sql = family == Family.POSTGRESQL
        ? "SELECT count(*) FROM pg_stat_activity WHERE pid = ?"
        : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE ID = ?";
    long deadline = System.nanoTime() + 3_000_000_000L;
    try (Connection admin = cluster.direct(0); PreparedStatement ps = admin.prepareStatement(sql)) {
      ps.setLong(1, id);
      while (true) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) == 0) {
            return true;
          }
        }
        if (System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(20);
      }
    }
  }

  private static String tag(PreparedStatement ps) throws SQLException {
    ps.setInt(1, 7);
    try (ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  /** Ends every other session on shard s0's database; returns how many. */
  private static int endSessions(TxCluster cluster, Family family) throws SQLException {
    try (Connection admin = cluster.direct(0); Statement s = admin.createStatement()) {
      if (family == Family.POSTGRESQL) {
        try (ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid))"
            + " FROM pg_stat_activity WHERE datname = current_database()"
            + " AND pid <> pg_backend_pid()")) {
          rs.next();
          return rs.getInt(1);
        }
      }
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT ID FROM information_schema.PROCESSLIST"
          + " WHERE DB = DATABASE() AND ID <> CONNECTION_ID()")) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      for (long id : ids) {
        s.execute("KILL " + id);
      }
      return ids.size();
    }
  }
}
