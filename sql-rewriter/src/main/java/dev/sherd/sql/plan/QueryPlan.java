package dev.sherd.sql.plan;

import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A SELECT. On one shard it runs {@link #direct()} — the application's own text and parameters,
 * no merge. On several it runs {@link #scatter()} on each and combines the rows with
 * {@link #mergeSteps(int)}; when the statement cannot be merged exactly, {@code scatter()} throws the
 * refusal, so a statement that is fine on one shard is never refused because it could not scatter.
 */
public final class QueryPlan implements StatementPlan {

  private final String sql;
  private final int parameterCount;
  private final RouteSpec route;
  private final ShardSql direct;
  private final ShardSql scatter;
  private final List<MergeStep> steps;
  private final int hiddenColumns;
  private final boolean aggregated;
  private final String scatterRefusal;
  private final Set<String> tables;
  private final boolean locking;
  private final boolean nondeterministic; // for the driver's result cache
  private final boolean noCacheHint; // for the driver's result cache

  public QueryPlan(String sql, int parameterCount, RouteSpec route, ShardSql direct,
      ShardSql scatter, List<MergeStep> steps, int hiddenColumns, boolean aggregated,
      String scatterRefusal, Set<String> tables, boolean locking) {
    this(sql, parameterCount, route, direct, scatter, steps, hiddenColumns, aggregated,
        scatterRefusal, tables, locking, false, false);
  }

  /**
   * @param nondeterministic the query calls a function whose value changes between executions
   * @param noCacheHint      a comment of the statement carries {@code sherd:no_cache}
   */
  public QueryPlan(String sql, int parameterCount, RouteSpec route, ShardSql direct,
      ShardSql scatter, List<MergeStep> steps, int hiddenColumns, boolean aggregated,
      String scatterRefusal, Set<String> tables, boolean locking, boolean nondeterministic,
      boolean noCacheHint) {
    this.sql = sql;
    this.parameterCount = parameterCount;
    this.route = route;
    this.direct = direct;
    this.scatter = scatter;
    this.steps = steps == null ? List.of() : List.copyOf(steps);
    this.hiddenColumns = hiddenColumns;
    this.aggregated = aggregated;
    this.scatterRefusal = scatterRefusal;
    this.tables = Set.copyOf(tables);
    this.locking = locking;
    this.nondeterministic = nondeterministic;
    this.noCacheHint = noCacheHint;
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  public RouteSpec route() {
    return route;
  }

  /** The statement as written, for a single shard. */
  public ShardSql direct() {
    return direct;
  }

  /** The per-shard statement for a multi-shard execution. */
  public ShardSql scatter() throws SQLFeatureNotSupportedException {
    if (scatterRefusal != null) {
      throw Refusals.unsupported(scatterRefusal);
    }
    return scatter;
  }

  /** Why this query cannot run on several shards, or null. */
  public String scatterRefusal() {
    return scatterRefusal;
  }

  /**
   * The merge steps for shard rows {@code shardWidth} columns wide (the width is only known from the
   * shard's answer when the select list holds a {@code *} and hidden sort columns were added).
   */
  public List<MergeStep> mergeSteps(int shardWidth) {
    if (hiddenColumns == 0) {
      return steps;
    }
    List<MergeStep> resolved = new ArrayList<>(steps.size());
    for (MergeStep step : steps) {
      if (step instanceof MergeStep.MergeSorted ms) {
        List<SortKey> keys = new ArrayList<>();
        for (SortKey k : ms.keys()) {
          int column = k.column() >= 0 ? k.column() : shardWidth - hiddenColumns + (-k.column() - 1);
          keys.add(new SortKey(column, k.descending(), k.nulls()));
        }
        resolved.add(new MergeStep.MergeSorted(keys));
      } else {
        resolved.add(step);
      }
    }
    return resolved;
  }

  /** The merge steps as planned, hidden columns shown as negative positions (for EXPLAIN). */
  public List<MergeStep> mergeSteps() {
    return steps;
  }

  /**
   * True when the merged result's columns are computed by the merge (aggregation): their labels and
   * types must then be taken from the shard database's description of {@link #sql()} itself.
   */
  public boolean aggregated() {
    return aggregated;
  }

  /** Number of hidden trailing columns the shards return for the merge only. */
  public int hiddenColumns() {
    return hiddenColumns;
  }

  /** Tables the query reads (lower case). */
  public Set<String> tables() {
    return tables;
  }

  /** True for SELECT … FOR UPDATE / FOR SHARE. */
  public boolean locking() {
    return locking;
  }

  /**
   * True when the query calls a function or keyword whose value changes between executions (NOW,
   * CURRENT_TIMESTAMP, RAND, UUID, NEXT VALUE FOR…): never answered from the result cache.
   */
  public boolean nondeterministic() {
    return nondeterministic;
  }

  /** True when a comment of the statement carries the {@code sherd:no_cache} hint. */
  public boolean noCacheHint() {
    return noCacheHint;
  }
}
