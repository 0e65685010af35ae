package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;

/**
 * Drops the last {@code count} columns of every row: the hidden columns the rewriter added for the
 * merge (sort keys, SUM/COUNT pairs behind an AVG). Streams, into one reused row. Not thread-safe.
 */
final class DropHiddenColumnsCursor implements RowCursor {

  private final RowCursor source;
  private final Object[] row;

  DropHiddenColumnsCursor(RowCursor source, int count) {
    if (count < 0 || count > source.width()) {
      throw new IllegalArgumentException("cannot drop " + count + " hidden columns from rows of "
          + source.width() + " columns");
    }
    this.source = source;
    this.row = new Object[source.width() - count];
  }

  @Override public boolean next() throws SQLException {
    if (!source.next()) {
      return false;
    }
    System.arraycopy(source.row(), 0, row, 0, row.length);
    return true;
  }

  @Override public Object[] row() {
    return row;
  }

  @Override public int width() {
    return row.length;
  }

  @Override public void close() throws SQLException {
    source.close();
  }
}
