package dev.sherd.jdbc;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.metadata.ShardSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * The shard connections of one logical connection's open transaction (auto-commit off). A shard's
 * connection is borrowed at its first use and held until commit or rollback, so every statement of
 * the transaction on that shard sees the same local transaction.
 *
 * <p>Guarantee: at most one shard is written in a transaction. A write that would make it span a
 * second shard is refused before anything runs (the transaction stays open and usable); until
 * two-phase commit exists, that is the only way never to commit half. Shards that were only read
 * are committed too (a no-op) and released. Not thread-safe: used by one logical connection.
 */
final class ShardTransaction {

  private final ClusterRuntime runtime;
  private final SessionState session;
  private final Connection[] held;
  private int writtenShard = -1;

  ShardTransaction(ClusterRuntime runtime, SessionState session) {
    this.runtime = runtime;
    this.session = session;
    this.held = new Connection[runtime.config().shardCount()];
  }

  Lease lease(int shard) throws SQLException {
    if (held[shard] == null) {
      Connection c = runtime.pools().borrow(shard);
      try {
        session.applyTo(c);
        c.setAutoCommit(false);
      } catch (SQLException e) {
        c.close();
        throw ShardErrors.wrap(runtime.config().shard(shard).name(), e);
      }
      held[shard] = c;
    }
    return new Lease(shard, held[shard], false);
  }

  void beforeWrite(ShardSet shards, String sql) throws SQLException {
    if (shards.isEmpty()) {
      return;
    }
    if (shards.size() > 1 || (writtenShard >= 0 && shards.first() != writtenShard)) {
      throw new SQLFeatureNotSupportedException("not supported across shards: this transaction"
          + " would write to shards " + describe(shards) + (writtenShard >= 0 ? " (it already"
          + " wrote to " + runtime.config().shard(writtenShard).name() + ")" : "")
          + "; until two-phase commit is available a transaction may write to one shard only."
          + " Nothing was executed: commit or roll back, or run the statement in auto-commit mode"
          + " [SQL: " + sql + "]", "0A000");
    }
    writtenShard = shards.first();
  }

  private String describe(ShardSet shards) {
    StringBuilder sb = new StringBuilder();
    int[] all = shards.toArray();
    if (writtenShard >= 0) {
      sb.append(runtime.config().shard(writtenShard).name());
    }
    for (int s : all) {
      if (s != writtenShard) {
        sb.append(sb.length() == 0 ? "" : ", ").append(runtime.config().shard(s).name());
      }
    }
    return sb.toString();
  }

  void commit() throws SQLException {
    end(true);
  }

  void rollback() throws SQLException {
    end(false);
  }

  /** True when no shard connection is held. */
  boolean isEmpty() {
    for (Connection c : held) {
      if (c != null) {
        return false;
      }
    }
    return true;
  }

  /**
   * Commits (or rolls back) the written shard first, then the read-only ones, releasing every
   * connection. A failure is reported naming the shard; the others are still ended and released.
   */
  private void end(boolean commit) throws SQLException {
    SQLException failure = null;
    int[] order = new int[held.length];
    int n = 0;
    if (writtenShard >= 0) {
      order[n++] = writtenShard;
    }
    for (int i = 0; i < held.length; i++) {
      if (i != writtenShard) {
        order[n++] = i;
      }
    }
    for (int i = 0; i < n; i++) {
      int shard = order[i];
      Connection c = held[shard];
      if (c == null) {
        continue;
      }
      held[shard] = null;
      try {
        if (commit && failure == null) {
          c.commit();
        } else {
          c.rollback();
        }
      } catch (SQLException e) {
        SQLException named = ShardErrors.wrap(runtime.config().shard(shard).name(), e);
        if (failure == null) {
          failure = named;
        } else {
          failure.addSuppressed(named);
        }
      } finally {
        try {
          c.close();
        } catch (SQLException ignored) {
          // the pool evicts a connection it cannot reset
        }
      }
    }
    writtenShard = -1;
    if (failure != null) {
      throw failure;
    }
  }
}
