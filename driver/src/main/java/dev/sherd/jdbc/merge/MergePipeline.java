package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.JdbcValues;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.SortKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the cursor that merges shard results according to a plan's {@link MergeStep}s — the one
 * entry point of this package.
 *
 * <p>Design: a plan is a list of steps, so the cursor is a chain: the shard cursors are k-way
 * merged when the first step is {@link MergeStep.MergeSorted}, concatenated otherwise, and each
 * further step wraps the cursor before it. Every cursor streams except where the step's semantics
 * need all rows (Aggregate, Sort). LIMIT/OFFSET bounds are evaluated once, here. Whatever happens,
 * the shard cursors end up owned by the returned cursor, or closed when building fails. Thread-safe:
 * stateless; the cursor it returns is not.
 */
public final class MergePipeline {

  private MergePipeline() {}

  /**
   * @param shardCursors         one cursor per shard, all of the same width; ownership passes here
   * @param steps                the plan's merge steps, in order
   * @param params               the statement's parameter values, 0-based (may be null)
   * @param dialect              the shard database's NULL order and arithmetic rules
   * @param collation            how the shard database orders and equates strings
   * @param projectTargetColumns the columns the database reports for the result; merged values
   *                             are coerced to them (see {@link ProjectCursor}) at the last Project
   *                             step, or by a final projection when the plan has none; null leaves
   *                             values as computed
   * @return the merged rows
   * @throws SQLException (SQLDataException 2201X / 2201W) for a negative OFFSET / FETCH, or for a
   *                      malformed plan; the shard cursors are closed
   */
  public static RowCursor build(List<RowCursor> shardCursors, List<MergeStep> steps,
      Object[] params, MergeDialect dialect, StringCollation collation,
      List<ColumnInfo> projectTargetColumns) throws SQLException {
    ValueComparator comparator = new ValueComparator(dialect.nullsFirstAscending(), collation);
    ExpressionEvaluator evaluator = new ExpressionEvaluator(params, comparator, dialect);
    int lastProject = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof MergeStep.Project) {
        lastProject = i;
      }
    }
    RowCursor cursor = null;
    try {
      int first = 0;
      if (!steps.isEmpty() && steps.get(0) instanceof MergeStep.MergeSorted sorted) {
        checkKeys(sorted.keys(), shardCursors.isEmpty() ? 0 : shardCursors.get(0).width());
        cursor = new MergeSortCursor(shardCursors, comparator.rowOrder(sorted.keys()));
        first = 1;
      } else {
        cursor = new ConcatCursor(shardCursors);
      }
      for (int i = first; i < steps.size(); i++) {
        MergeStep step = steps.get(i);
        if (step instanceof MergeStep.MergeSorted) {
          throw new SQLException("malformed merge plan: MergeSorted must be the first step,"
              + " found at position " + i + " of " + steps);
        }
        cursor = wrap(cursor, step, comparator, evaluator,
            i == lastProject ? projectTargetColumns : null);
      }
      if (lastProject < 0 && projectTargetColumns != null) {
        cursor = new ProjectCursor(cursor, identity(cursor.width()), evaluator,
            projectTargetColumns);
      }
      return cursor;
    } catch (SQLException | RuntimeException e) {
      try {
        CursorCloser.closeAll(cursor != null ? List.of(cursor) : shardCursors);
      } catch (SQLException closeFailure) {
        e.addSuppressed(closeFailure);
      }
      if (e instanceof IllegalArgumentException) {
        throw new SQLException("malformed merge plan " + steps + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private static RowCursor wrap(RowCursor cursor, MergeStep step, ValueComparator comparator,
      ExpressionEvaluator evaluator, List<ColumnInfo> targets) throws SQLException {
    if (step instanceof MergeStep.Aggregate a) {
      return new AggregateCursor(cursor, a.groupColumns(), a.calls(), comparator);
    } else if (step instanceof MergeStep.Filter f) {
      return new FilterCursor(cursor, f.predicate(), evaluator);
    } else if (step instanceof MergeStep.Project p) {
      return new ProjectCursor(cursor, p.expressions(), evaluator, targets);
    } else if (step instanceof MergeStep.Sort s) {
      checkKeys(s.keys(), cursor.width());
      return new SortCursor(cursor, comparator.rowOrder(s.keys()));
    } else if (step instanceof MergeStep.Distinct) {
      return new DistinctCursor(cursor, comparator);
    } else if (step instanceof MergeStep.Limit l) {
      long offset = rowCount(l.offset(), evaluator, "OFFSET", "2201X", 0);
      long fetch = rowCount(l.fetch(), evaluator, "FETCH", "2201W", LimitCursor.ALL);
      return new LimitCursor(cursor, offset, fetch);
    } else if (step instanceof MergeStep.DropHiddenColumns d) {
      return new DropHiddenColumnsCursor(cursor, d.count());
    }
    throw new SQLException("unsupported merge step: " + step);
  }

  private static void checkKeys(List<SortKey> keys, int width) {
    for (SortKey key : keys) {
      if (key.column() < 0 || key.column() >= width) {
        throw new IllegalArgumentException("sort key column " + key.column()
            + " (0-based) is outside rows of " + width + " columns");
      }
    }
  }

  private static List<MergeExpr> identity(int width) {
    List<MergeExpr> refs = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      refs.add(new MergeExpr.Ref(i));
    }
    return refs;
  }

  /** A LIMIT bound: a non-negative integer; an absent or NULL bound means {@code none}. */
  private static long rowCount(MergeExpr bound, ExpressionEvaluator evaluator, String clause,
      String negativeState, long none) throws SQLException {
    Object v = bound == null ? null : evaluator.evaluate(bound, new Object[0]);
    if (v == null) {
      return none;
    }
    if (v instanceof String text) { // a bound string holding an integer, as one database accepts
      try {
        v = new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw new SQLDataException(clause + " must be an integer, was '" + text + "'", "22018");
      }
    }
    long count;
    if (JdbcValues.isIntegral(v)) {
      count = ((Number) v).longValue();
    } else if ((v instanceof BigDecimal || v instanceof BigInteger)
        && ValueComparator.exact((Number) v).stripTrailingZeros().scale() <= 0) {
      count = JdbcValues.toLong(v, clause);
    } else {
      throw new SQLDataException(clause + " must be an integer, was " + JdbcValues.describe(v),
          "22018");
    }
    if (count < 0) {
      throw new SQLDataException(clause + " must not be negative, was " + count, negativeState);
    }
    return count;
  }
}
