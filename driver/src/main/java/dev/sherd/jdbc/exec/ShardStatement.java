package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.runtime.PooledStatements;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/*
 * The physical statement of one execution on a leased shard connection: either taken from the
 * connection's kept statements (and given back by close) or made for this execution only (and
 * closed by close). A kept statement goes back only when every execution through it completed,
 * and the result set it gave was closed first; one that failed is closed, and a failure that ends
 * the connection evicts it from its pool, as HikariCP does for statements made through its proxy.
 */
/** A physical prepared statement lent to one execution. Not thread-safe. */
final class ShardStatement implements AutoCloseable {

  private final Lease lease;
  private final PooledStatements kept; // null: made for this execution only
  private final PooledStatements.Entry entry;
  private boolean healthy = true;
  private boolean closed;

  ShardStatement(Lease lease, PooledStatements kept, PooledStatements.Entry entry) {
    this.lease = lease;
    this.kept = kept;
    this.entry = entry;
  }

  /** The shard driver's statement, for what this class does not wrap (generated keys, batches). */
  PreparedStatement physical() {
    return entry.statement();
  }

  ResultSet executeQuery() throws SQLException {
    try {
      return entry.statement().executeQuery();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  long executeLargeUpdate() throws SQLException {
    try {
      return entry.statement().executeLargeUpdate();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  boolean execute() throws SQLException {
    try {
      return entry.statement().execute();
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /**
   * Notes a failure of this statement or of a result it gave: the statement will not be kept, and
   * its connection is evicted if the failure ends it. Returns {@code e}.
   */
  SQLException failed(SQLException e) {
    healthy = false;
    return kept != null ? lease.evictIfFatal(e) : e;
  }

  /** Gives a kept statement back, or closes it; before the lease is released. Idempotent. */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (kept == null) {
      entry.statement().close();
    } else if (healthy && warningsCleared()) {
      kept.give(entry);
    } else {
      kept.discard(entry);
    }
  }

  /** A kept statement must not hand its warnings to the next execution. */
  private boolean warningsCleared() {
    try {
      entry.statement().clearWarnings();
      return true;
    } catch (SQLException e) {
      failed(e);
      return false;
    }
  }
}
