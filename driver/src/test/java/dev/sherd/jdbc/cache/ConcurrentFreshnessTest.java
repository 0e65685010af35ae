package dev.sherd.jdbc.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race: writer threads bump version columns (single statements, and transactions over rows of
 * different shards, some rolled back), reader threads read the same rows through the cache (point
 * reads on one shard, ordered reads across all). Every reader notes, before its read starts, the
 * newest version whose write had completed; it must never see an older one, nor a version that was
 * rolled back. Bounded: a fixed number of operations per thread, every thread joined.
 */
class ConcurrentFreshnessTest {

  static final int ROWS = 8;
  static final int WRITERS = 4; // writer w owns rows w+1 and w+1+WRITERS: versions only grow
  static final int READERS = 6;
  static final int WRITES_PER_WRITER = 150;
  static final int READS_PER_READER = 600;
  static final int ROLLED_BACK = -1;

  @TempDir
  static Path dir;
  static CacheCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = CacheCluster.start(dir, "race", "cache: { ttl: 1h }\n");
    cluster.createTables();
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      s.execute("UPDATE t SET v = 0");
    }
  }

  @AfterAll
  static void stop() throws SQLException {
    cluster.close();
  }

  @Test
  void readerNeverSeesAVersionOlderThanAWriteCompletedBeforeItsReadStarted() throws Exception {
    AtomicLongArray completed = new AtomicLongArray(ROWS + 1); // by id: newest completed version
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    List<Future<?>> tasks = new ArrayList<>();
    long hitsBefore = cluster.stats().hits();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        tasks.add(pool.submit(() -> {
          go.await();
          write(writer, completed);
          return null;
        }));
      }
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        tasks.add(pool.submit(() -> {
          go.await();
          read(reader, completed, violations);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : tasks) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(violations.isEmpty(), violations.size() + " stale reads, e.g. " + violations.peek());
    ResultCacheStats stats = cluster.stats();
    assertTrue(stats.hits() > hitsBefore, "the race went through the cache: " + stats);
    assertTrue(stats.invalidations() > 0, stats.toString());
    assertEquals(0, cluster.activeShardConnections());
  }

  private static void write(int writer, AtomicLongArray completed) throws SQLException {
    int a = writer + 1;
    int b = writer + 1 + WRITERS;
    Random random = new Random(writer);
    long version = 0;
    try (Connection c = cluster.connect();
        PreparedStatement update = c.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
      for (int i = 0; i < WRITES_PER_WRITER; i++) {
        int kind = random.nextInt(4);
        version++;
        if (kind < 2) { // one statement, auto-commit
          int id = kind == 0 ? a : b;
          set(update, version, id);
          completed.set(id, version);
        } else if (kind == 2) { // a transaction over two rows (usually two shards): 2PC
          c.setAutoCommit(false);
          set(update, version, a);
          set(update, version, b);
          c.commit();
          c.setAutoCommit(true);
          completed.set(a, version);
          completed.set(b, version);
        } else { // written, then rolled back: must never be seen
          c.setAutoCommit(false);
          set(update, ROLLED_BACK, a);
          c.rollback();
          c.setAutoCommit(true);
        }
      }
    }
  }

  private static void set(PreparedStatement update, long version, int id) throws SQLException {
    update.setLong(1, version);
    update.setInt(2, id);
    assertEquals(1, update.executeUpdate());
  }

  private static void read(int reader, AtomicLongArray completed,
      ConcurrentLinkedQueue<String> violations) throws SQLException {
    Random random = new Random(100 + reader);
    try (Connection c = cluster.connect();
        PreparedStatement point = c.prepareStatement("SELECT v FROM t WHERE id = ?");
        PreparedStatement all = c.prepareStatement("SELECT id, v FROM t ORDER BY id")) {
      for (int i = 0; i < READS_PER_READER; i++) {
        long[] floor = new long[ROWS + 1];
        for (int id = 1; id <= ROWS; id++) {
          floor[id] = completed.get(id); // before the read starts
        }
        if (random.nextBoolean()) {
          int id = 1 + random.nextInt(ROWS);
          point.setInt(1, id);
          try (ResultSet rs = point.executeQuery()) {
            rs.next();
            check(id, rs.getLong(1), floor, violations, "point");
          }
        } else {
          try (ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
              check(rs.getInt(1), rs.getLong(2), floor, violations, "all");
            }
          }
        }
      }
    }
  }

  private static void check(int id, long seen, long[] floor,
      ConcurrentLinkedQueue<String> violations, String read) {
    if (seen == ROLLED_BACK || seen < floor[id]) {
      violations.add(read + " read of id " + id + " saw version " + seen + ", but version "
          + floor[id] + " had completed before the read started");
    }
  }
}
