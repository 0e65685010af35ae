package dev.sherd.jdbc.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sherd.jdbc.merge.MergeDialect;
import dev.sherd.jdbc.merge.MergePipeline;
import dev.sherd.jdbc.merge.StringCollation;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.AggregateCall;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.SortKey;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What merging allocates per row: the bytes the test thread allocates
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}) while a merge pipeline drains
 * synthetic shard cursors that allocate nothing themselves, divided by the rows merged. The target
 * is O(shards) per row at most; the bound here is generous on purpose ({@value #BYTES_PER_SHARD}
 * bytes per shard per row, plus a constant for the aggregate's per-row key and sum), because a
 * streaming merge should allocate close to nothing per row and only a merge that grows with the
 * row count — a copied row, a per-row list, a boxed comparator result per shard — should fail it.
 * Each pipeline is warmed up first (so the measurement sees compiled code), and the instrument is
 * checked against a drain that copies every row. Not a timing test.
 */
class MergeAllocationTest {

  private static final int ROWS = 200_000;
  private static final long BYTES_PER_SHARD = 32;
  private static final long AGGREGATE_CONSTANT = 256;
  private static final SortKey BY_KEY = new SortKey(0, false, SortKey.NullOrder.DEFAULT);

  private static com.sun.management.ThreadMXBean threads;

  @BeforeAll
  static void instrument() {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "this JVM cannot count allocated bytes per thread");
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "allocation counting unsupported");
    threads.setThreadAllocatedMemoryEnabled(true);
  }

  @ParameterizedTest(name = "{0} shards")
  @ValueSource(ints = {2, 4, 8, 16})
  void mergeSort_allocatesAtMostOShardsPerRow(int shards, TestReporter report)
      throws SQLException {
    long perRow = bytesPerRow(shards, 1, List.of(new MergeStep.MergeSorted(List.of(BY_KEY))),
        ROWS);
    report.publishEntry("bytes per row", Long.toString(perRow));
    assertTrue(perRow <= BYTES_PER_SHARD * shards, "ORDER BY merge of " + shards + " shards"
        + " allocated " + perRow + " bytes per row");
  }

  @ParameterizedTest(name = "{0} shards")
  @ValueSource(ints = {2, 4, 8, 16})
  void mergeSortWithOffsetAndLimit_allocatesAtMostOShardsPerRow(int shards, TestReporter report)
      throws SQLException {
    MergeStep limit = new MergeStep.Limit(new MergeExpr.Literal(100L),
        new MergeExpr.Literal((long) ROWS));
    long perRow = bytesPerRow(shards, 1,
        List.of(new MergeStep.MergeSorted(List.of(BY_KEY)), limit), ROWS - 100);
    report.publishEntry("bytes per row", Long.toString(perRow));
    assertTrue(perRow <= BYTES_PER_SHARD * shards, "ORDER BY … LIMIT … OFFSET merge of " + shards
        + " shards allocated " + perRow + " bytes per row");
  }

  @ParameterizedTest(name = "{0} shards")
  @ValueSource(ints = {2, 4, 8, 16})
  void concatenation_allocatesAtMostOShardsPerRow(int shards, TestReporter report)
      throws SQLException {
    long perRow = bytesPerRow(shards, 1, List.of(), ROWS);
    report.publishEntry("bytes per row", Long.toString(perRow));
    assertTrue(perRow <= BYTES_PER_SHARD * shards, "concatenation of " + shards + " shards"
        + " allocated " + perRow + " bytes per row");
  }

  /** Partial rows of 1,000 groups from every shard, merged into COUNT and SUM per group. */
  @ParameterizedTest(name = "{0} shards")
  @ValueSource(ints = {2, 4, 8, 16})
  void aggregate_allocatesAtMostOShardsPerInputRow(int shards, TestReporter report)
      throws SQLException {
    MergeStep aggregate = new MergeStep.Aggregate(new int[] {1}, List.of(
        new AggregateCall(AggregateCall.Kind.COUNT, 0),
        new AggregateCall(AggregateCall.Kind.SUM, 0)));
    long perInputRow = bytesPerRow(shards, 1_000, List.of(aggregate), 1_000);
    report.publishEntry("bytes per input row", Long.toString(perInputRow));
    assertTrue(perInputRow <= AGGREGATE_CONSTANT + BYTES_PER_SHARD * shards, "GROUP BY merge of "
        + shards + " shards allocated " + perInputRow + " bytes per input row");
  }

  /** The instrument sees a drain that copies each row (so the bounds above can fail). */
  @ParameterizedTest(name = "{0} shards")
  @ValueSource(ints = {4})
  void instrument_seesARowCopyPerRow(int shards) throws SQLException {
    List<SyntheticShardCursor> cursors = cursors(shards, 1);
    List<Object[]> sink = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      sink.clear();
      drainCopying(cursors, sink);
    }
    sink.clear();
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    int rows = drainCopying(cursors, sink);
    long perRow = (threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before)
        / rows;
    assertEquals(ROWS, rows);
    assertTrue(perRow >= 24, "a copied 3-column row is at least 24 bytes, measured " + perRow);
  }

  private static int drainCopying(List<SyntheticShardCursor> cursors, List<Object[]> sink)
      throws SQLException {
    List<RowCursor> inputs = new ArrayList<>();
    for (SyntheticShardCursor c : cursors) {
      inputs.add(c.rewind());
    }
    int rows = 0;
    try (RowCursor merged = build(inputs, List.of(new MergeStep.MergeSorted(List.of(BY_KEY))))) {
      while (merged.next()) {
        sink.add(merged.row().clone());
        rows++;
      }
    }
    return rows;
  }

  /**
   * Bytes allocated per input row by merging {@link #ROWS} synthetic rows over {@code shards}
   * cursors through {@code steps}, after three warm-up merges; checks the output row count.
   */
  private static long bytesPerRow(int shards, int groups, List<MergeStep> steps,
      int expectedRows) throws SQLException {
    List<SyntheticShardCursor> cursors = cursors(shards, groups);
    for (int round = 0; round < 3; round++) {
      drain(cursors, steps);
    }
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    long rows = drain(cursors, steps);
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertEquals(expectedRows, rows, "rows out of the merge");
    return allocated / ROWS;
  }

  private static List<SyntheticShardCursor> cursors(int shards, int groups) {
    List<SyntheticShardCursor> cursors = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      cursors.add(new SyntheticShardCursor(s, shards, ROWS / shards, groups));
    }
    return cursors;
  }

  private static long drain(List<SyntheticShardCursor> cursors, List<MergeStep> steps)
      throws SQLException {
    List<RowCursor> inputs = new ArrayList<>();
    for (SyntheticShardCursor c : cursors) {
      inputs.add(c.rewind());
    }
    long rows = 0;
    try (RowCursor merged = build(inputs, steps)) {
      while (merged.next()) {
        if (merged.row().length < 1) {
          throw new AssertionError("empty row");
        }
        rows++;
      }
    }
    return rows;
  }

  private static RowCursor build(List<RowCursor> inputs, List<MergeStep> steps)
      throws SQLException {
    return MergePipeline.build(inputs, steps, null, MergeDialect.H2, StringCollation.UTF16, null);
  }
}
