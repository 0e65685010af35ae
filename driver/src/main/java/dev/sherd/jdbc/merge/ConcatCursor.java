package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of several cursors one after another (an unordered multi-shard result). Streams: holds no
 * row of its own. Each source is closed as soon as it is exhausted, releasing its shard early. Not
 * thread-safe.
 */
final class ConcatCursor implements RowCursor {

  private final List<RowCursor> sources;
  private final int width;
  private int current;

  ConcatCursor(List<RowCursor> sources) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a merge needs at least one shard cursor");
    }
    this.sources = List.copyOf(sources);
    this.width = sources.get(0).width();
  }

  @Override public boolean next() throws SQLException {
    while (current < sources.size()) {
      RowCursor source = sources.get(current);
      if (source.next()) {
        return true;
      }
      source.close();
      current++;
    }
    return false;
  }

  @Override public Object[] row() {
    return sources.get(current).row();
  }

  @Override public int width() {
    return width;
  }

  @Override public void close() throws SQLException {
    CursorCloser.closeAll(sources);
  }
}
