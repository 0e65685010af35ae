package dev.sherd.jdbc.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sherd.jdbc.cache.ResultCache;
import dev.sherd.jdbc.merge.StringCollation;
import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.jdbc.tx.TransactionManager;
import dev.sherd.jdbc.tx.TransactionSettings;
import dev.sherd.sql.Planner;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything one cluster config needs at run time, shared by every connection opened on it in this
 * JVM: the planner with its plan cache, one pool per shard, and a bounded executor for scatter.
 * Created and released by {@link ClusterRegistry}, which counts its users; {@link #close()} stops
 * every pool and thread it started. Thread-safe.
 */
public final class ClusterRuntime implements AutoCloseable {

  private final ClusterConfig config;
  private final String name;
  private final Planner planner;
  private final DefaultShardCatalog catalog;
  private final ShardPools pools;
  private final ThreadPoolExecutor scatterExecutor;
  private final Cache<String, List<ColumnInfo>> resultColumns;
  private final TransactionManager transactions;
  private final ResultCache resultCache; // query results (dev.sherd.jdbc.cache), per runtime
  private volatile StringCollation collation; // learnt from the first shard that merges strings
  int users; // guarded by ClusterRegistry.class

  ClusterRuntime(ClusterConfig config, String name) throws SQLException {
    this.config = config;
    this.name = name;
    this.resultCache = ResultCache.forCluster(config); // first: it can refuse a bad override
    this.pools = new ShardPools(config, name);
    this.catalog = new DefaultShardCatalog(config, pools);
    this.planner = new Planner(config, Planner.DEFAULT_MAX_PLANS, catalog);
    int threads = Math.max(2, config.shardCount());
    this.scatterExecutor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemonThreads("sherd-" + name + "-scatter-"));
    this.scatterExecutor.allowCoreThreadTimeOut(true);
    this.resultColumns = Caffeine.newBuilder().maximumSize(Planner.DEFAULT_MAX_PLANS)
        .executor(Runnable::run).build();
    this.transactions = new TransactionManager(config, pools,
        TransactionSettings.fromSystemProperties(), "sherd-" + name + "-recovery",
        resultCache::invalidateAll);
    warmUpParser(planner, "sherd-" + name + "-warmup");
  }

  /** The query-result cache shared by every connection of this runtime (dev.sherd.jdbc.cache). */
  public ResultCache resultCache() {
    return resultCache;
  }

  /**
   * Calcite's first parse in a JVM costs a few hundred milliseconds of class initialisation
   * (CALCITE-NOTES); doing it on a background thread while the pools start keeps it off the
   * application's first query.
   */
  private static void warmUpParser(Planner planner, String threadName) {
    Thread t = new Thread(() -> {
      try {
        planner.warmUp();
      } catch (RuntimeException | java.sql.SQLException ignored) {
        // only an optimisation: the first real statement pays the cost instead
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
  }

  /** Cross-shard transactions and their recovery. */
  public TransactionManager transactions() {
    return transactions;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public ClusterConfig config() {
    return config;
  }

  /** A short name for logs, pool and thread names: the config file's base name. */
  public String name() {
    return name;
  }

  public Planner planner() {
    return planner;
  }

  /**
   * The name of the cluster's one catalog (the default shard's own): what every logical
   * connection and its metadata report; null when the shards' driver reports none.
   */
  public String catalog() throws SQLException {
    return catalog.name();
  }

  public ShardPools pools() {
    return pools;
  }

  /** Runs the non-first shard statements of a scatter. Bounded: one thread per shard. */
  public ExecutorService scatterExecutor() {
    return scatterExecutor;
  }

  /**
   * Column descriptions of aggregated results by SQL text (taken once from a shard's description
   * of the statement; forgotten after DDL).
   */
  public Cache<String, List<ColumnInfo>> resultColumns() {
    return resultColumns;
  }

  /** The shards' string collation, once known; null before. */
  public StringCollation collation() {
    return collation;
  }

  public void collation(StringCollation collation) {
    this.collation = collation;
  }

  /** Forgets everything derived from the schema (after DDL through the driver). */
  public void schemaChanged() {
    planner.invalidateAll();
    resultColumns.invalidateAll();
    pools.schemaChanged();
  }

  @Override
  public void close() {
    resultCache.close();
    transactions.close();
    scatterExecutor.shutdownNow();
    pools.close();
  }

  @Override
  public String toString() {
    return "ClusterRuntime[" + name + ", " + config.shardCount() + " shards]";
  }
}
