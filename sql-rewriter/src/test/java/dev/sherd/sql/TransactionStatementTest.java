package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.TransactionPlan;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transaction statements are carried out by the driver on the logical connection, and it decides by
 * {@link TransactionPlan#verb()}. So the verb must be enough to tell statements with different
 * effects apart.
 */
class TransactionStatementTest {

  private final Planner planner = new Planner(PlannerGoldenTest.cluster(), 100);

  @ParameterizedTest
  @CsvSource({"COMMIT, COMMIT", "commit;, COMMIT", "ROLLBACK, ROLLBACK", "BEGIN, BEGIN",
      "START TRANSACTION, START", "COMMIT WORK, COMMIT"})
  void verb_isTheStatementsFirstWord(String sql, String verb) throws SQLException {
    assertEquals(verb, ((TransactionPlan) planner.plan(sql)).verb());
  }

  /** Savepoints and transaction options in SQL are refused, never half-applied. */
  @ParameterizedTest
  @CsvSource({"SAVEPOINT sp1", "RELEASE SAVEPOINT sp1", "START TRANSACTION READ ONLY",
      "BEGIN ISOLATION LEVEL SERIALIZABLE"})
  void savepointsAndOptions_areRefused(String sql) {
    java.sql.SQLFeatureNotSupportedException e = org.junit.jupiter.api.Assertions.assertThrows(
        java.sql.SQLFeatureNotSupportedException.class, () -> planner.plan(sql));
    assertEquals("0A000", e.getSQLState());
  }

  /**
   * ROLLBACK TO SAVEPOINT must not be planned with verb ROLLBACK, and the driver then rolls back the
   * whole transaction: every change since BEGIN is lost instead of those after the savepoint. It
   * must be told apart (its own verb, or a refusal) so it cannot be mistaken for a full rollback.
   */
  @Test
  void rollbackToSavepoint_isNotPlannedAsAFullRollback() {
    StatementPlan plan;
    try {
      plan = planner.plan("ROLLBACK TO SAVEPOINT sp1");
    } catch (SQLException refused) {
      return; // refusing is fine
    }
    assertNotEquals("ROLLBACK", ((TransactionPlan) plan).verb());
  }
}
