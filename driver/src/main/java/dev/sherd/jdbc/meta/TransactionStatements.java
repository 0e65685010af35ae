package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.PlanExecutor;
import dev.sherd.jdbc.exec.ShardSession;
import dev.sherd.jdbc.tx.Recovery;
import dev.sherd.jdbc.tx.TransactionManager;
import dev.sherd.jdbc.tx.TransactionStats;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's view of cross-shard transactions, as statements through the driver:
 * {@code SHOW TRANSACTIONS} lists every in-doubt branch of the cluster (SHARD, BRANCH, DECISION,
 * AGE_MS) followed by the counters (rows whose SHARD is {@code *}); {@code RECOVER TRANSACTIONS}
 * runs recovery now and reports what it did. Stateless.
 */
final class TransactionStatements {

  private TransactionStatements() {}

  static PlanExecutor.Outcome show(ShardSession session, Statement owner) throws SQLException {
    TransactionManager tm = session.runtime().transactions();
    MetaRows rows = new MetaRows(List.of(MetaRows.varchar("SHARD"), MetaRows.varchar("BRANCH"),
        MetaRows.varchar("DECISION"), MetaRows.varchar("VALUE")), new ArrayList<>());
    for (Object[] branch : tm.inDoubt()) {
      rows.rows.add(new Object[] {branch[0], branch[1], branch[2], "age " + branch[3] + " ms"});
    }
    TransactionStats s = tm.stats();
    counter(rows, "instance", tm.instanceId());
    counter(rows, "committed with two-phase commit", s.committedTwoPhase());
    counter(rows, "rolled back", s.rolledBack());
    counter(rows, "recovery runs", s.recoveryRuns());
    counter(rows, "branches committed by recovery", s.recoveredCommits());
    counter(rows, "branches rolled back by recovery", s.recoveredRollbacks());
    counter(rows, "decision records removed", s.decisionsRemoved());
    counter(rows, "last recovery error", s.lastRecoveryError());
    return new PlanExecutor.Outcome(rows.toResultSet(owner), -1);
  }

  static PlanExecutor.Outcome recover(ShardSession session, Statement owner) throws SQLException {
    Recovery.Report r = session.runtime().transactions().recoverNow();
    MetaRows rows = new MetaRows(List.of(MetaRows.varchar("SHARD"), MetaRows.varchar("BRANCH"),
        MetaRows.varchar("DECISION"), MetaRows.varchar("VALUE")), new ArrayList<>());
    counter(rows, "branches committed", r.committed());
    counter(rows, "branches rolled back", r.rolledBack());
    counter(rows, "branches left to their coordinator (within the grace period)", r.waiting());
    counter(rows, "decision records removed", r.decisionsRemoved());
    for (String error : r.errors()) {
      counter(rows, "unreachable", error);
    }
    return new PlanExecutor.Outcome(rows.toResultSet(owner), -1);
  }

  private static void counter(MetaRows rows, String name, Object value) {
    rows.rows.add(new Object[] {"*", null, name, value == null ? null : String.valueOf(value)});
  }
}
