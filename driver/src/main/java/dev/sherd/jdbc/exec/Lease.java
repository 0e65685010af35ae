package dev.sherd.jdbc.exec;

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
  private boolean released;

  public Lease(int shard, Connection connection, boolean owned) {
    this.shard = shard;
    this.connection = connection;
    this.owned = owned;
  }

  public int shard() {
    return shard;
  }

  public Connection connection() {
    return connection;
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
