package dev.sherd.sql.plan;

/**
 * The analysed form of one SQL text, cached by that text and shared by every execution. Immutable
 * and thread-safe; the execution-time inputs (parameter values) are passed to its methods.
 */
public sealed interface StatementPlan
    permits QueryPlan, WritePlan, InsertPlan, DdlPlan, PassthroughPlan, TransactionPlan,
    ExplainPlan {

  /** The statement's text as the application wrote it. */
  String sql();

  /** Number of {@code ?} parameters the application binds. */
  int parameterCount();
}
