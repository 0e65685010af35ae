package dev.sherd.jdbc.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HikariCP pool per shard. Pools start lazily (a shard that is down does not stop the others
 * from working; its errors name it when it is used) and every pool setting from the shard's
 * {@code pool:} map is passed through by its HikariCP property name. Each physical connection has
 * its {@link PooledStatements}, forgotten once the pool has closed the connection. Thread-safe.
 */
public final class ShardPools implements AutoCloseable {

  /** HikariCP's own list of SQLStates and vendor codes that end a connection. */
  private static final Set<String> FATAL_STATES =
      Set.of("0A000", "57P01", "57P02", "57P03", "01002", "JZ0C0", "JZ0C1");
  private static final Set<Integer> FATAL_CODES = Set.of(500150, 2399, 1105);

  private final ClusterConfig config;
  private final List<HikariDataSource> pools;
  private final Map<Connection, PooledStatements> statements = new ConcurrentHashMap<>();
  private volatile int schemaGeneration;

  ShardPools(ClusterConfig config, String clusterName) throws SQLException {
    this.config = config;
    this.pools = new ArrayList<>(config.shardCount());
    try {
      for (ShardSpec shard : config.shards()) {
        pools.add(new HikariDataSource(hikariConfig(shard, clusterName)));
      }
    } catch (RuntimeException e) {
      close();
      throw new SQLNonTransientConnectionException(config.source() + ": cannot create the"
          + " connection pools: " + e.getMessage(), "08001", e);
    }
  }

  private static HikariConfig hikariConfig(ShardSpec shard, String clusterName) {
    Properties props = new Properties();
    for (Map.Entry<String, String> e : shard.poolProperties().entrySet()) {
      props.setProperty(e.getKey(), e.getValue());
    }
    HikariConfig hc;
    try {
      hc = new HikariConfig(props);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("shards." + shard.name() + ".pool: " + e.getMessage(), e);
    }
    hc.setJdbcUrl(shard.url());
    if (shard.user() != null) {
      hc.setUsername(shard.user());
    }
    hc.setPassword(shard.password());
    hc.setPoolName("sherd-" + clusterName + "-" + shard.name());
    if (!props.containsKey("initializationFailTimeout")) {
      hc.setInitializationFailTimeout(-1); // start without the shard; fail on use, naming it
    }
    if (!props.containsKey("minimumIdle")) {
      hc.setMinimumIdle(Math.min(2, hc.getMaximumPoolSize()));
    }
    return hc;
  }

  /** Borrows a connection to shard {@code index}; the error names the shard when it is down. */
  public Connection borrow(int index) throws SQLException {
    try {
      return pools.get(index).getConnection();
    } catch (SQLException e) {
      String shard = config.shard(index).name();
      throw new SQLTransientConnectionException("shard " + shard + " is unavailable: "
          + e.getMessage(), "08001", e.getErrorCode(), e);
    }
  }

  /**
   * Takes a connection of shard {@code index} out of its pool for good (one that failed in a way
   * that leaves its session unusable), instead of lending it again.
   */
  public void evict(int index, Connection connection) {
    pools.get(index).evictConnection(connection);
  }

  /**
   * The kept statements of the physical connection behind {@code pooled}, a connection of this
   * object's pools held by the caller. Meeting a new physical connection (the pool replaced one)
   * forgets those of connections the pool has closed.
   */
  public PooledStatements statementsOf(Connection pooled) throws SQLException {
    Connection physical = pooled.unwrap(Connection.class);
    PooledStatements kept = statements.get(physical);
    if (kept == null) {
      statements.values().removeIf(PooledStatements::connectionClosed);
      kept = new PooledStatements(physical, schemaGeneration);
      statements.put(physical, kept);
    }
    return kept;
  }

  /** The schema generation kept statements must have been prepared under. */
  public int schemaGeneration() {
    return schemaGeneration;
  }

  /** After DDL through the driver: every kept statement is prepared again at its next use. */
  public synchronized void schemaChanged() {
    schemaGeneration++;
  }

  /**
   * True when {@code e} (or one chained to it) says its connection is unusable, by the rule
   * HikariCP applies to statements made through its proxy (SQLState class 08, the server shutting
   * down, ...): a connection that failed so is evicted rather than lent again.
   */
  public static boolean isFatal(SQLException e) {
    SQLException next = e;
    for (int depth = 0; next != null && depth < 10; depth++) {
      String state = next.getSQLState();
      if (state != null && (state.startsWith("08") || FATAL_STATES.contains(state))
          || FATAL_CODES.contains(next.getErrorCode())) {
        return true;
      }
      next = next.getNextException();
    }
    return false;
  }

  /** Connections of shard {@code index} currently lent out (for leak checks). */
  public int activeConnections(int index) {
    HikariPoolMXBean bean = pools.get(index).getHikariPoolMXBean();
    return bean == null ? 0 : bean.getActiveConnections();
  }

  @Override
  public void close() {
    for (HikariDataSource pool : pools) {
      pool.close();
    }
    statements.clear();
  }
}
