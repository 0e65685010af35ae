package dev.sherd.jdbc.exec;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * A logical statement told when its result set closes, for {@code Statement.closeOnCompletion}.
 */
public interface ResultOwner {

  /** The statement's current result set was closed by the application. */
  void resultClosed() throws SQLException;

  /** Tells {@code owner} its result closed, if it listens. */
  static void notifyClosed(Statement owner) throws SQLException {
    if (owner instanceof ResultOwner listener) {
      listener.resultClosed();
    }
  }
}
