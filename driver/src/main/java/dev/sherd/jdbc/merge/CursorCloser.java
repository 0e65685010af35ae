package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;
import java.util.List;

/** Closes several cursors, every one even when some fail. Thread-safe: stateless. */
final class CursorCloser {

  private CursorCloser() {}

  /** Closes all cursors; throws the first failure with the later ones suppressed. */
  static void closeAll(List<? extends RowCursor> cursors) throws SQLException {
    SQLException failure = null;
    for (RowCursor cursor : cursors) {
      try {
        cursor.close();
      } catch (SQLException | RuntimeException e) {
        if (failure == null) {
          failure = e instanceof SQLException s ? s
              : new SQLException("closing a cursor failed: " + e, e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
