package dev.sherd.jdbc.tx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * An H2 trigger that ends one session of another (embedded, same-JVM) H2 database once, when
 * armed: the H2 stand-in for the PostgreSQL and MariaDB triggers that kill a branch's session
 * while the decision is being recorded. Public because H2 instantiates it. Thread-safe.
 */
public final class AbortSessionTrigger implements Trigger {

  private static volatile String url;
  private static volatile long session;

  /** The next firing ends session {@code id} of the database at {@code databaseUrl}. */
  static void arm(String databaseUrl, long id) {
    session = id;
    url = databaseUrl;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    String target = url;
    url = null;
    if (target == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(target, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("CALL ABORT_SESSION(" + session + ")");
    }
  }
}
