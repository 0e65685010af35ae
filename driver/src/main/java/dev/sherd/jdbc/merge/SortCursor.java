package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts all rows of its source in memory (ORDER BY after aggregation, where shard order is lost).
 * Stable: rows with equal keys keep their input order. Reads and copies every source row on the
 * first {@link #next()}, then closes the source. Not thread-safe.
 */
final class SortCursor implements RowCursor {

  private final RowCursor source;
  private final Comparator<Object[]> order;
  private List<Object[]> rows;
  private int position = -1;

  SortCursor(RowCursor source, Comparator<Object[]> order) {
    this.source = source;
    this.order = order;
  }

  @Override public boolean next() throws SQLException {
    if (rows == null) {
      rows = new ArrayList<>();
      while (source.next()) {
        rows.add(source.row().clone());
      }
      source.close();
      try {
        rows.sort(order); // List.sort is a stable merge sort
      } catch (IncomparableValuesException e) {
        throw e.toSqlException();
      }
    }
    if (position + 1 >= rows.size()) {
      position = rows.size();
      return false;
    }
    position++;
    return true;
  }

  @Override public Object[] row() {
    return rows.get(position);
  }

  @Override public int width() {
    return source.width();
  }

  @Override public void close() throws SQLException {
    rows = List.of();
    source.close();
  }
}
