package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.cache.CacheSession;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.metadata.ShardSet;
import java.sql.SQLException;

/**
 * What a statement execution needs from its logical connection: physical connections per shard,
 * and the transaction rules for writes. Implemented by the logical connection.
 */
public interface ShardSession {

  ClusterRuntime runtime();

  /** A connection to {@code shard}: the transaction's own one, or a pooled one in auto-commit. */
  Lease lease(int shard) throws SQLException;

  /** True while an explicit transaction (auto-commit off) is open. */
  boolean inTransaction();

  /**
   * Called before DDL on {@code shards}. The shard databases commit DDL on their own, so inside a
   * transaction DDL is refused unless it touches one shard and the transaction wrote no other.
   */
  void beforeDdl(ShardSet shards, String sql) throws SQLException;

  /** Inside a transaction: it can now only roll back (a multi-shard statement failed midway). */
  void markRollbackOnly(String reason);

  /** Called before a write to {@code shards}: inside a transaction, marks them written. */
  void beforeWrite(ShardSet shards, String sql) throws SQLException;

  /** Called after DDL ran: plans and cached result descriptions may be stale. */
  void schemaChanged();

  /** The connection's standing with the result cache (dev.sherd.jdbc.cache); null for none. */
  default CacheSession cacheSession() {
    return null;
  }
}
