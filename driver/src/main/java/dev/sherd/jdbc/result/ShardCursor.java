package dev.sherd.jdbc.result;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@link RowCursor} over one shard's {@link ResultSet}: the leaf of every merge.
 *
 * <p>Design: each row is read with {@code getObject} per column into one reused array, so values
 * are exactly what the shard's driver returns and reading allocates nothing beyond them. Every
 * {@link SQLException} from the shard is re-raised through {@link ShardErrors#wrap} so its message
 * names the shard while its SQLState, vendor code and JDBC 4 subclass stay intact. Closing closes the
 * result set, then (when asked to) its statement; closing twice is harmless. Not thread-safe.
 */
public final class ShardCursor implements RowCursor {

  private final String shard;
  private final ResultSet resultSet;
  private final Statement statement;
  private final Object[] row;
  private boolean closed;

  /**
   * @param shard          the shard's name, used in error messages
   * @param resultSet      the shard's result, positioned before its first row; owned from now on
   * @param closeStatement whether closing this cursor also closes {@code resultSet}'s statement
   */
  public ShardCursor(String shard, ResultSet resultSet, boolean closeStatement)
      throws SQLException {
    this.shard = shard;
    this.resultSet = resultSet;
    try {
      this.row = new Object[resultSet.getMetaData().getColumnCount()];
      this.statement = closeStatement ? resultSet.getStatement() : null;
    } catch (SQLException e) {
      throw ShardErrors.wrap(shard, e);
    }
  }

  @Override public boolean next() throws SQLException {
    try {
      if (!resultSet.next()) {
        return false;
      }
      for (int i = 0; i < row.length; i++) {
        row[i] = resultSet.getObject(i + 1);
      }
      return true;
    } catch (SQLException e) {
      throw ShardErrors.wrap(shard, e);
    }
  }

  @Override public Object[] row() {
    return row;
  }

  @Override public int width() {
    return row.length;
  }

  @Override public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    SQLException failure = null;
    try {
      resultSet.close();
    } catch (SQLException e) {
      failure = ShardErrors.wrap(shard, e);
    }
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = ShardErrors.wrap(shard, e);
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
