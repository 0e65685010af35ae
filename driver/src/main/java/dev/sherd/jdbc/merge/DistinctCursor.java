package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Drops rows equal to an earlier row (SELECT DISTINCT), keeping the first occurrence; equality is
 * SQL's ({@link ValueKey}: numbers by value, NULLs equal). Streams; remembers a key per distinct
 * row, which DISTINCT cannot avoid. Not thread-safe.
 */
final class DistinctCursor implements RowCursor {

  private final RowCursor source;
  private final Set<ValueKey> seen = new HashSet<>();
  private final ValueComparator order;

  DistinctCursor(RowCursor source, ValueComparator order) {
    this.source = source;
    this.order = order;
  }

  @Override public boolean next() throws SQLException {
    while (source.next()) {
      if (seen.add(ValueKey.of(source.row(), order))) {
        return true;
      }
    }
    return false;
  }

  @Override public Object[] row() {
    return source.row();
  }

  @Override public int width() {
    return source.width();
  }

  @Override public void close() throws SQLException {
    seen.clear();
    source.close();
  }
}
