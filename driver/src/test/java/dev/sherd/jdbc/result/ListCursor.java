package dev.sherd.jdbc.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test cursor over fixed rows. Like a shard cursor it copies each row into one reused array, so a
 * merge step that keeps a row without copying it sees it overwritten. Counts reads and closes.
 */
public final class ListCursor implements RowCursor {

  private final List<Object[]> rows;
  private final Object[] row;
  private int position = -1;
  private int reads;
  private int closes;

  public ListCursor(int width, List<Object[]> rows) {
    for (Object[] r : rows) {
      if (r.length != width) {
        throw new IllegalArgumentException("row " + Arrays.toString(r) + " is not " + width + " wide");
      }
    }
    this.rows = new ArrayList<>(rows);
    this.row = new Object[width];
  }

  public static ListCursor of(int width, Object[]... rows) {
    return new ListCursor(width, Arrays.asList(rows));
  }

  @Override public boolean next() {
    if (closes > 0) {
      throw new IllegalStateException("next() on a closed cursor");
    }
    if (position + 1 >= rows.size()) {
      position = rows.size();
      Arrays.fill(row, "<exhausted>");
      return false;
    }
    position++;
    reads++;
    System.arraycopy(rows.get(position), 0, row, 0, row.length);
    return true;
  }

  @Override public Object[] row() {
    return row;
  }

  @Override public int width() {
    return row.length;
  }

  @Override public void close() {
    closes++;
  }

  /** Rows handed out so far. */
  public int reads() {
    return reads;
  }

  public boolean isClosed() {
    return closes > 0;
  }

  /** Drains a cursor into copied rows. */
  public static List<List<Object>> drain(RowCursor cursor) throws java.sql.SQLException {
    List<List<Object>> out = new ArrayList<>();
    while (cursor.next()) {
      out.add(Arrays.asList(cursor.row().clone()));
    }
    return out;
  }
}
