package dev.sherd.jdbc.perf;

import dev.sherd.jdbc.result.RowCursor;

/**
 * A shard cursor that allocates nothing per row, so that what a merge over it allocates is the
 * merge's own: shard {@code s} of {@code k} delivers keys {@code s, s + k, s + 2k, …} in ascending
 * order (so the shards interleave, as hash-placed keys do), each row {@code {key, group, label}}.
 * Keys and groups are boxed up front; like {@code ShardCursor} it reuses one row array. Not
 * thread-safe.
 */
final class SyntheticShardCursor implements RowCursor {

  static final int WIDTH = 3;
  private static final String LABEL = "row";

  private final Long[] keys;
  private final Long[] groups;
  private final Object[] row = new Object[WIDTH];
  private int next;

  /**
   * @param groupCount rows get group {@code key % groupCount}
   */
  SyntheticShardCursor(int shard, int shards, int rows, int groupCount) {
    keys = new Long[rows];
    groups = new Long[rows];
    Long[] groupValues = new Long[groupCount];
    for (int g = 0; g < groupCount; g++) {
      groupValues[g] = Long.valueOf(g);
    }
    for (int i = 0; i < rows; i++) {
      long key = (long) i * shards + shard;
      keys[i] = key;
      groups[i] = groupValues[(int) (key % groupCount)];
    }
  }

  /** Starts over, so the same cursor can be merged again after a warm-up. */
  SyntheticShardCursor rewind() {
    next = 0;
    return this;
  }

  @Override
  public boolean next() {
    if (next == keys.length) {
      return false;
    }
    row[0] = keys[next];
    row[1] = groups[next];
    row[2] = LABEL;
    next++;
    return true;
  }

  @Override
  public Object[] row() {
    return row;
  }

  @Override
  public int width() {
    return WIDTH;
  }

  @Override
  public void close() {
    // nothing held
  }
}
