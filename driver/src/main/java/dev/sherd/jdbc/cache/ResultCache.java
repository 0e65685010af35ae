package dev.sherd.jdbc.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.sherd.metadata.CacheSettings;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.sql.plan.DdlPlan;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntUnaryOperator;

/*
 * Design: why a kept result is never older than a write made through this cache.
 *
 * Every table has a generation counter (TableGenerations). A write moves the counters of the tables
 * it writes twice: once before it runs and once after it has completed — committed, for a
 * transaction (WriteFence, CacheSession.endTransaction). A query reads the counters of the tables
 * it reads BEFORE it runs and stores them with its rows. A kept result is served only while every
 * counter still has its recorded value; this is checked on every use, not just when storing.
 *
 * Claim: a result served at time t reflects every write W through this cache that completed before
 * the serving read started. Proof: W's second move happened before that read started, so before t.
 * The result is served, so no counter it depends on moved between the recording (before its query
 * ran) and t. So W's second move (and its first) came before the recording, hence before the query
 * ran, and W — committed by then — is visible to the query. A write that overlaps the query moves a
 * counter after the recording (at the latest with its second move) and so outdates the result the
 * moment it completes. No ABA: counters only grow.
 *
 * The "don't store a result that raced a write" rule (checked after reading the rows) only saves
 * memory; correctness comes from the check on use, which is why nothing needs a lock: a write that
 * lands between that check and the store outdates the stored result at once.
 *
 * Identical concurrent misses run once: the entry is a future, installed with Caffeine's atomic
 * compute, so exactly one caller per key runs the query (outside the map's lock) and the others wait
 * for it — then check the generations themselves, since they may have started after a write the
 * loader's query missed. A failed or unkept load completes with null and the waiters run their own
 * query: each sees its own errors. A connection inside a transaction never waits (it holds shard
 * connections the loader might need); it runs its own query.
 *
 * The bound on staleness for writes that do not go through this runtime (another process, another
 * config, a shard console) is the time to live.
 */
/**
 * The query-result cache of one cluster runtime: materialised rows with their column descriptions,
 * keyed by statement, parameter values and topology version, bounded by estimated memory, expiring
 * after a time to live, and invalidated by writes through the driver.
 *
 * <p>Guarantees: a query answered from the cache returns what the shards would have returned after
 * every write through this runtime that completed before the query started (never stale for writes
 * through this driver instance); writes from elsewhere are seen at the latest after the time to
 * live. Of identical concurrent misses, one runs the query. A cached result set behaves as the
 * uncached one: same labels, types, getters, {@code wasNull}, {@code close}.
 *
 * <p>Thread-safe.
 */
public final class ResultCache {

  /** Runs the query on the shards, as if there were no cache. */
  @FunctionalInterface
  public interface Loader {
    ResultSet load() throws SQLException;
  }

  /** System property overriding {@code cache.enabled} of every config (true or false). */
  public static final String ENABLED_PROPERTY = "sherd.cache.enabled";

  /** Lookups of one statement before it gives up on the cache while writes keep outdating it. */
  private static final int MAX_ATTEMPTS = 3;

  /** First words of statements passed through to a shard that do not write. */
  private static final Set<String> READ_ONLY_WORDS = Set.of("SELECT", "SHOW", "DESCRIBE", "DESC",
      "EXPLAIN", "VALUES", "TABLE", "HELP");

  private final CacheSettings settings;
  private final TableGenerations generations;
  private final AsyncCache<CacheKey, CachedResult> cache; // null when off
  private final int defaultIsolation;
  private final AtomicLong topology = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder stale = new LongAdder();
  private final LongAdder bypasses = new LongAdder();
  private final LongAdder stores = new LongAdder();
  private final LongAdder rejections = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final LongAdder expirations = new LongAdder();
  private final LongAdder invalidations = new LongAdder();

  private ResultCache(ClusterConfig config, CacheSettings settings, Ticker ticker) {
    this.settings = settings;
    this.generations = new TableGenerations(config, settings);
    this.defaultIsolation = CacheSession.defaultIsolation(config);
    this.cache = !settings.enabled() ? null : Caffeine.newBuilder()
        .maximumWeight(settings.maxBytes())
        .weigher((CacheKey k, CachedResult v) -> (int) Math.min(Integer.MAX_VALUE,
            k.bytes() + v.bytes()))
        .expireAfterWrite(settings.ttl())
        .ticker(ticker)
        .executor(Runnable::run)
        .removalListener((CacheKey k, CachedResult v, RemovalCause cause) -> {
          if (cause == RemovalCause.SIZE) {
            evictions.increment();
          } else if (cause == RemovalCause.EXPIRED) {
            expirations.increment();
          }
        })
        .buildAsync();
  }

  /**
   * The cache for {@code config}: its {@code cache:} settings, with {@code cache.enabled} replaced
   * by the system property {@value #ENABLED_PROPERTY} when that is set.
   *
   * @throws SQLException when the system property is neither true nor false
   */
  public static ResultCache forCluster(ClusterConfig config) throws SQLException {
    CacheSettings settings = config.cache();
    String override = System.getProperty(ENABLED_PROPERTY);
    if (override != null) {
      String v = override.trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new SQLNonTransientConnectionException("system property " + ENABLED_PROPERTY
            + " must be true or false but was '" + override + "'", "08001");
      }
      settings = settings.toBuilder().enabled(v.equals("true")).build();
    }
    return new ResultCache(config, settings, Ticker.systemTicker());
  }

  /** For tests: explicit settings and clock. */
  static ResultCache create(ClusterConfig config, CacheSettings settings, Ticker ticker) {
    return new ResultCache(config, settings, ticker);
  }

  /** False when the cache is off: {@link #query} runs every query, writes move nothing. */
  public boolean enabled() {
    return cache != null;
  }

  /** The settings in force (after the system-property override). */
  public CacheSettings settings() {
    return settings;
  }

  // ---- reads ------------------------------------------------------------------------------------

  /**
   * Answers {@code plan} from the cache when it may, else runs {@code loader} (keeping the result
   * when it may).
   *
   * @param session          the connection's standing (opt-out, transaction); null for none
   * @param values           the bound parameter values (0-based)
   * @param sqlTypes         the SQL type each was bound with (part of the key)
   * @param maxRows          the statement's max-rows limit, 0 for none (part of the key)
   * @param timeoutSeconds   the statement's query timeout, which also bounds waiting for an
   *                         identical query another statement is running; 0 for none
   * @param owner            what the result set's {@code getStatement()} returns
   * @throws SQLTimeoutException when waiting for the identical query exceeded the timeout
   */
  public ResultSet query(CacheSession session, QueryPlan plan, Object[] values,
      IntUnaryOperator sqlTypes, long maxRows, int timeoutSeconds, Statement owner, Loader loader)
      throws SQLException {
    if (cache == null) {
      return loader.load();
    }
    CacheKey key = refusal(session, plan) != null ? null
        : CacheKey.of(plan.sql(), values, sqlTypes, maxRows, topology.get());
    if (key == null) {
      bypasses.increment();
      return loader.load();
    }
    TableGenerations.Slot[] slots = null; // needed on a miss only
    boolean outdated = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      CachedResult kept = valueOf(cache.getIfPresent(key));
      if (kept != null && kept.current()) {
        hits.increment();
        return kept.open(owner);
      }
      outdated |= kept != null;
      if (slots == null) {
        slots = generations.readSlots(plan.tables());
      }
      TableGenerations.Stamp stamp = generations.stamp(slots); // before the query runs
      CompletableFuture<CachedResult> mine = new CompletableFuture<>();
      CompletableFuture<CachedResult> winner = cache.asMap().compute(key,
          (k, old) -> joinable(old) ? old : mine);
      if (winner == mine) {
        countMiss(outdated);
        return load(key, mine, stamp, owner, loader);
      }
      if (!winner.isDone() && session != null && session.inTransaction()) {
        break; // holds a transaction's shard connections: never wait for another statement
      }
      CachedResult theirs = await(winner, timeoutSeconds, plan);
      if (theirs == null) {
        break; // their query failed or its result is not kept: run ours, see our own outcome
      }
      if (theirs.current()) {
        hits.increment();
        return theirs.open(owner);
      }
      outdated = true; // they started before a write that completed before we did
    }
    countMiss(outdated);
    return loader.load();
  }

  /** Why {@code plan} is never answered from the cache for {@code session}, or null. */
  String refusal(CacheSession session, QueryPlan plan) {
    if (plan.locking()) {
      return "SELECT … FOR UPDATE/FOR SHARE locks rows";
    }
    if (plan.nondeterministic()) {
      return "calls a non-deterministic function or reads the database's own state";
    }
    if (plan.noCacheHint()) {
      return "carries the sherd:no_cache hint";
    }
    if (plan.tables().isEmpty()) {
      return "reads no table";
    }
    for (String table : plan.tables()) {
      if (settings.excludedTables().contains(table)) {
        return "reads table " + table + ", which is configured cache: false";
      }
    }
    return session == null ? null : session.refusal();
  }

  private ResultSet load(CacheKey key, CompletableFuture<CachedResult> mine,
      TableGenerations.Stamp stamp, Statement owner, Loader loader) throws SQLException {
    ResultReader.Read read;
    try {
      read = ResultReader.read(loader.load(), settings.maxEntryBytes() - key.bytes(), owner);
    } catch (SQLException | RuntimeException | Error e) {
      abandon(key, mine, null);
      throw e;
    }
    if (read.rows() == null) {
      rejections.increment(); // too large, or values that cannot be shared: streamed, not kept
      abandon(key, mine, null);
      return read.streaming();
    }
    ResultReader.CachedRows rows = read.rows();
    CachedResult result = new CachedResult(rows.columns(), rows.rows(), rows.copyValues(), stamp,
        rows.bytes());
    if (stamp.current() && key.bytes() + rows.bytes() <= settings.maxEntryBytes()) {
      mine.complete(result); // kept: Caffeine weighs it now
      stores.increment();
    } else {
      rejections.increment(); // a write overlapped the query: the rows may predate it
      abandon(key, mine, result); // waiters check its generations themselves
    }
    return result.open(owner);
  }

  /** Takes a load that is not kept out of the map, then hands its outcome to any waiters. */
  private void abandon(CacheKey key, CompletableFuture<CachedResult> mine, CachedResult result) {
    cache.asMap().remove(key, mine);
    mine.complete(result);
  }

  private static boolean joinable(CompletableFuture<CachedResult> f) {
    if (f == null) {
      return false;
    }
    if (!f.isDone()) {
      return true; // a load is running: wait for it rather than run the query again
    }
    CachedResult r = valueOf(f);
    return r != null && r.current();
  }

  private static CachedResult valueOf(CompletableFuture<CachedResult> f) {
    return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.join();
  }

  private CachedResult await(CompletableFuture<CachedResult> f, int timeoutSeconds,
      QueryPlan plan) throws SQLException {
    try {
      return timeoutSeconds > 0 ? f.get(timeoutSeconds, TimeUnit.SECONDS) : f.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the result of an identical query"
          + " [SQL: " + plan.sql() + "]", "HY008", e);
    } catch (TimeoutException e) {
      throw new SQLTimeoutException("query timeout of " + timeoutSeconds + " s expired while"
          + " waiting for the result of an identical query another statement is running [SQL: "
          + plan.sql() + "]", "HYT00", e);
    }
  }

  private void countMiss(boolean outdated) {
    misses.increment();
    if (outdated) {
      stale.increment();
    }
  }

  // ---- writes -----------------------------------------------------------------------------------

  /**
   * Brackets a write plan's execution: closing the fence (in a {@code finally}) completes it. An
   * INSERT, UPDATE or DELETE moves the generations of the tables it writes; DDL and statements
   * passed through to a shard that may write move the epoch, which outdates every entry. Inside
   * {@code session}'s transaction the write is also remembered and fenced again at its end.
   */
  public WriteFence beginWrite(CacheSession session, StatementPlan plan) {
    if (cache == null) {
      return WriteFence.NONE;
    }
    TableGenerations.Slot[] slots;
    boolean schema = false;
    if (plan instanceof WritePlan w) {
      slots = generations.writeSlots(w.tables());
    } else if (plan instanceof InsertPlan i) {
      slots = generations.writeSlots(i.tables());
    } else if (plan instanceof DdlPlan) {
      slots = generations.epochOnly();
      schema = true;
    } else if (plan instanceof PassthroughPlan p && !READ_ONLY_WORDS.contains(firstWord(p.sql()))) {
      slots = generations.epochOnly();
    } else {
      return WriteFence.NONE;
    }
    if (slots.length == 0) {
      slots = generations.epochOnly(); // a write whose tables are unknown
    }
    if (session != null && session.inTransaction()) {
      session.wrote(slots);
    }
    invalidations.increment();
    return new WriteFence(this, slots, schema);
  }

  /** A fence over {@code slots} (a transaction's end). */
  WriteFence fence(TableGenerations.Slot[] slots) {
    invalidations.increment();
    return new WriteFence(this, slots, false);
  }

  /** Outdates and drops every kept result (an administrative reset; writes do not need it). */
  public void invalidateAll() {
    if (cache != null) {
      fence(generations.epochOnly()).close(); // also stops running loads from being kept
      dropAll();
    }
  }

  /**
   * Records that the shard topology changed (a bucket moved to another shard): results computed
   * under the old placement are never served again. Today a topology change means a new config
   * and so a new runtime; this is the hook for changing it in place.
   */
  public void topologyChanged() {
    topology.incrementAndGet();
    invalidateAll();
  }

  void dropAll() {
    if (cache != null) {
      cache.synchronous().invalidateAll();
    }
  }

  // ---- observability ----------------------------------------------------------------------------

  /** The counters now. */
  public ResultCacheStats stats() {
    long entries = 0;
    long bytes = 0;
    if (cache != null) {
      entries = cache.synchronous().estimatedSize();
      bytes = cache.synchronous().policy().eviction()
          .map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
    return new ResultCacheStats(hits.sum(), misses.sum(), stale.sum(), bypasses.sum(),
        stores.sum(), rejections.sum(), evictions.sum(), expirations.sum(), invalidations.sum(),
        entries, bytes, settings.maxBytes());
  }

  /** Runs Caffeine's pending maintenance (expiry, eviction) now; for tests and statistics. */
  void cleanUp() {
    if (cache != null) {
      cache.synchronous().cleanUp();
    }
  }

  /** Frees every entry; the runtime is closing. */
  public void close() {
    dropAll();
  }

  int defaultIsolation() {
    return defaultIsolation;
  }

  @Override
  public String toString() {
    return "ResultCache[" + (cache == null ? "off" : settings.maxBytes() + " bytes max, ttl "
        + settings.ttl()) + "]";
  }

  /** The first word of a statement, upper case, after spaces, comments and parentheses. */
  static String firstWord(String sql) {
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else {
        break;
      }
    }
    int start = i;
    while (i < n && Character.isLetter(sql.charAt(i))) {
      i++;
    }
    return sql.substring(start, i).toUpperCase(Locale.ROOT);
  }
}
