package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JVM crashing at every step of a cross-shard commit, and during recovery itself: a child JVM
 * runs one transaction writing s0 (which holds the decision), s1 and s2, and halts at a fault
 * point. A fresh runtime in this JVM (another instance id) then recovers; the transaction's rows
 * must be all there when the decision was reached and all absent otherwise, with no branch left
 * in doubt and no COMMIT decision left behind. Each case checks first that the crash left the
 * state it claims to test (which branches are prepared, whether the decision row exists), so a
 * fault point that stopped firing cannot make the test pass vacuously.
 */
class CrashRecoveryTest {

  private static final int BASE = 7;
  private static final Set<Integer> ALL = Set.of(BASE, BASE + 1000, BASE + 2000);

  @TempDir
  Path dir;

  /**
   * Where a crash leaves the transaction.
   *
   * @param halt           the fault point the child halts at
   * @param preparedShards shards whose branch is prepared and unresolved after the crash
   * @param decided        whether the COMMIT decision row was committed on s0
   */
  record Step(String halt, List<String> preparedShards, boolean decided) {
    @Override
    public String toString() {
      return halt;
    }
  }

  static Stream<Arguments> everyStepOnEveryFamily() {
    List<Step> steps = List.of(
        new Step("prepared:1", List.of("s1"), false),
        new Step("prepared:2", List.of("s1", "s2"), false),
        new Step("decided:1", List.of("s1", "s2"), true),
        new Step("committed:1", List.of("s2"), true),
        new Step("committed:2", List.of(), true));
    List<Arguments> out = new ArrayList<>();
    for (Family family : Family.values()) {
      for (Step step : steps) {
        out.add(Arguments.of(family, step));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, halt at {1}")
  @MethodSource("everyStepOnEveryFamily")
  void crashDuringCommit_freshRuntimeRecovers_allOrNothing(Family family, Step step)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      ChildJvm.Result crash = ChildJvm.run(cluster, List.of("sherd.fault.halt=" + step.halt()),
          "write", String.valueOf(BASE));
      assertEquals(ChildJvm.HALTED, crash.exitCode(), crash.describe());

      String state = "after halting at " + step.halt() + "\n" + crash.describe();
      assertEquals(step.preparedShards(), cluster.shardsWithPreparedBranches(),
          "prepared branches " + state);
      assertEquals(step.decided() ? 1 : 0, cluster.decisionsWithOutcome("C").size(),
          "COMMIT decisions " + state);

      TxCluster.Settled settled = cluster.recoverUntilSettled();
      assertSettled(cluster, settled, step.decided(), state);
      if (step.decided()) {
        assertTrue(settled.decisionsRemoved() >= 1, "the decision is removed: " + settled);
      }
    }
  }

  /**
   * First crash leaves two prepared branches (with or without a decision); a recovery child then
   * halts right after resolving one of them; a third runtime finishes the other.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void crashDuringRecovery_afterTheDecision_nextRecoveryCommitsTheRest(Family family)
      throws Exception {
    crashTwice(family, "decided:1", true);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void crashDuringRecovery_withoutADecision_nextRecoveryRollsBackTheRest(Family family)
      throws Exception {
    crashTwice(family, "prepared:2", false);
  }

  private void crashTwice(Family family, String firstHalt, boolean decided) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      ChildJvm.Result crash = ChildJvm.run(cluster, List.of("sherd.fault.halt=" + firstHalt),
          "write", String.valueOf(BASE));
      assertEquals(ChildJvm.HALTED, crash.exitCode(), crash.describe());
      assertEquals(List.of("s1", "s2"), cluster.shardsWithPreparedBranches(),
          "prepared branches after halting at " + firstHalt + "\n" + crash.describe());

      ChildJvm.Result recovery = ChildJvm.run(cluster, List.of("sherd.fault.halt=recovered:1"),
          "recover");
      String state = "after halting at " + firstHalt + ", then at recovered:1\n"
          + recovery.describe();
      assertEquals(ChildJvm.HALTED, recovery.exitCode(), state);
      assertEquals(1, cluster.preparedBranches().size(),
          "one branch resolved, one left: " + cluster.preparedBranches() + "\n" + state);
      assertEquals(decided ? 1 : 0, cluster.decisionsWithOutcome("C").size(),
          "COMMIT decisions " + state);
      assertEquals(decided ? 0 : 1, cluster.decisionsWithOutcome("A").size(),
          "ABORT decisions " + state);

      assertSettled(cluster, cluster.recoverUntilSettled(), decided, state);
    }
  }

  /**
   * H2 makes a commit visible to other sessions before it reaches the file (MVStore marks the
   * transaction committed, then writes). Here the decision shard's commit hangs in its file write
   * (a stalled disk) while recovery runs in the same JVM, as it does every
   * recoveryIntervalMillis; then the JVM dies. The decision never reached s0's file, so the
   * transaction must end all absent — but if recovery acted on the visible, not yet durable
   * COMMIT decision, s1 and s2 are committed and s0 is not. (Recovery must leave a transaction
   * its own runtime is still committing alone; waiting a grace period from the transaction's
   * start is not enough, the stall here outlasts it.)
   */
  @Test
  void crashWhileTheDecisionIsVisibleButNotDurable_onH2_leavesAllOrNothing() throws Exception {
    try (TxCluster cluster = TxCluster.startH2WithGatedFiles(dir)) {
      try (Connection c = cluster.direct(0); Statement st = c.createStatement()) {
        cluster.decisionTable().ensureExists(c);
        st.execute("CREATE TRIGGER stall_decision AFTER INSERT ON " + cluster.decisionTable().name()
            + " FOR EACH ROW CALL \"" + StallDecisionTrigger.class.getName() + "\"");
      }
      String s0File = File.separator + "h2" + File.separator + "s0.";
      ChildJvm.Result crash = ChildJvm.run(cluster, List.of("sherd.test.stallWritesTo=" + s0File),
          "write-stalled-decision", String.valueOf(BASE));
      assertEquals(ChildJvm.WATCHDOG, crash.exitCode(), crash.describe());

      TxCluster.Settled settled = cluster.recoverUntilSettled();
      String context = "after s0's decision commit stalled and the JVM died\n" + crash.describe()
          + "\nrecovery: " + settled;
      assertEquals(List.of(), settled.inDoubtLeft(), context);
      TreeSet<Integer> ids = cluster.ids("items");
      assertTrue(ids.isEmpty() || ids.equals(new TreeSet<>(ALL)),
          "all or nothing, but found " + ids + "; " + context);
      assertEquals(new TreeSet<>(), ids, "the decision never became durable; " + context);
    }
  }

  private static void assertSettled(TxCluster cluster, TxCluster.Settled settled,
      boolean committed, String state) throws Exception {
    String context = state + "\nrecovery: " + settled;
    assertEquals(List.of(), settled.inDoubtLeft(), "inDoubt() after recovery; " + context);
    assertEquals(List.of(), cluster.preparedBranches(), "prepared branches; " + context);
    TreeSet<Integer> ids = cluster.ids("items");
    assertEquals(committed ? new TreeSet<>(ALL) : new TreeSet<>(), ids,
        "the transaction's rows must be " + (committed ? "all there" : "all absent") + "; "
            + context);
    assertEquals(List.of(), cluster.decisionsWithOutcome("C"),
        "no COMMIT decision is left once every branch is resolved; " + context);
  }
}
