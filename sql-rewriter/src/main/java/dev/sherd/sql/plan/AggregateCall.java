package dev.sherd.sql.plan;

/**
 * One aggregate computed by the merge layer from per-shard rows.
 *
 * <p>For the non-distinct kinds, {@code column} holds a per-shard partial (a shard's COUNT, SUM,
 * MIN or MAX) and the merge folds partials: COUNT partials are summed, SUM partials are added
 * (NULL when every partial is NULL), MIN/MAX take the extreme non-NULL partial. For the distinct
 * kinds, {@code column} holds the raw argument value (shards group by it) and the merge collects
 * the distinct non-NULL values of the group before counting or summing them.
 *
 * @param kind   what to compute
 * @param column 0-based index of the input column in the shard row
 */
public record AggregateCall(Kind kind, int column) {

  /** The merge function. AVG is not a kind: it is SUM / COUNT, see {@link MergeExpr.Avg}. */
  public enum Kind { COUNT, SUM, MIN, MAX, COUNT_DISTINCT, SUM_DISTINCT }
}
