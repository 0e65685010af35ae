package dev.sherd.jdbc.exec;

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

  /** Called before a write to {@code shards}: inside a transaction, marks them written. */
  void beforeWrite(ShardSet shards, String sql) throws SQLException;

  /** Called after DDL ran: plans and cached result descriptions may be stale. */
  void schemaChanged();
}
