package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bank-transfer invariant under SIGKILL: a worker JVM with four threads moves money between
 * accounts on different shards (two or three shards per transfer, any of them holding the
 * decision), and is killed with SIGKILL at a random moment, round after round. Each new worker's
 * runtime recovers what the previous one left in doubt while its own transfers run (background
 * recovery every 500 ms). After the last round a fresh runtime recovers; the total must be what
 * it was, with no branch in doubt and no COMMIT decision left.
 *
 * <p>The seed is printed and named in every failure; rerun one with
 * {@code -Dsherd.test.seed=<seed>} (the kill moments then repeat; the interleavings cannot).
 */
class BankTransferCrashTest {

  private static final int ACCOUNTS_PER_SHARD = 10;
  private static final long BALANCE = 1000;
  private static final int THREADS = 4;

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Family.class)
  void transfersKilledAtRandomMoments_keepTheTotal(Family family) throws Exception {
    long seed = Long.getLong("sherd.test.seed", System.nanoTime());
    int rounds = family == Family.H2 ? 5 : 3;
    Random random = new Random(seed);
    StringBuilder log = new StringBuilder("seed " + seed + " (" + family + ")\n");
    System.out.println("BankTransferCrashTest " + family + ": seed " + seed);
    try (TxCluster cluster = TxCluster.start(family, dir)) {
      cluster.createAccounts(ACCOUNTS_PER_SHARD, BALANCE);
      long expected = TxCluster.SHARDS * ACCOUNTS_PER_SHARD * BALANCE;
      long transfers = 0;
      int inDoubtAfterKills = 0;
      for (int round = 1; round <= rounds; round++) {
        ChildJvm.Running worker = ChildJvm.start(cluster, List.of(
            "sherd.tx.recoveryIntervalMillis=500"),
            "bank", String.valueOf(THREADS), String.valueOf(seed + round),
            String.valueOf(ACCOUNTS_PER_SHARD));
        boolean ready = worker.awaitLine("READY", 30_000);
        if (!ready) {
          ChildJvm.Result r = worker.kill();
          throw new AssertionError(log + "round " + round + ": the worker made no transfer\n"
              + r.describe());
        }
        long killAfter = 300 + random.nextInt(1201);
        Thread.sleep(killAfter);
        ChildJvm.Result killed = worker.kill();
        long done = lastCount(killed.output(), "transfers=");
        transfers += done;
        inDoubtAfterKills += cluster.preparedBranches().size();
        log.append("round ").append(round).append(": killed ").append(killAfter)
            .append(" ms after the first transfer; ").append(lastLine(killed.output()))
            .append("; branches left in doubt: ").append(cluster.preparedBranches().size())
            .append('\n');
      }
      long started = System.nanoTime();
      TxCluster.Settled settled = cluster.recoverUntilSettled();
      log.append("final recovery (").append((System.nanoTime() - started) / 1_000_000)
          .append(" ms): ").append(settled).append('\n');
      log.append("branches left in doubt by the kills, all rounds: ").append(inDoubtAfterKills)
          .append('\n');
      System.out.print(log);

      assertTrue(transfers > 0, "no transfer committed in any round: " + log);
      assertEquals(List.of(), settled.inDoubtLeft(), "inDoubt() after recovery; " + log);
      assertEquals(List.of(), cluster.preparedBranches(), "prepared branches; " + log);
      long[] totals = cluster.accountTotals();
      if (totals[0] != expected) {
        log.append(cluster.journalDiscrepancies(BALANCE));
      }
      assertEquals(TxCluster.SHARDS * ACCOUNTS_PER_SHARD, totals[1], "accounts; " + log);
      assertEquals(expected, totals[0], "the total balance, read from the shards; " + log);
      try (Connection c = cluster.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT SUM(balance) FROM accounts")) {
        rs.next();
        assertEquals(expected, rs.getLong(1), "the total balance through the driver; " + log);
      }
      assertEquals(List.of(), cluster.decisionsWithOutcome("C"),
          "COMMIT decisions left after recovery; " + log);
    }
  }

  private static long lastCount(String output, String key) {
    long value = 0;
    for (String line : output.split("\n")) {
      int at = line.indexOf(key);
      if (at >= 0) {
        String rest = line.substring(at + key.length());
        int end = rest.indexOf(' ');
        try {
          value = Long.parseLong(end < 0 ? rest.trim() : rest.substring(0, end));
        } catch (NumberFormatException e) {
          // a line cut short by the kill
        }
      }
    }
    return value;
  }

  private static String lastLine(String output) {
    String last = "";
    for (String line : output.split("\n")) {
      if (line.startsWith("transfers=")) {
        last = line;
      }
    }
    return last;
  }
}
