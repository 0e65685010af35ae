package dev.sherd.jdbc.tx;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.metadata.ShardSet;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The shard branches of one logical connection's open transaction (auto-commit off). A shard's
 * connection is borrowed at its first use and held until the transaction ends, so every statement
 * of the transaction on that shard runs in the same branch. The first shard touched holds the
 * commit decision if the transaction ends up writing to several shards.
 *
 * <p>Ending it: a transaction that wrote to at most one shard commits each branch locally — no
 * two-phase cost, read-only branches released without a prepare. One that wrote to several commits
 * atomically through {@link TwoPhaseCommit}. Not thread-safe: used by one logical connection.
 */
public final class GlobalTransaction {

  /** Applies the logical connection's session settings to a newly borrowed connection. */
  public interface SessionSettings {
    void applyTo(Connection c) throws SQLException;
  }

  final TransactionManager manager;
  private final SessionSettings session;
  final Connection[] held;
  final Xid[] branches;
  final boolean[] written;
  /** Prepared branches whose commit failed: left to recovery, never rolled back here. */
  final boolean[] leftToRecovery;
  /** Branches that committed or rolled back cleanly: nothing is left open on their connection. */
  private final boolean[] ended;
  String gtid;
  private String rollbackOnly;

  public GlobalTransaction(TransactionManager manager, SessionSettings session) {
    this.manager = manager;
    this.session = session;
    int shards = manager.config().shardCount();
    this.held = new Connection[shards];
    this.branches = new Xid[shards];
    this.written = new boolean[shards];
    this.leftToRecovery = new boolean[shards];
    this.ended = new boolean[shards];
  }

  /** The connection of {@code shard}'s branch, starting the branch at first use. */
  public Lease lease(int shard) throws SQLException {
    if (held[shard] == null) {
      Connection c = manager.pools().borrow(shard);
      try {
        session.applyTo(c);
        if (gtid == null) {
          // this shard would hold the decision: create its table now, while the connection has
          // no transaction of its own (DDL would end one), on the connection the pool lent us
          manager.prepareDecisionTable(shard, c);
        }
        c.setAutoCommit(false);
        if (gtid == null) {
          gtid = manager.newGlobalId(shard);
        }
        Xid xid = Xid.branch(gtid, shard);
        manager.protocol().begin(c, xid);
        branches[shard] = xid;
      } catch (SQLException e) {
        c.close();
        throw ShardErrors.wrap(manager.config().shard(shard).name(), e);
      }
      held[shard] = c;
    }
    return new Lease(shard, held[shard], false, manager.pools());
  }

  /** Records that {@code shards} are written by the transaction. */
  public void beforeWrite(ShardSet shards) {
    for (int shard : shards.toArray()) {
      written[shard] = true;
    }
  }

  /** True when no shard connection is held. */
  public boolean isEmpty() {
    for (Connection c : held) {
      if (c != null) {
        return false;
      }
    }
    return true;
  }

  /** True when the transaction wrote to a shard other than {@code shard}. */
  public boolean wroteOtherThan(int shard) {
    for (int s = 0; s < written.length; s++) {
      if (written[s] && s != shard) {
        return true;
      }
    }
    return false;
  }

  int writtenCount() {
    int n = 0;
    for (boolean w : written) {
      n += w ? 1 : 0;
    }
    return n;
  }

  /**
   * Commits: locally when at most one shard was written, else with two-phase commit.
   *
   * @throws java.sql.SQLTransactionRollbackException when the transaction was rolled back instead
   */
  public void commit() throws SQLException {
    try {
      if (rollbackOnly != null) {
        String reason = rollbackOnly;
        endLocally(false);
        throw new java.sql.SQLTransactionRollbackException("transaction rolled back instead of"
            + " committed: " + reason, "40000");
      }
      if (writtenCount() <= 1) {
        endLocally(true);
      } else {
        TwoPhaseCommit.commit(this);
      }
    } finally {
      reset();
    }
  }

  /** Rolls back every branch. */
  public void rollback() throws SQLException {
    try {
      endLocally(false);
    } finally {
      reset();
    }
  }

  /** Ends every branch locally: the written one first, then the read-only ones. */
  private void endLocally(boolean commit) throws SQLException {
    SQLException failure = null;
    for (int pass = 0; pass < 2; pass++) {
      for (int shard = 0; shard < held.length; shard++) {
        if (held[shard] == null || written[shard] != (pass == 0)) {
          continue;
        }
        try {
          if (commit && failure == null) {
            commitOnePhase(shard);
          } else {
            rollbackUnprepared(shard);
          }
        } catch (SQLException e) {
          SQLException named = ShardErrors.wrap(manager.config().shard(shard).name(), e);
          if (failure == null) {
            failure = named;
          } else {
            failure.addSuppressed(named);
          }
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  // Every end of a branch goes through these four, which record that it ended cleanly.

  void commitOnePhase(int shard) throws SQLException {
    manager.protocol().commitOnePhase(held[shard], branches[shard]);
    ended[shard] = true;
  }

  void rollbackUnprepared(int shard) throws SQLException {
    manager.protocol().rollbackUnprepared(held[shard], branches[shard]);
    ended[shard] = true;
  }

  /** Through the session that prepared it, which still holds it. */
  void commitPrepared(int shard) throws SQLException {
    manager.protocol().commitPrepared(held[shard], branches[shard], true);
    ended[shard] = true;
  }

  /** Through the session that prepared it, which still holds it. */
  void rollbackPrepared(int shard) throws SQLException {
    manager.protocol().rollbackPrepared(held[shard], branches[shard], true);
    ended[shard] = true;
  }

  /**
   * Returns every held connection to its pool, rolling back first whatever a branch that did not
   * end cleanly left open on it: HikariCP sees no work done through kept statements (made on the
   * driver's own connection) or executeLargeUpdate/executeLargeBatch, and its reset to auto-commit
   * on return would otherwise commit that work.
   */
  void reset() {
    for (int shard = 0; shard < held.length; shard++) {
      Connection c = held[shard];
      boolean open = !ended[shard];
      held[shard] = null;
      branches[shard] = null;
      written[shard] = false;
      ended[shard] = false;
      if (c != null) {
        if (leftToRecovery[shard]) {
          // its commit failed: the session is suspect and must not be lent again
          leftToRecovery[shard] = false;
          manager.pools().evict(shard, c);
          continue;
        }
        if (open) {
          try {
            c.rollback();
          } catch (SQLException ignored) {
            // returned anyway: the pool evicts a connection it cannot reset
          }
        }
        try {
          c.close();
        } catch (SQLException ignored) {
          // the pool evicts a connection it cannot reset
        }
      }
    }
    gtid = null;
    rollbackOnly = null;
  }

  /**
   * Marks the transaction as able only to roll back: a statement that wrote to several shards
   * failed on one after changing others, and one database would have undone the whole statement.
   */
  public void markRollbackOnly(String reason) {
    if (rollbackOnly == null) {
      rollbackOnly = reason;
    }
  }
}
