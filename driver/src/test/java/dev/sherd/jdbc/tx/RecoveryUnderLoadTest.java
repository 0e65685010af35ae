package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recovery runs every {@code recoveryIntervalMillis} while the application commits: here four
 * threads commit cross-shard transfers for five seconds while recovery runs every 100 ms in the
 * same runtime, as it does in production. Every run lists the branches those commits have
 * prepared; finding one whose coordinator has decided and is committing it right now is normal,
 * not an error, and must not stop the run from removing the decisions of finished transactions —
 * else the decision table grows with every cross-shard transaction for as long as the load lasts.
 */
class RecoveryUnderLoadTest {

  private static final int THREADS = 4;
  /** Long against the grace period: recovery may leave decisions that young to the coordinator. */
  private static final long LOAD_MILLIS = 5000;

  @TempDir
  Path dir;

  /** What happened during one load period. */
  record Load(long transfers, List<Recovery.Report> runs, int commitRowsLeft, long total) {
    List<String> errors() {
      List<String> out = new ArrayList<>();
      for (Recovery.Report r : runs) {
        out.addAll(r.errors());
      }
      return out;
    }

    int runsWithErrors() {
      return (int) runs.stream().filter(r -> !r.errors().isEmpty()).count();
    }

    long decisionsRemoved() {
      return runs.stream().mapToLong(Recovery.Report::decisionsRemoved).sum();
    }

    String describe() {
      List<String> errors = errors();
      return transfers + " transfers, " + runs.size() + " recovery runs (" + runsWithErrors()
          + " with errors), " + decisionsRemoved() + " decisions removed during the load, "
          + commitRowsLeft + " COMMIT rows left after it; first errors: "
          + errors.subList(0, Math.min(3, errors.size()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void recovery_racingLiveCommits_reportsNoErrors(Family family) throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      Load load = runLoad(cluster);
      assertEquals(30_000, load.total(), "the total balance; " + load.describe());
      assertTrue(load.transfers() > 0, load.describe());
      assertEquals(List.of(), load.errors(), load.describe());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void recovery_duringSustainedLoad_keepsRemovingFinishedDecisions(Family family)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      Load load = runLoad(cluster);
      assertEquals(30_000, load.total(), "the total balance; " + load.describe());
      assertTrue(load.transfers() >= 20, "too little load to judge: " + load.describe());
      assertTrue(load.commitRowsLeft() <= load.transfers() / 2,
          "the decision table grows with the load: " + load.describe());
    }
  }

  private static Load runLoad(TxCluster cluster) throws Exception {
    cluster.createAccounts(10, 1000);
    try (Connection main = cluster.connect()) {
      TransactionManager tm = TxCluster.transactions(main);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong transfers = new AtomicLong();
      List<Throwable> threadFailures = new ArrayList<>();
      Thread[] threads = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        Random random = new Random(t);
        threads[t] = new Thread(() -> {
          try {
            transfer(cluster, random, stop, transfers);
          } catch (SQLException | RuntimeException e) {
            synchronized (threadFailures) {
              threadFailures.add(e);
            }
          }
        }, "load-" + t);
        threads[t].start();
      }
      List<Recovery.Report> runs = new ArrayList<>();
      long end = System.nanoTime() + LOAD_MILLIS * 1_000_000;
      try {
        while (System.nanoTime() < end) {
          runs.add(tm.recoverNow());
          Thread.sleep(100);
        }
      } finally {
        stop.set(true);
        for (Thread t : threads) {
          t.join(30_000);
        }
      }
      assertEquals(List.of(), threadFailures, "transfer threads");
      int left = cluster.decisionsWithOutcome("C").size();
      tm.recoverNow(); // a quiet run settles whatever the load left
      return new Load(transfers.get(), runs, left, cluster.accountTotals()[0]);
    }
  }

  /** s0 → s1 or s1 → s2 transfers, so either of two shards holds the decision. */
  private static void transfer(TxCluster cluster, Random random, AtomicBoolean stop,
      AtomicLong transfers) throws SQLException {
    try (Connection c = cluster.connect();
        PreparedStatement add = c.prepareStatement(
            "UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
      c.setAutoCommit(false);
      while (!stop.get()) {
        int from = random.nextInt(2);
        int a = from * 1000 + random.nextInt(10);
        int b = (from + 1) * 1000 + random.nextInt(10);
        try {
          add.setLong(1, -5);
          add.setInt(2, a);
          add.executeUpdate();
          add.setLong(1, 5);
          add.setInt(2, b);
          add.executeUpdate();
          c.commit();
          transfers.incrementAndGet();
        } catch (SQLException e) {
          c.rollback(); // a lock timeout: money is neither created nor lost
        }
      }
    }
  }
}
