package dev.sherd.jdbc.cache;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.RowCursor;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * A materialised query result: its column descriptions, its rows, the generations of what it read
 * before its query ran, and its estimated size. Immutable and thread-safe: any number of result
 * sets read it at once, each through its own cursor; values with setters are copied per reader.
 */
final class CachedResult {

  private final List<ColumnInfo> columns;
  private final Object[][] rows;
  private final boolean copyValues;
  private final TableGenerations.Stamp stamp;
  private final long bytes;

  CachedResult(List<ColumnInfo> columns, Object[][] rows, boolean copyValues,
      TableGenerations.Stamp stamp, long bytes) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.copyValues = copyValues;
    this.stamp = stamp;
    this.bytes = bytes;
  }

  /** True while nothing the result read has been written since its query started. */
  boolean current() {
    return stamp.current();
  }

  long bytes() {
    return bytes;
  }

  int rowCount() {
    return rows.length;
  }

  /** A new result set over the rows, as the uncached query would have returned them. */
  ResultSet open(Statement owner) {
    return new CursorResultSet(new Cursor(), columns, owner, null);
  }

  /** One reader's position in the shared rows. Not thread-safe. */
  private final class Cursor implements RowCursor {
    private int position = -1;
    private Object[] row;

    @Override
    public boolean next() {
      if (position < rows.length) {
        position++;
      }
      if (position == rows.length) {
        row = null;
        return false;
      }
      row = rows[position];
      if (copyValues) {
        row = row.clone();
        for (int i = 0; i < row.length; i++) {
          if (CachedValues.mutable(row[i])) {
            row[i] = CachedValues.copy(row[i]);
          }
        }
      }
      return true;
    }

    @Override
    public Object[] row() {
      return row;
    }

    @Override
    public int width() {
      return columns.size();
    }

    @Override
    public void close() {
      position = rows.length;
      row = null;
    }
  }
}
