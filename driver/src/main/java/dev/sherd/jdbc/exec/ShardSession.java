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
   * Called before DDL on {@code shards}; returns the session the DDL must run in. Inside a
   * transaction the shard family decides, as one database of that family would: PostgreSQL's DDL
   * is transactional, so it joins the transaction's branches (and its two-phase commit); H2 and
   * MySQL commit the open transaction before DDL, so the transaction is committed and the DDL runs
   * in auto-commit.
   */
  ShardSession beforeDdl(ShardSet shards, String sql) throws SQLException;

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
