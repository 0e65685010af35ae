package dev.sherd.sql.plan;

/** {@code EXPLAIN <statement>}: describes the inner plan's route, shard SQL and merge steps. */
public record ExplainPlan(String sql, StatementPlan inner) implements StatementPlan {

  @Override
  public int parameterCount() {
    return inner.parameterCount();
  }
}
