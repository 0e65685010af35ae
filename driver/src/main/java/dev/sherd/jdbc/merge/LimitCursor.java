package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import java.sql.SQLException;

/**
 * Skips {@code offset} rows, then passes at most {@code fetch}. Streams, and reads no source row
 * after the last one it passes — a LIMIT stops the shards' work as early as the merge allows.
 * Not thread-safe.
 */
final class LimitCursor implements RowCursor {

  /** {@code fetch} value meaning no limit. */
  static final long ALL = Long.MAX_VALUE;

  private final RowCursor source;
  private long toSkip;
  private long remaining;

  LimitCursor(RowCursor source, long offset, long fetch) {
    if (offset < 0 || fetch < 0) {
      throw new IllegalArgumentException("offset and fetch must be >= 0, were " + offset + " and "
          + fetch);
    }
    this.source = source;
    this.toSkip = offset;
    this.remaining = fetch;
  }

  @Override public boolean next() throws SQLException {
    if (remaining == 0) {
      return false;
    }
    for (; toSkip > 0; toSkip--) {
      if (!source.next()) {
        remaining = 0;
        return false;
      }
    }
    if (!source.next()) {
      remaining = 0;
      return false;
    }
    remaining--;
    return true;
  }

  @Override public Object[] row() {
    return source.row();
  }

  @Override public int width() {
    return source.width();
  }

  @Override public void close() throws SQLException {
    source.close();
  }
}
