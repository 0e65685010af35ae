package dev.sherd.jdbc.tx;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic commit of a transaction that wrote to several shards.
 *
 * <ol>
 *   <li>Every written shard except the decision shard prepares its branch. A failure rolls back
 *   everything: commit() throws {@link SQLTransactionRollbackException} naming the shard.</li>
 *   <li>The decision shard (the transaction's first shard) inserts a COMMIT row into its decision
 *   table and commits locally. That local commit IS the decision, durable and visible to every
 *   driver instance. A key violation means recovery already aborted the transaction (it took
 *   longer than the grace period): everything rolls back.</li>
 *   <li>Every prepared branch commits. Failures here do not fail commit(): the outcome is fixed,
 *   and recovery (in this or any other instance) commits the remaining branches.</li>
 * </ol>
 * A crash at any point leaves either no decision (recovery rolls the prepared branches back after
 * the grace period) or a decision (recovery commits them). Read-only branches end with a local
 * commit before the decision. Stateless.
 */
final class TwoPhaseCommit {

  private static final Logger LOG = LoggerFactory.getLogger(TwoPhaseCommit.class);

  private TwoPhaseCommit() {}

  static void commit(GlobalTransaction tx) throws SQLException {
    TransactionManager m = tx.manager;
    int decision = tx.branches.length;
    for (int s = 0; s < tx.held.length; s++) {
      if (tx.held[s] != null && tx.branches[s].decisionShard == s) {
        decision = s;
      }
    }
    boolean[] prepared = new boolean[tx.held.length];
    try {
      m.ensureDecisionTable(decision);
    } catch (SQLException e) {
      abort(tx, prepared);
      throw rolledBack("shard " + m.shardName(decision) + " cannot hold the commit decision table "
          + m.decisions().name() + ": " + e.getMessage(), e);
    }
    long started = System.currentTimeMillis();
    // Phase one: prepare the written branches that do not hold the decision.
    for (int s = 0; s < tx.held.length; s++) {
      if (tx.held[s] == null || s == decision) {
        continue;
      }
      if (!tx.written[s]) {
        try {
          tx.commitOnePhase(s); // read-only: nothing to prepare
        } catch (SQLException e) {
          abort(tx, prepared);
          throw rolledBack("shard " + m.shardName(s) + " failed to end its read-only branch: "
              + e.getMessage(), e);
        }
        continue;
      }
      try {
        m.protocol().prepare(tx.held[s], tx.branches[s]);
        prepared[s] = true;
        FaultPoints.passed("prepared");
      } catch (SQLException e) {
        abort(tx, prepared);
        throw rolledBack("shard " + m.shardName(s) + " failed to prepare: " + e.getMessage(), e);
      }
    }
    // The decision, unless preparing took so long that recovery may already be aborting it.
    if (System.currentTimeMillis() - started > m.settings().gracePeriodMillis() / 2) {
      abort(tx, prepared);
      throw rolledBack("preparing took longer than half the grace period ("
          + m.settings().gracePeriodMillis() + " ms); rolled back so recovery cannot race it", null);
    }
    try {
      m.decisions().insert(tx.held[decision], tx.gtid, DecisionTable.COMMIT, System.currentTimeMillis());
    } catch (SQLIntegrityConstraintViolationException e) {
      abort(tx, prepared);
      throw rolledBack("recovery aborted this transaction before it could commit", e);
    } catch (SQLException e) {
      abort(tx, prepared);
      throw rolledBack("shard " + m.shardName(decision) + " failed to record the commit decision: "
          + e.getMessage(), e);
    }
    try {
      tx.commitOnePhase(decision);
    } catch (SQLException e) {
      settleUnknownDecision(tx, prepared, decision, e);
      return;
    }
    FaultPoints.passed("decided");
    m.stats().committedTwoPhase.incrementAndGet();
    // Phase two: the outcome is fixed; what fails here is left to recovery.
    for (int s = 0; s < tx.held.length; s++) {
      if (!prepared[s]) {
        continue;
      }
      try {
        tx.commitPrepared(s);
        FaultPoints.passed("committed");
      } catch (SQLException e) {
        tx.leftToRecovery[s] = true;
        m.stats().leftToRecovery.incrementAndGet();
        LOG.warn("transaction {} is committed, but its branch on shard {} could not be committed"
            + " yet ({}); recovery will commit it", tx.gtid, m.shardName(s), e.getMessage());
      }
    }
  }

  /**
   * The decision shard's commit failed with an unknown outcome (e.g. the connection broke):
   * look the decision up on a fresh connection and finish accordingly.
   */
  private static void settleUnknownDecision(GlobalTransaction tx, boolean[] prepared, int decision,
      SQLException failure) throws SQLException {
    TransactionManager m = tx.manager;
    String outcome;
    try {
      outcome = m.decisionOf(tx.gtid, decision);
    } catch (SQLException e) {
      failure.addSuppressed(e);
      throw new SQLException("the outcome of cross-shard transaction " + tx.gtid + " is unknown:"
          + " committing its decision on shard " + m.shardName(decision) + " failed ("
          + failure.getMessage() + "); recovery will commit or roll back every branch", "08007",
          failure);
    }
    if (DecisionTable.COMMIT.equals(outcome)) {
      for (int s = 0; s < tx.held.length; s++) {
        if (prepared[s]) {
          try {
            tx.commitPrepared(s);
          } catch (SQLException e) {
            tx.leftToRecovery[s] = true;
            m.stats().leftToRecovery.incrementAndGet();
          }
        }
      }
      return;
    }
    abort(tx, prepared);
    throw rolledBack("shard " + m.shardName(decision) + " failed to commit the decision: "
        + failure.getMessage(), failure);
  }

  /** Rolls back every branch: prepared ones with ROLLBACK PREPARED, the others locally. */
  private static void abort(GlobalTransaction tx, boolean[] prepared) {
    TransactionManager m = tx.manager;
    m.stats().rolledBack.incrementAndGet();
    for (int s = 0; s < tx.held.length; s++) {
      if (tx.held[s] == null) {
        continue;
      }
      try {
        if (prepared[s]) {
          tx.rollbackPrepared(s);
        } else {
          tx.rollbackUnprepared(s);
        }
      } catch (SQLException e) {
        LOG.warn("rolling back branch {} on shard {} failed ({}); recovery will roll it back",
            tx.branches[s], m.shardName(s), e.getMessage());
      }
    }
  }

  private static SQLTransactionRollbackException rolledBack(String why, SQLException cause) {
    return new SQLTransactionRollbackException("cross-shard transaction rolled back: " + why,
        "40000", cause);
  }
}
