package dev.sherd.jdbc.tx;

import dev.sherd.jdbc.runtime.ShardPools;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cross-shard transactions of one cluster runtime: creates global transaction ids, holds the
 * family's {@link BranchProtocol}, and runs {@link Recovery} when the runtime starts, then every
 * {@code recoveryIntervalMillis}, and on demand. Any driver instance sharing the cluster config
 * recovers any other's transactions: the cluster id in every branch name is derived from the shards'
 * names and URLs only (no passwords, no instance state). Thread-safe.
 */
public final class TransactionManager implements AutoCloseable {

  private final ClusterConfig config;
  private final ShardPools pools;
  private final TransactionSettings settings;
  private final BranchProtocol protocol;
  private final DecisionTable decisions;
  private final String clusterId;
  private final String instanceId = UUID.randomUUID().toString().substring(0, 8);
  private final TransactionStats stats = new TransactionStats();
  private final boolean[] decisionTableReady; // benign race: creating the table is idempotent
  private volatile boolean closing;
  /** Counted down when the startup recovery run ends (it creates the decision tables). */
  private final java.util.concurrent.CountDownLatch startupRecovery =
      new java.util.concurrent.CountDownLatch(1);
  private final Recovery recovery;
  private final ScheduledExecutorService scheduler;

  /**
   * @param onRecoveredWrites run after recovery committed or rolled back branches: data changed
   *                          outside any statement (the result cache forgets what it kept)
   */
  public TransactionManager(ClusterConfig config, ShardPools pools, TransactionSettings settings,
      String threadName, Runnable onRecoveredWrites) {
    this.config = config;
    this.pools = pools;
    this.settings = settings;
    this.protocol = BranchProtocol.of(config.dialect(), settings.phaseTimeoutSeconds());
    this.decisions = new DecisionTable(config.dialect());
    this.clusterId = clusterId(config);
    this.decisionTableReady = new boolean[config.shardCount()];
    this.recovery = new Recovery(this, onRecoveredWrites);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      recovery.runQuietly();
      startupRecovery.countDown();
    }, 0, settings.recoveryIntervalMillis(), TimeUnit.MILLISECONDS);
  }

  /** 8 hex digits of a digest of the shards' names and URLs. */
  static String clusterId(ClusterConfig config) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (ShardSpec shard : config.shards()) {
        digest.update((shard.name() + "=" + shard.url() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  ClusterConfig config() {
    return config;
  }

  ShardPools pools() {
    return pools;
  }

  BranchProtocol protocol() {
    return protocol;
  }

  DecisionTable decisions() {
    return decisions;
  }

  TransactionSettings settings() {
    return settings;
  }

  public TransactionStats stats() {
    return stats;
  }

  String clusterId() {
    return clusterId;
  }

  /** This runtime's random id (in logs and SHOW TRANSACTIONS). */
  public String instanceId() {
    return instanceId;
  }

  String shardName(int shard) {
    return config.shard(shard).name();
  }

  String newGlobalId(int decisionShard) {
    return Xid.newGlobal(clusterId, decisionShard, System.currentTimeMillis());
  }

  /**
   * Creates the decision table on {@code shard} through {@code c}, a freshly borrowed connection
   * not yet in a transaction, unless it is known to exist. A failure (e.g. no CREATE privilege) is
   * left for the commit that needs the table to report.
   */
  void prepareDecisionTable(int shard, Connection c) {
    if (decisionTableReady[shard]) {
      return;
    }
    try {
      decisions.ensureExists(c);
      decisionTableReady[shard] = true;
    } catch (SQLException e) {
      // reported by ensureDecisionTable if a cross-shard commit needs the table
    }
  }

  /** Recovery created (or found) the decision table on {@code shard}. */
  void decisionTableReady(int shard) {
    decisionTableReady[shard] = true;
  }

  /**
   * Creates the decision table on {@code shard} once, on its own auto-commit connection (DDL
   * cannot run inside the branch). Recovery normally did it already when the runtime started.
   */
  void ensureDecisionTable(int shard) throws SQLException {
    if (decisionTableReady[shard]) {
      return;
    }
    // The startup recovery run creates the tables on connections of its own; waiting for it
    // avoids borrowing a second connection to a shard whose pool the transaction may exhaust.
    try {
      startupRecovery.await(settings.phaseTimeoutSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (decisionTableReady[shard]) {
      return;
    }
    try (Connection c = pools.borrow(shard)) {
      decisions.ensureExists(c);
    }
    decisionTableReady[shard] = true;
  }

  /** The recorded outcome of {@code gtid} on its decision shard, read on a fresh connection. */
  String decisionOf(String gtid, int decisionShard) throws SQLException {
    try (Connection c = pools.borrow(decisionShard)) {
      return decisions.outcome(c, gtid);
    }
  }

  /** Runs recovery now, in the calling thread; returns what it did. */
  public Recovery.Report recoverNow() throws SQLException {
    return recovery.run();
  }

  /** Every in-doubt branch of this cluster: {shard, branch, decision, age ms}. */
  public List<Object[]> inDoubt() throws SQLException {
    return recovery.describeInDoubt();
  }

  /** True once the runtime is shutting down (recovery then stops quietly). */
  boolean closing() {
    return closing;
  }

  @Override
  public void close() {
    closing = true;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
