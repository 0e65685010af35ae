package dev.sherd.sql.plan;

import java.util.List;

/**
 * One step of the merge pipeline applied, in order, to the rows coming back from the shards.
 * A plan is a list of steps; the first step consumes the shards' rows (concatenated, or k-way
 * merged when {@link MergeSorted} comes first), every later step consumes the previous one's output.
 * Each step describes itself for EXPLAIN through {@link #toString()}.
 */
public sealed interface MergeStep {

  /** Streaming k-way merge of shard results that each arrive sorted by {@code keys}. Only first. */
  record MergeSorted(List<SortKey> keys) implements MergeStep {}

  /**
   * Hash aggregation. Output row: the group columns' values in order, then one value per call.
   * Without group columns it emits exactly one row, even when no input row arrives.
   */
  record Aggregate(int[] groupColumns, List<AggregateCall> calls) implements MergeStep {
    @Override public String toString() {
      return "Aggregate[groupColumns=" + java.util.Arrays.toString(groupColumns) + ", calls=" + calls + "]";
    }
  }

  /** Keeps rows whose predicate is TRUE (HAVING). */
  record Filter(MergeExpr predicate) implements MergeStep {}

  /** Replaces each row by the values of {@code expressions}. */
  record Project(List<MergeExpr> expressions) implements MergeStep {}

  /** In-memory sort (after aggregation, where the input is not sorted by the keys). */
  record Sort(List<SortKey> keys) implements MergeStep {}

  /** Drops duplicate rows (SELECT DISTINCT), keeping the first occurrence. */
  record Distinct() implements MergeStep {}

  /**
   * Skips {@code offset} rows then keeps at most {@code fetch}. Either bound is a
   * {@link MergeExpr.Literal} or {@link MergeExpr.Param} evaluating to an integer, or null (none).
   */
  record Limit(MergeExpr offset, MergeExpr fetch) implements MergeStep {}

  /** Drops the last {@code count} columns: the hidden columns the rewriter added for the merge. */
  record DropHiddenColumns(int count) implements MergeStep {}
}
