package dev.sherd.jdbc.cache;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.RowCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a query's result into memory so it can be kept, but only as far as it may be kept: at the
 * first row that takes the estimate over the per-entry limit, or the first value that cannot be
 * shared (a LOB tied to its shard connection…), it stops and hands back a result set that replays
 * the rows read so far and then streams the rest from the still-open original. A result that is
 * not kept therefore costs no more memory than the limit. Stateless.
 */
final class ResultReader {

  /** Per row: the array and its header. */
  private static final long ROW_OVERHEAD = 32;
  /** Per column description (labels, type names, the record). */
  private static final long COLUMN_OVERHEAD = 320;
  /** The entry, its future and the cache's node. */
  static final long ENTRY_OVERHEAD = 256;

  private ResultReader() {}

  /** What reading found: a complete, keepable result, or a result set to hand back as it is. */
  record Read(CachedRows rows, ResultSet streaming) {}

  /** A complete result's parts (the generations are added by the caller). */
  record CachedRows(List<ColumnInfo> columns, Object[][] rows, boolean copyValues, long bytes) {}

  /**
   * Reads {@code live}. Complete: {@code live} is closed and the rows returned. Otherwise
   * {@code live} now belongs to the returned streaming result set.
   */
  static Read read(ResultSet live, long maxBytes, Statement owner) throws SQLException {
    try {
      List<ColumnInfo> columns = ColumnInfo.from(live.getMetaData());
      int width = columns.size();
      long bytes = ENTRY_OVERHEAD + COLUMN_OVERHEAD * width;
      boolean copyValues = false;
      List<Object[]> rows = new ArrayList<>();
      while (live.next()) {
        Object[] row = new Object[width];
        boolean storable = true;
        bytes += ROW_OVERHEAD + 4L * width;
        for (int i = 0; i < width; i++) {
          Object v = live.getObject(i + 1);
          row[i] = v;
          bytes += CachedValues.bytes(v);
          storable &= CachedValues.storable(v);
          copyValues |= CachedValues.mutable(v);
        }
        rows.add(row);
        if (!storable || bytes > maxBytes) {
          return new Read(null, new CursorResultSet(new ReplayCursor(rows, live, width), columns,
              owner, null)); // closing the cursor closes live
        }
      }
      live.close();
      return new Read(new CachedRows(columns, rows.toArray(new Object[0][]), copyValues, bytes),
          null);
    } catch (SQLException | RuntimeException e) {
      try {
        live.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The rows read so far, then the rest of the original result set. Not thread-safe. */
  private static final class ReplayCursor implements RowCursor {
    private final List<Object[]> read;
    private final ResultSet live;
    private final Object[] row;
    private int position = -1;
    private Object[] current;

    ReplayCursor(List<Object[]> read, ResultSet live, int width) {
      this.read = read;
      this.live = live;
      this.row = new Object[width];
    }

    @Override
    public boolean next() throws SQLException {
      if (position + 1 < read.size()) {
        current = read.get(++position);
        read.set(position, null); // replayed once: let it go
        return true;
      }
      position = read.size();
      if (!live.next()) {
        current = null;
        return false;
      }
      for (int i = 0; i < row.length; i++) {
        row[i] = live.getObject(i + 1);
      }
      current = row;
      return true;
    }

    @Override
    public Object[] row() {
      return current;
    }

    @Override
    public int width() {
      return row.length;
    }

    @Override
    public void close() throws SQLException {
      live.close();
    }
  }
}
