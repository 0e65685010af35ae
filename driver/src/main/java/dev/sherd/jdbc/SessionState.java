package dev.sherd.jdbc;

import dev.sherd.jdbc.tx.GlobalTransaction;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Session settings of a logical connection that must hold on every physical connection it uses:
 * read-only and isolation. Applied when a physical connection is borrowed; HikariCP resets them
 * when the connection returns to its pool. Not thread-safe.
 */
final class SessionState implements GlobalTransaction.SessionSettings {

  boolean readOnly;
  int isolation = -1; // -1: the pool's default

  @Override
  public void applyTo(Connection c) throws SQLException {
    if (readOnly) {
      c.setReadOnly(true);
    }
    if (isolation >= 0) {
      c.setTransactionIsolation(isolation);
    }
  }
}
