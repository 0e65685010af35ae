package dev.sherd.jdbc.result;

import java.sql.SQLException;

/**
 * A forward-only cursor over rows: the small interface every merge step implements and the JDBC
 * {@code ResultSet} adapts (the shape of H2's {@code ResultInterface}). Not thread-safe.
 *
 * <p>{@link #row()} returns the current row's values as JDBC {@code getObject} returned them from the
 * shard (or as a merge step computed them); the array belongs to the cursor and may be reused after
 * the next call to {@link #next()}. Closing a cursor closes every cursor it reads from; closing twice
 * is harmless.
 */
public interface RowCursor extends AutoCloseable {

  /** Advances to the next row; false when there is none. */
  boolean next() throws SQLException;

  /** The current row. Valid only after {@link #next()} returned true. */
  Object[] row();

  /** Number of columns of every row. */
  int width();

  @Override
  void close() throws SQLException;
}
