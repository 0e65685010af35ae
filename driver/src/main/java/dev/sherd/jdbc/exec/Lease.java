package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.runtime.PooledStatements;
import dev.sherd.jdbc.runtime.ShardPools;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A physical connection to one shard, lent to one statement execution. {@link #release()} returns
 * it to its pool when the lease owns it (auto-commit), and does nothing when the logical
 * connection's transaction holds it until commit or rollback. Not thread-safe.
 */
public final class Lease {

  private final int shard;
  private final Connection connection;
  private final boolean owned;
  private final ShardPools pools;
  private PooledStatements statements;
  private boolean released;

  /**
   * @param connection a connection {@code pools} lent for {@code shard}
   * @param owned      whether this lease gives it back (auto-commit) rather than a transaction
   */
  public Lease(int shard, Connection connection, boolean owned, ShardPools pools) {
    this.shard = shard;
    this.connection = connection;
    this.owned = owned;
    this.pools = pools;
  }

  public int shard() {
    return shard;
  }

  public Connection connection() {
    return connection;
  }

  /** What is kept on this lease's physical connection. */
  PooledStatements statements() throws SQLException {
    if (statements == null) {
      statements = pools.statementsOf(connection);
    }
    return statements;
  }

  /** The schema generation statements kept on the connection must have been prepared under. */
  int schemaGeneration() {
    return pools.schemaGeneration();
  }

  /**
   * A statement made on the driver's own connection failed: the pool, which did not see it, is
   * told to close the connection instead of lending it again when {@code e} ends it. Returns
   * {@code e}.
   */
  SQLException evictIfFatal(SQLException e) {
    if (ShardPools.isFatal(e)) {
      pools.evict(shard, connection);
    }
    return e;
  }

  /** Gives the connection back (idempotent). */
  public void release() throws SQLException {
    if (!released) {
      released = true;
      if (owned) {
        connection.close();
      }
    }
  }
}
