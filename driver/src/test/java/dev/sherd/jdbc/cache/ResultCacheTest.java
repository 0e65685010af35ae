package dev.sherd.jdbc.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.metadata.CacheSettings;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.sql.Planner;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.StatementPlan;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cache on its own: a fake clock instead of sleeps, loaders that count their runs instead of
 * shards. Plans come from a real planner over a config whose shards are never connected.
 */
class ResultCacheTest {

  static final ClusterConfig CONFIG = config("");
  /** A cache with the default bounds. */
  static final CacheSettings ON = CacheSettings.newBuilder().build();

  /** A clock the test moves. */
  static final class FakeTicker implements Ticker {
    final AtomicLong nanos = new AtomicLong();

    @Override
    public long read() {
      return nanos.get();
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }

  private final FakeTicker ticker = new FakeTicker();
  private final Planner planner = new Planner(CONFIG, 100);
  private final AtomicInteger loads = new AtomicInteger();

  static ClusterConfig config(String extra) {
    try {
      return ClusterConfig.parse("""
          shards:
            s0: { url: "jdbc:h2:mem:unused0" }
            s1: { url: "jdbc:h2:mem:unused1" }
          tables:
            t: { sharding-key: id }
            u: { sharding-key: id }
            g1: { sharding-key: id }
            g2: { sharding-key: id }
          """ + extra, "test.yaml");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResultCache cache(CacheSettings settings) {
    return ResultCache.create(CONFIG, settings, ticker);
  }

  private QueryPlan plan(String sql) throws SQLException {
    return (QueryPlan) planner.plan(sql);
  }

  private StatementPlan write(String sql) throws SQLException {
    return planner.plan(sql);
  }

  /** A loader returning {@code rows} rows of one INTEGER column and a text column of {@code width}. */
  private ResultCache.Loader rows(int rows, int width) {
    return () -> {
      loads.incrementAndGet();
      List<Object[]> data = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        data.add(new Object[] {i, "x".repeat(width)});
      }
      return resultSet(data);
    };
  }

  static ResultSet resultSet(List<Object[]> data) {
    List<ColumnInfo> columns = List.of(
        new ColumnInfo("ID", "ID", "T", "PUBLIC", "DB", Types.INTEGER, "INTEGER",
            Integer.class.getName(), 32, 0, 11, ResultSetMetaData.columnNoNulls, true, false,
            false, false),
        new ColumnInfo("NOTE", "NOTE", "T", "PUBLIC", "DB", Types.VARCHAR, "CHARACTER VARYING",
            String.class.getName(), 1000, 0, 1000, ResultSetMetaData.columnNullable, false,
            false, true, false));
    RowCursor cursor = new RowCursor() {
      int i = -1;

      @Override
      public boolean next() {
        return ++i < data.size();
      }

      @Override
      public Object[] row() {
        return data.get(i);
      }

      @Override
      public int width() {
        return 2;
      }

      @Override
      public void close() {}
    };
    return new CursorResultSet(cursor, columns, null, null);
  }

  private int count(ResultSet rs) throws SQLException {
    try (rs) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  private int run(ResultCache cache, QueryPlan plan, Object... params) throws SQLException {
    return count(cache.query(null, plan, params, i -> Integer.MIN_VALUE, 0, 0, null, rows(3, 10)));
  }

  @Test
  void repeatedQuery_runsOnceThenHits() throws SQLException {
    ResultCache cache = cache(ON);
    QueryPlan q = plan("SELECT id, note FROM t WHERE id = ?");
    assertEquals(3, run(cache, q, 1));
    assertEquals(3, run(cache, q, 1));
    assertEquals(1, loads.get());
    assertEquals(3, run(cache, q, 2)); // other parameters: another key
    assertEquals(2, loads.get());
    ResultCacheStats s = cache.stats();
    assertEquals(1, s.hits());
    assertEquals(2, s.misses());
    assertEquals(2, s.stores());
  }

  @Test
  void ttl_expiresEntries_onTheTickerNotTheWallClock() throws SQLException {
    ResultCache cache = cache(CacheSettings.newBuilder().ttl(Duration.ofSeconds(60)).build());
    QueryPlan q = plan("SELECT id, note FROM t");
    run(cache, q);
    ticker.advance(Duration.ofSeconds(59));
    run(cache, q);
    assertEquals(1, loads.get(), "still fresh after 59 s");
    ticker.advance(Duration.ofSeconds(2));
    run(cache, q);
    assertEquals(2, loads.get(), "expired after 61 s");
    cache.cleanUp();
    assertEquals(1, cache.stats().expirations());
  }

  @Test
  void size_evictsToStayWithinMaxBytes() throws SQLException {
    CacheSettings settings = CacheSettings.newBuilder().maxBytes(64 * 1024)
        .maxEntryBytes(16 * 1024).build();
    ResultCache cache = cache(settings);
    for (int i = 0; i < 40; i++) {
      count(cache.query(null, plan("SELECT id, note FROM t WHERE id = " + i), new Object[0],
          k -> 0, 0, 0, null, rows(20, 100))); // ~ 5 KiB each
    }
    cache.cleanUp();
    ResultCacheStats s = cache.stats();
    assertTrue(s.bytes() <= settings.maxBytes(), s.toString());
    assertTrue(s.evictions() > 0, s.toString());
    assertEquals(40, s.stores());
    assertTrue(s.entries() < 40, s.toString());
  }

  @Test
  void resultOverMaxEntryBytes_isReturnedWhole_butNotKept() throws SQLException {
    ResultCache cache = cache(CacheSettings.newBuilder().maxEntryBytes(4096).build());
    QueryPlan q = plan("SELECT id, note FROM t");
    assertEquals(500, count(cache.query(null, q, new Object[0], k -> 0, 0, 0, null,
        rows(500, 50))));
    assertEquals(500, count(cache.query(null, q, new Object[0], k -> 0, 0, 0, null,
        rows(500, 50))));
    assertEquals(2, loads.get());
    ResultCacheStats s = cache.stats();
    assertEquals(0, s.stores());
    assertEquals(2, s.rejections());
    assertEquals(0, s.entries());
  }

  @Test
  void writeToReadTable_outdatesTheEntry_writeToAnotherDoesNot() throws SQLException {
    ResultCache cache = cache(ON);
    QueryPlan q = plan("SELECT id, note FROM t");
    run(cache, q);
    cache.beginWrite(null, write("UPDATE u SET v = 1")).close();
    run(cache, q);
    assertEquals(1, loads.get(), "u is not read by the query");
    cache.beginWrite(null, write("UPDATE t SET v = 1 WHERE id = 4")).close();
    run(cache, q);
    assertEquals(2, loads.get());
    assertEquals(1, cache.stats().stale());
  }

  @Test
  void ddl_outdatesEveryEntry() throws SQLException {
    ResultCache cache = cache(ON);
    run(cache, plan("SELECT id, note FROM t"));
    run(cache, plan("SELECT id, note FROM u"));
    cache.beginWrite(null, write("CREATE INDEX i ON g1 (id)")).close();
    assertEquals(0, cache.stats().entries());
    run(cache, plan("SELECT id, note FROM t"));
    run(cache, plan("SELECT id, note FROM u"));
    assertEquals(4, loads.get());
  }

  @Test
  void invalidateTogether_aWriteToOneOutdatesReadsOfTheOther() throws SQLException {
    ClusterConfig config = config("cache:\n  invalidate-together:\n    - [g1, g2]\n");
    ResultCache cache = ResultCache.create(config, config.cache(), ticker);
    Planner p = new Planner(config, 10);
    QueryPlan q = (QueryPlan) p.plan("SELECT id, note FROM g2");
    run(cache, q);
    cache.beginWrite(null, p.plan("DELETE FROM g1 WHERE id = 1")).close();
    run(cache, q);
    assertEquals(2, loads.get());
  }

  @Test
  void loadOverlappingAWrite_isReturned_butNotKept() throws SQLException {
    ResultCache cache = cache(ON);
    QueryPlan q = plan("SELECT id, note FROM t");
    StatementPlan update = write("UPDATE t SET v = 2");
    ResultCache.Loader racing = () -> {
      loads.incrementAndGet();
      WriteFence f = cache.beginWrite(null, update); // a write starts and ends while we run
      f.close();
      return resultSet(List.<Object[]>of(new Object[] {1, "old"}));
    };
    assertEquals(1, count(cache.query(null, q, new Object[0], k -> 0, 0, 0, null, racing)));
    ResultCacheStats s = cache.stats();
    assertEquals(0, s.stores());
    assertEquals(1, s.rejections());
    run(cache, q);
    assertEquals(2, loads.get(), "the raced result was not served");
  }

  @Test
  void writeInFlight_outdatesWhatWasKeptDuringIt() throws SQLException {
    ResultCache cache = cache(ON);
    QueryPlan q = plan("SELECT id, note FROM t");
    WriteFence inFlight = cache.beginWrite(null, write("UPDATE t SET v = 3"));
    run(cache, q); // may or may not see the write: kept, but only until the write completes
    run(cache, q);
    assertEquals(1, loads.get(), "kept while the write runs");
    inFlight.close();
    run(cache, q);
    assertEquals(2, loads.get(), "outdated once the write completed");
  }

  @Test
  void identicalConcurrentMisses_runTheQueryOnce() throws Exception {
    ResultCache cache = cache(ON);
    QueryPlan q = plan("SELECT id, note FROM t WHERE id = ?");
    CountDownLatch release = new CountDownLatch(1);
    ResultCache.Loader slow = () -> {
      loads.incrementAndGet();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return resultSet(List.<Object[]>of(new Object[] {7, "seven"}));
    };
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> count(cache.query(null, q, new Object[] {7}, k -> 0, 0, 0,
            null, slow))));
      }
      while (cache.stats().misses() == 0) {
        Thread.sleep(1);
      }
      Thread.sleep(100); // let the others reach the running load
      release.countDown();
      for (Future<Integer> f : results) {
        assertEquals(1, f.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, loads.get());
    assertEquals(threads - 1, cache.stats().hits());
  }

  @Test
  void failedLoad_isNotShared_eachCallerRunsItsOwn() throws SQLException {
    ResultCache cache = cache(ON);
    QueryPlan q = plan("SELECT id, note FROM t");
    SQLException boom = new SQLException("shard s1 is down", "08001");
    assertThrows(SQLException.class, () -> cache.query(null, q, new Object[0], k -> 0, 0, 0,
        null, () -> {
          throw boom;
        }));
    assertEquals(0, cache.stats().entries());
    assertEquals(3, run(cache, q));
  }

  @Test
  void disabled_runsEveryQuery_andWritesCostNothing() throws SQLException {
    ResultCache cache = cache(CacheSettings.newBuilder().enabled(false).build());
    QueryPlan q = plan("SELECT id, note FROM t");
    run(cache, q);
    run(cache, q);
    assertEquals(2, loads.get());
    assertFalse(cache.enabled());
    assertTrue(cache.beginWrite(null, write("UPDATE t SET v = 1")) == WriteFence.NONE);
    assertEquals(0, cache.stats().hits() + cache.stats().misses());
  }

  @Test
  void systemProperty_overridesEnabled() throws SQLException {
    String before = System.getProperty(ResultCache.ENABLED_PROPERTY);
    try {
      System.setProperty(ResultCache.ENABLED_PROPERTY, "false");
      assertFalse(ResultCache.forCluster(CONFIG).enabled());
      System.setProperty(ResultCache.ENABLED_PROPERTY, "true");
      ClusterConfig off = config("cache: false\n");
      assertTrue(ResultCache.forCluster(off).enabled());
      System.setProperty(ResultCache.ENABLED_PROPERTY, "maybe");
      SQLException e = assertThrows(SQLException.class, () -> ResultCache.forCluster(CONFIG));
      assertTrue(e.getMessage().contains(ResultCache.ENABLED_PROPERTY), e.getMessage());
    } finally {
      if (before == null) {
        System.clearProperty(ResultCache.ENABLED_PROPERTY);
      } else {
        System.setProperty(ResultCache.ENABLED_PROPERTY, before);
      }
    }
  }

  @Test
  void refusal_namesWhyAStatementIsNeverCached() throws SQLException {
    ClusterConfig config = config("cache:\n  exclude: [u]\n");
    ResultCache cache = ResultCache.create(config, config.cache(), ticker);
    Planner p = new Planner(config, 10);
    assertNull(cache.refusal(null, (QueryPlan) p.plan("SELECT id FROM t WHERE id = 1")));
    assertNotNull(cache.refusal(null, (QueryPlan) p.plan("SELECT id FROM t FOR UPDATE")));
    assertNotNull(cache.refusal(null, (QueryPlan) p.plan("SELECT id, NOW() FROM t")));
    assertNotNull(cache.refusal(null, (QueryPlan) p.plan("SELECT /* sherd:no_cache */ id FROM t")));
    assertNotNull(cache.refusal(null, (QueryPlan) p.plan("SELECT id FROM u")));
    assertNotNull(cache.refusal(null, (QueryPlan) p.plan("SELECT 1")));
  }

  @Test
  void defaultIsolation_followsTheFamilyAndThePoolSettings() throws Exception {
    assertEquals(java.sql.Connection.TRANSACTION_READ_COMMITTED,
        CacheSession.defaultIsolation(CONFIG));
    ClusterConfig mariadb = ClusterConfig.parse("""
        shards:
          s0: { url: "jdbc:mariadb://localhost:3306/a" }
        """, "m.yaml");
    assertEquals(java.sql.Connection.TRANSACTION_REPEATABLE_READ,
        CacheSession.defaultIsolation(mariadb));
    ClusterConfig serializable = ClusterConfig.parse("""
        shards:
          s0: { url: "jdbc:h2:mem:a", pool: { transactionIsolation: TRANSACTION_SERIALIZABLE } }
          s1: { url: "jdbc:h2:mem:b" }
        """, "s.yaml");
    assertEquals(java.sql.Connection.TRANSACTION_SERIALIZABLE,
        CacheSession.defaultIsolation(serializable));
  }

  @Test
  void firstWord_skipsCommentsAndParentheses() {
    assertEquals("SELECT", ResultCache.firstWord("  /* x */ -- y\n (SELECT 1)"));
    assertEquals("CALL", ResultCache.firstWord("call p()"));
  }
}
