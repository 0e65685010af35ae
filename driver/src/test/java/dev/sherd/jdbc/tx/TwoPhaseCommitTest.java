package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How a transaction through the driver ends on each family: one written shard commits locally
 * (no prepare, no decision row); read-only shards are released without a prepare, even when the
 * read-only shard is the one holding the decision; a shard failing during prepare rolls every
 * shard back and is named; a failure after the decision does not fail commit(), and recovery
 * commits what is left. Items ids route by range: s0 0..999, s1 1000..1999, s2 2000+.
 */
class TwoPhaseCommitTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void commit_writingOneShard_neverPreparesNorRecordsADecision(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection c = cluster.connect()) {
        TransactionStats stats = TxCluster.transactions(c).stats();
        long twoPhaseBefore = stats.committedTwoPhase();
        c.setAutoCommit(false);
        count(c, 1);    // reads s0
        insert(c, 1001);
        count(c, 2001); // reads s2
        insert(c, 1002);
        c.commit();
        assertEquals(twoPhaseBefore, stats.committedTwoPhase(), "two-phase commits");
      }
      assertEquals(Set.of(1001, 1002), cluster.ids("items"));
      assertEquals(List.of(), cluster.decisionsWithOutcome("C"), "decision rows");
      assertEquals(List.of(), cluster.decisionsWithOutcome("A"), "decision rows");
      assertEquals(List.of(), cluster.preparedBranches());
    }
  }

  /**
   * s0 (decision) and s1 written, s2 only read: the child halts right after the decision, so
   * whatever was prepared is still in doubt — only s1's branch may be.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void commit_withAReadOnlyShard_releasesItWithoutAPrepare(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      ChildJvm.Result crash = ChildJvm.run(cluster, List.of("sherd.fault.halt=decided:1"),
          "write-read", "5");
      assertEquals(ChildJvm.HALTED, crash.exitCode(), crash.describe());
      assertEquals(List.of("s1"), cluster.shardsWithPreparedBranches(),
          "branches prepared by a transaction writing s0, s1 and reading s2\n" + crash.describe());

      TxCluster.Settled settled = cluster.recoverUntilSettled();
      assertEquals(List.of(), settled.inDoubtLeft(), settled.toString());
      assertEquals(Set.of(5, 1005), cluster.ids("items"), settled.toString());
      assertEquals(List.of(), cluster.decisionsWithOutcome("C"), settled.toString());
    }
  }

  /** The first shard touched holds the decision even when the transaction only reads it. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void commit_whenTheDecisionShardWasOnlyRead_recordsTheDecisionThere(Family family)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection c = cluster.connect()) {
        TransactionStats stats = TxCluster.transactions(c).stats();
        long twoPhaseBefore = stats.committedTwoPhase();
        c.setAutoCommit(false);
        count(c, 2001); // s2: read only, but first
        insert(c, 1);
        insert(c, 1001);
        c.commit();
        assertEquals(twoPhaseBefore + 1, stats.committedTwoPhase(), "two-phase commits");
        assertEquals(Set.of(1, 1001), cluster.ids("items"));
        assertEquals(1, cluster.decisions(2).size(), "decision on s2: " + cluster.decisions(2));
        assertEquals(List.of(), cluster.preparedBranches());

        Recovery.Report report = TxCluster.recoverUntil(TxCluster.transactions(c), 0, 1);
        assertEquals(1, report.decisionsRemoved(), report.toString());
        assertEquals(List.of(), cluster.decisionsWithOutcome("C"), report.toString());
      }
    }
  }

  /**
   * s0 holds the decision, s1 prepares, then s2's session dies before it can prepare: commit()
   * throws SQLTransactionRollbackException naming s2, and every shard — the prepared s1 too — is
   * rolled back.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void commit_whenAShardFailsToPrepare_rollsBackEveryShardAndNamesIt(Family family)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection c = cluster.connect()) {
        TransactionStats stats = TxCluster.transactions(c).stats();
        long rolledBackBefore = stats.rolledBack();
        c.setAutoCommit(false);
        insert(c, 3);
        insert(c, 1003);
        insert(c, 2003);
        cluster.killSession(2, branchSession(cluster, c, 2003));
        SQLTransactionRollbackException e =
            assertThrows(SQLTransactionRollbackException.class, c::commit);
        assertTrue(e.getMessage().contains("s2"), "names the shard: " + e.getMessage());
        assertEquals(rolledBackBefore + 1, stats.rolledBack());
        // the connection is usable again and starts a new transaction
        insert(c, 4);
        c.commit();
      }
      assertEquals(Set.of(4), cluster.ids("items"), "only the later transaction's row");
      assertEquals(List.of(), cluster.preparedBranches(), "s1's prepared branch rolled back");
      assertEquals(List.of(), cluster.decisionsWithOutcome("C"));
    }
  }

  /**
   * s1 is prepared; while s0 records the decision a trigger kills s1's session, so committing the
   * prepared s1 branch fails after the decision. commit() succeeds (the outcome is fixed), s1's
   * branch is left to recovery, and recovery commits it and removes the decision.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void commit_failingAfterTheDecision_succeedsAndRecoveryCommitsTheRest(Family family)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      installKillTrigger(cluster);
      try (Connection c = cluster.connect()) {
        TransactionManager tm = TxCluster.transactions(c);
        long leftBefore = tm.stats().leftToRecovery.get();
        c.setAutoCommit(false);
        insert(c, 6);
        insert(c, 1006);
        armKillTrigger(cluster, branchSession(cluster, c, 1006));
        c.commit(); // must not throw: the decision is recorded
        assertEquals(leftBefore + 1, tm.stats().leftToRecovery.get(),
            "the test's trigger did not make phase two fail on s1");
        assertEquals(Set.of(6), cluster.ids("items"), "s0 committed, s1 still prepared");
        assertEquals(List.of("s1"), cluster.shardsWithPreparedBranches());
        List<String> inDoubt = TxCluster.describe(tm.inDoubt());
        assertTrue(inDoubt.stream().anyMatch(b -> b.startsWith("s1:") && b.endsWith(":commit")),
            "s1's branch is in doubt with a COMMIT decision: " + inDoubt);

        Recovery.Report report = TxCluster.recoverUntil(tm, 1, 1);
        assertEquals(1, report.committed(), report.toString());
        assertEquals(1, report.decisionsRemoved(), report.toString());
      }
      assertEquals(Set.of(6, 1006), cluster.ids("items"));
      assertEquals(List.of(), cluster.preparedBranches());
      assertEquals(List.of(), cluster.decisionsWithOutcome("C"));
    }
  }

  /**
   * H2 reports a branch session that died with error 90121 ("Database is already closed"), which
   * HikariCP does not treat as fatal: when phase two fails on such a branch, the transaction
   * closes the connection and the pool lends the dead session out again — here to recovery,
   * which then cannot commit the branch. A connection whose branch operation failed must be
   * evicted, not returned.
   */
  @Test
  void commit_failingAfterTheDecisionOnH2_doesNotLendTheDeadBranchConnectionAgain()
      throws Exception {
    try (TxCluster cluster = TxCluster.start(Family.H2, dir)) {
      installKillTrigger(cluster);
      try (Connection c = cluster.connect()) {
        TransactionManager tm = TxCluster.transactions(c);
        c.setAutoCommit(false);
        insert(c, 9);
        insert(c, 1009);
        armKillTrigger(cluster, branchSession(cluster, c, 1009));
        c.commit();
        assertEquals(List.of("s1"), cluster.shardsWithPreparedBranches());

        Recovery.Report report = TxCluster.recoverUntil(tm, 1, 1);
        assertEquals(List.of(), report.errors(), "recovery after the failed commit: " + report);
        assertEquals(1, report.committed(), report.toString());
      }
      assertEquals(Set.of(9, 1009), cluster.ids("items"));
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static void insert(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, tag) VALUES (?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, "t" + id);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static long count(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM items WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The session id of the transaction's branch on the shard holding item {@code id}. */
  static long branchSession(TxCluster cluster, Connection c, int id) throws SQLException {
    String function = cluster.family == Family.H2 ? "SESSION_ID()"
        : cluster.family == Family.POSTGRESQL ? "pg_backend_pid()" : "CONNECTION_ID()";
    try (PreparedStatement ps = c.prepareStatement("SELECT " + function
        + " AS sid FROM items WHERE id = ?")) {
      ps.setInt(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "the branch sees its own row " + id);
        return rs.getLong(1);
      }
    }
  }

  /** A trigger on s0's decision table that kills one armed session of s1 when a decision is recorded. */
  private static void installKillTrigger(TxCluster cluster) throws SQLException {
    try (Connection c = cluster.direct(0); Statement s = c.createStatement()) {
      cluster.decisionTable().ensureExists(c);
      switch (cluster.family) {
        case H2:
          s.execute("CREATE TRIGGER kill_victim AFTER INSERT ON " + cluster.decisionTable().name()
              + " FOR EACH ROW CALL \"" + AbortSessionTrigger.class.getName() + "\"");
          break;
        case POSTGRESQL:
          s.execute("CREATE TABLE victims (id BIGINT)");
          s.execute("CREATE FUNCTION kill_victim() RETURNS trigger LANGUAGE plpgsql AS $$"
              + " BEGIN PERFORM pg_terminate_backend(id::int, 5000) FROM victims;"
              + " DELETE FROM victims; RETURN NEW; END $$");
          s.execute("CREATE TRIGGER kill_victim AFTER INSERT ON " + cluster.decisionTable().name()
              + " FOR EACH ROW EXECUTE FUNCTION kill_victim()");
          break;
        default:
          s.execute("CREATE TABLE victims (id BIGINT)");
          s.execute("CREATE TRIGGER kill_victim AFTER INSERT ON " + cluster.decisionTable().name()
              + " FOR EACH ROW BEGIN DECLARE v BIGINT; SELECT MAX(id) INTO v FROM victims;"
              + " IF v IS NOT NULL THEN DELETE FROM victims; KILL v; END IF; END");
      }
    }
  }

  private static void armKillTrigger(TxCluster cluster, long session) throws SQLException {
    if (cluster.family == Family.H2) {
      AbortSessionTrigger.arm(cluster.shardUrl(1), session);
      return;
    }
    try (Connection c = cluster.direct(0); Statement s = c.createStatement()) {
      s.execute("INSERT INTO victims VALUES (" + session + ")");
    }
  }
}
