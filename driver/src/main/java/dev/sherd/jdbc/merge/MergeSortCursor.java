package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Streaming k-way merge of cursors that each deliver rows sorted by the same order.
 *
 * <p>Design: a priority queue holds the sources whose current row is not yet emitted, ordered by
 * that row; ties go to the lower source index, so the merge is deterministic. The emitted row is the
 * winning source's own row array, valid because that source is advanced only on the following
 * {@link #next()} — so no row is ever copied and at most one row per source is held: O(shards)
 * memory whatever the result size. A source is closed as soon as it is exhausted. Not thread-safe.
 */
final class MergeSortCursor implements RowCursor {

  private record Source(int index, RowCursor cursor) {}

  private final List<RowCursor> sources;
  private final PriorityQueue<Source> queue;
  private final int width;
  private Source current;
  private boolean started;

  MergeSortCursor(List<RowCursor> sources, Comparator<Object[]> order) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a merge needs at least one shard cursor");
    }
    this.sources = List.copyOf(sources);
    this.width = sources.get(0).width();
    Comparator<Source> byRow = (a, b) -> order.compare(a.cursor().row(), b.cursor().row());
    this.queue = new PriorityQueue<>(sources.size(), byRow.thenComparingInt(Source::index));
  }

  @Override public boolean next() throws SQLException {
    try {
      if (!started) {
        started = true;
        for (int i = 0; i < sources.size(); i++) {
          advance(new Source(i, sources.get(i)));
        }
      } else if (current != null) {
        advance(current);
      }
      current = queue.poll();
      return current != null;
    } catch (IncomparableValuesException e) {
      throw e.toSqlException();
    }
  }

  private void advance(Source source) throws SQLException {
    if (source.cursor().next()) {
      queue.add(source);
    } else {
      source.cursor().close();
    }
  }

  @Override public Object[] row() {
    return current.cursor().row();
  }

  @Override public int width() {
    return width;
  }

  /** Rows held right now: one per source still queued, plus the emitted one. */
  int heldRows() {
    return queue.size() + (current == null ? 0 : 1);
  }

  @Override public void close() throws SQLException {
    queue.clear();
    current = null;
    CursorCloser.closeAll(sources);
  }
}
