package dev.sherd.jdbc.result;

import java.sql.ResultSet;
import java.sql.SQLException;

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
  private final AutoCloseable statement;
  private final Object[] row;
  private boolean closed;

  /**
   * @param shard          the shard's name, used in error messages
   * @param resultSet      the shard's result, positioned before its first row; owned from now on
   * @param statement      closed after {@code resultSet} when this cursor closes (the shard
   *                       statement, or whatever gives it back); null for none
   */
  public ShardCursor(String shard, ResultSet resultSet, AutoCloseable statement)
      throws SQLException {
    this.shard = shard;
    this.resultSet = resultSet;
    this.statement = statement;
    try {
      this.row = new Object[resultSet.getMetaData().getColumnCount()];
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
      } catch (Exception e) {
        SQLException wrapped = e instanceof SQLException s ? ShardErrors.wrap(shard, s)
            : new SQLException("shard " + shard + ": closing its statement failed: " + e, e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
