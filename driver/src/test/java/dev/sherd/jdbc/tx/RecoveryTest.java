package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recovery in one JVM, on each family: decision rows are removed once every branch of their
 * transaction is resolved, so the table does not grow; a prepared branch without a decision is
 * left alone for a grace period after recovery first sees it (its coordinator may still be
 * deciding, however long ago its transaction began) and rolled back after it, with an ABORT row so a late coordinator cannot commit; {@code inDoubt()} lists each
 * in-doubt branch once, under the shard holding it.
 */
class RecoveryTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void recovery_removesEveryDecisionOnceItsBranchesAreResolved(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection c = cluster.connect()) {
        TransactionManager tm = TxCluster.transactions(c);
        for (int round = 0; round < 2; round++) {
          int transactions = 12;
          for (int t = 0; t < transactions; t++) {
            // the first shard written (the decision shard) cycles through s0, s1, s2
            int id = round * 100 + t;
            c.setAutoCommit(false);
            insert(c, (t % 3) * 1000 + id);
            insert(c, ((t + 1) % 3) * 1000 + id);
            c.commit();
            c.setAutoCommit(true);
          }
          assertEquals(transactions, cluster.decisionsWithOutcome("C").size(),
              "round " + round + ": one COMMIT decision per committed transaction before recovery");
          Recovery.Report report = TxCluster.recoverUntil(tm, 0, transactions);
          assertEquals(List.of(), report.errors(), report.toString());
          assertEquals(transactions, report.decisionsRemoved(), report.toString());
          assertEquals(List.of(), cluster.decisionsWithOutcome("C"), report.toString());
          assertEquals(List.of(), cluster.decisionsWithOutcome("A"), report.toString());
        }
        assertEquals(48, cluster.ids("items").size());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void recovery_leavesAnUndecidedBranchAloneForAGracePeriodAfterSeeingIt_thenRollsItBack(
      Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection c = cluster.connect()) {
        TransactionManager tm = TxCluster.transactions(c);
        tm.recoverNow(); // the start-up run is over before the branch exists
        // a long transaction: it began ten grace periods before it prepared
        long began = System.currentTimeMillis() - 10 * TxCluster.GRACE_MILLIS;
        Xid xid = prepareUndecidedBranch(cluster, began, 1042);

        Recovery.Report young = tm.recoverNow();
        long seen = System.currentTimeMillis(); // recovery first saw it before this
        assertEquals(0, young.rolledBack() + young.committed(), "a branch first seen is left"
            + " alone, however long ago its transaction began: " + young);
        assertEquals(1, young.waiting(), young.toString());
        assertEquals(List.of("s1"), cluster.shardsWithPreparedBranches());
        Thread.sleep(Math.max(0, seen + TxCluster.GRACE_MILLIS + 100
            - System.currentTimeMillis()));
        Recovery.Report old = tm.recoverNow();
        assertEquals(1, old.rolledBack(), old.toString());
        assertEquals(0, old.waiting(), old.toString());
        assertEquals(List.of("s0:" + xid.global + "=A"), cluster.decisionsWithOutcome("A"),
            "recovery records ABORT on the decision shard first");
        assertEquals(List.of(), cluster.preparedBranches());
        assertEquals(List.of(), TxCluster.describe(tm.inDoubt()));
        assertEquals(Set.of(), cluster.ids("items"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void inDoubt_listsEachBranchOnceUnderItsOwnShard(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      try (Connection c = cluster.connect()) {
        TransactionManager tm = TxCluster.transactions(c);
        tm.recoverNow();
        long started = System.currentTimeMillis();
        Xid xid = prepareUndecidedBranch(cluster, started, 1043);
        List<String> inDoubt = TxCluster.describe(tm.inDoubt());
        Recovery.Report report = tm.recoverNow();
        if (System.currentTimeMillis() - started < TxCluster.GRACE_MILLIS) {
          assertEquals(List.of("s1:" + xid.name() + ":none"), inDoubt,
              "one prepared branch, on s1, without a decision");
          assertEquals(1, report.waiting(), "one branch waits for its grace period: " + report);
        }
      } finally {
        cluster.rollbackPreparedBranches();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void secondDecision_isAKeyViolation_onEveryFamily(Family family) throws Exception {
    // what settles a late coordinator against recovery: the loser must see a key violation,
    // also where the shard's driver has no exception class for it (PostgreSQL)
    try (TxCluster cluster = TxCluster.start(family, dir);
        Connection d = cluster.direct(0)) {
      DecisionTable decisions = DecisionTable.of(cluster.dialect());
      decisions.ensureExists(d);
      String gtid = Xid.newGlobal(cluster.clusterId(), 0, System.currentTimeMillis());
      decisions.insert(d, gtid, DecisionTable.COMMIT, 1L);
      SQLIntegrityConstraintViolationException e = assertThrows(
          SQLIntegrityConstraintViolationException.class,
          () -> decisions.insert(d, gtid, DecisionTable.ABORT, 2L));
      assertEquals("23", e.getSQLState().substring(0, 2), e.getMessage());
      assertEquals(DecisionTable.COMMIT, decisions.outcome(d, gtid));
      assertEquals(1, decisions.delete(d, List.of(gtid)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void settledDecisions_areDeletedInChunks_allOfThem(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir);
        Connection d = cluster.direct(0)) {
      DecisionTable decisions = DecisionTable.of(cluster.dialect());
      decisions.ensureExists(d);
      int count = 2 * DecisionTable.DELETE_CHUNK + 3;
      List<String> gtids = new java.util.ArrayList<>();
      d.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String gtid = Xid.newGlobal(cluster.clusterId(), 0, System.currentTimeMillis());
        decisions.insert(d, gtid, DecisionTable.COMMIT, i);
        gtids.add(gtid);
      }
      String kept = gtids.remove(count / 2);
      d.commit();
      d.setAutoCommit(true);
      gtids.add(Xid.newGlobal(cluster.clusterId(), 0, System.currentTimeMillis())); // no such row
      assertEquals(count - 1, decisions.delete(d, gtids));
      assertEquals(List.of(kept), decisions.all(d).stream().map(row -> (String) row[0]).toList());
    }
  }

  /**
   * Prepares, directly on s1, a branch named like the driver names one whose decision lives on
   * s0 — as a coordinator that crashed (or is still deciding) leaves it — and closes its session.
   */
  private static Xid prepareUndecidedBranch(TxCluster cluster, long startMillis, int id)
      throws SQLException {
    Xid xid = Xid.branch(Xid.newGlobal(cluster.clusterId(), 0, startMillis), 1);
    BranchProtocol protocol = BranchProtocol.of(cluster.dialect(), 30);
    try (Connection d = cluster.direct(1)) {
      d.setAutoCommit(false);
      protocol.begin(d, xid);
      try (PreparedStatement ps = d.prepareStatement("INSERT INTO items VALUES (?, 'x')")) {
        ps.setInt(1, id);
        ps.executeUpdate();
      }
      protocol.prepare(d, xid);
    }
    return xid;
  }

  private static void insert(Connection c, int id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, tag) VALUES (?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, "r" + id);
      ps.executeUpdate();
    }
  }
}
