package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.result.RowCursor;
import java.util.List;

/** A cursor over rows already in memory (EXPLAIN output, generated keys). Not thread-safe. */
final class ListCursor implements RowCursor {

  private final List<Object[]> rows;
  private final int width;
  private int position = -1;

  ListCursor(List<Object[]> rows, int width) {
    this.rows = rows;
    this.width = width;
  }

  @Override
  public boolean next() {
    if (position < rows.size()) {
      position++;
    }
    return position < rows.size();
  }

  @Override
  public Object[] row() {
    return rows.get(position);
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public void close() {
    position = rows.size();
  }
}
