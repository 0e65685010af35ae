package dev.sherd.jdbc.tx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child-JVM side of the crash tests (started by {@link ChildJvm}):
 * {@code TxWorker <cluster.yaml> <scenario> <args…>}. Scenarios:
 * <ul>
 *   <li>{@code write <base>}: one transaction inserting items base (s0, so s0 holds the decision),
 *   base+1000 (s1) and base+2000 (s2): two branches to prepare. Prints COMMITTED.</li>
 *   <li>{@code write-read <base>}: inserts base (s0), reads s2, inserts base+1000 (s1): s2 is a
 *   read-only branch. Prints COMMITTED.</li>
 *   <li>{@code write-stalled-decision <base>}: {@code write} while s0's decision commit hangs in
 *   its file write and recovery runs alongside, until a watchdog halts the JVM.</li>
 *   <li>{@code recover}: runs recovery until nothing is in doubt. Prints RECOVERED.</li>
 *   <li>{@code bank <threads> <seed> <accounts per shard>}: moves money between accounts on
 *   different shards until killed (or 120 s). Prints READY after the first transfer, then
 *   "transfers=… failures=…" every 100 ms.</li>
 * </ul>
 * A fault point set with {@code -Dsherd.fault.halt} halts it with exit code 99.
 */
final class TxWorker {

  private TxWorker() {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:sherd:" + args[0];
    switch (args[1]) {
      case "write":
        write(url, Integer.parseInt(args[2]), false);
        break;
      case "write-read":
        write(url, Integer.parseInt(args[2]), true);
        break;
      case "write-stalled-decision":
        writeWithStalledDecision(url, Integer.parseInt(args[2]));
        break;
      case "recover":
        recover(url);
        break;
      case "bank":
        bank(url, Integer.parseInt(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]));
        break;
      default:
        throw new IllegalArgumentException("unknown scenario " + args[1]);
    }
    System.out.flush();
    System.exit(0);
  }

  /**
   * Like {@code write}, on {@link GatedFileSystem} shards in a JVM started with
   * {@code -Dsherd.test.stallWritesTo=/s0}: recording the decision on s0 makes s0's file writes
   * hang, so the decision is visible to other sessions but never durable. Meanwhile recovery runs
   * in this JVM every 20 ms, as it does every recoveryIntervalMillis; after 3 s a watchdog halts
   * the JVM (exit code {@link ChildJvm#WATCHDOG}) — the crash that loses the stalled commit.
   */
  private static void writeWithStalledDecision(String url, int base) throws Exception {
    GatedFileSystem.register();
    try (Connection c = DriverManager.getConnection(url)) {
      TransactionManager tm = TxCluster.transactions(c);
      TxCluster.awaitStartupRecovery(tm);
      daemon("watchdog", () -> {
        Thread.sleep(3000);
        System.out.println("watchdog: halting");
        System.out.flush();
        Runtime.getRuntime().halt(ChildJvm.WATCHDOG);
      });
      daemon("recovery-loop", () -> {
        while (true) {
          Recovery.Report r = tm.recoverNow();
          if (r.committed() + r.rolledBack() > 0) {
            System.out.println("recovery: " + r);
          }
          Thread.sleep(20);
        }
      });
      write(url, base, false);
    }
  }

  private interface Body {
    void run() throws Exception;
  }

  private static void daemon(String name, Body body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (Exception e) {
        System.out.println(name + ": " + e);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  private static void write(String url, int base, boolean readS2) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement insert = c.prepareStatement("INSERT INTO items (id, tag) VALUES (?, ?)");
        PreparedStatement read = c.prepareStatement("SELECT COUNT(*) FROM items WHERE id = ?")) {
      // the start-up recovery run sees this JVM's prepared branches too, and after the decision
      // may commit them itself: correct, but the crash tests must know what a halt leaves
      TxCluster.awaitStartupRecovery(TxCluster.transactions(c));
      c.setAutoCommit(false);
      int[] ids = readS2 ? new int[] {base, base + 1000} : new int[] {base, base + 1000, base + 2000};
      for (int i = 0; i < ids.length; i++) {
        insert.setInt(1, ids[i]);
        insert.setString(2, "tx" + base);
        insert.executeUpdate();
        if (readS2 && i == 0) {
          read.setInt(1, base + 2000);
          try (ResultSet rs = read.executeQuery()) {
            rs.next();
          }
        }
      }
      c.commit();
    }
    System.out.println("COMMITTED " + base);
  }

  private static void recover(String url) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    try (Connection c = DriverManager.getConnection(url)) {
      TransactionManager tm = TxCluster.transactions(c);
      while (System.nanoTime() < deadline) {
        Recovery.Report r = tm.recoverNow();
        System.out.println("report " + r);
        if (r.waiting() == 0 && r.errors().isEmpty() && tm.inDoubt().isEmpty()) {
          break;
        }
        Thread.sleep(100);
      }
    }
    System.out.println("RECOVERED");
  }

  private static void bank(String url, int threads, long seed, int perShard) throws Exception {
    AtomicLong transfers = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    for (int t = 0; t < threads; t++) {
      Random random = new Random(seed * 31 + t);
      Thread thread = new Thread(() -> transferLoop(url, random, perShard, transfers, failures),
          "transfer-" + t);
      thread.setDaemon(true);
      thread.start();
    }
    long deadline = System.nanoTime() + 120_000_000_000L; // never outlive a lost test run
    boolean ready = false;
    while (System.nanoTime() < deadline) {
      if (!ready && transfers.get() > 0) {
        ready = true;
        System.out.println("READY");
      }
      System.out.println("transfers=" + transfers.get() + " failures=" + failures.get());
      Thread.sleep(100);
    }
  }

  /**
   * Debit one account, credit one or two accounts on other shards, in one transaction, with a
   * journal row per account changed (named by the transfer, so a test can find a transfer that
   * committed in part). Updates
   * go in ascending id order (no deadlock between two transfers); a plain read of a random
   * participant comes first, so any of the shards may hold the decision. A failed transfer is
   * rolled back and retried a few times; money is never created or lost either way.
   */
  private static void transferLoop(String url, Random random, int perShard, AtomicLong transfers,
      AtomicLong failures) {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement read = c.prepareStatement("SELECT balance FROM accounts WHERE id = ?");
        PreparedStatement add = c.prepareStatement(
            "UPDATE accounts SET balance = balance + ? WHERE id = ?");
        PreparedStatement journal = c.prepareStatement(
            "INSERT INTO journal (tid, account, delta) VALUES (?, ?, ?)")) {
      c.setAutoCommit(false);
      String worker = Thread.currentThread().getName() + "-" + Long.toHexString(random.nextLong());
      for (long seq = 1; ; seq++) {
        String tid = worker + "-" + seq;
        int parties = random.nextInt(3) == 0 ? 3 : 2;
        int first = random.nextInt(TxCluster.SHARDS);
        int[] ids = new int[parties];
        for (int p = 0; p < parties; p++) {
          ids[p] = ((first + p) % TxCluster.SHARDS) * 1000 + random.nextInt(perShard);
        }
        long amount = 1 + random.nextInt(50);
        long[] deltas = new long[parties];
        deltas[0] = -amount * (parties - 1);
        for (int p = 1; p < parties; p++) {
          deltas[p] = amount;
        }
        int readFirst = random.nextInt(parties);
        for (int attempt = 1; attempt <= 5; attempt++) {
          try {
            read.setInt(1, ids[readFirst]);
            try (ResultSet rs = read.executeQuery()) {
              rs.next();
            }
            for (int p : ascendingById(ids)) {
              add.setLong(1, deltas[p]);
              add.setInt(2, ids[p]);
              add.executeUpdate();
              journal.setString(1, tid + "-" + attempt);
              journal.setInt(2, ids[p]);
              journal.setLong(3, deltas[p]);
              journal.executeUpdate();
            }
            c.commit();
            transfers.incrementAndGet();
            break;
          } catch (SQLException e) {
            failures.incrementAndGet();
            try {
              c.rollback();
            } catch (SQLException ignored) {
              // the next statement starts a new transaction anyway
            }
            if (failures.get() <= 10) {
              System.err.println("transfer " + tid + " failed (attempt " + attempt + "): " + e);
            }
          }
        }
      }
    } catch (SQLException e) {
      System.err.println("transfer thread ended: " + e);
    }
  }

  private static int[] ascendingById(int[] ids) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < ids.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = order[i];
    }
    return out;
  }
}
