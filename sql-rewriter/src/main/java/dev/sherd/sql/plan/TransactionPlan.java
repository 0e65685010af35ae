package dev.sherd.sql.plan;

/**
 * A transaction-control statement (COMMIT, ROLLBACK, BEGIN, START TRANSACTION, SAVEPOINT, RELEASE):
 * the driver maps it onto the logical connection, never onto one shard's connection.
 *
 * @param verb the statement's first word, upper case
 */
public record TransactionPlan(String sql, String verb) implements StatementPlan {

  @Override
  public int parameterCount() {
    return 0;
  }
}
