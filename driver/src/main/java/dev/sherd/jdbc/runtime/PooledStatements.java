package dev.sherd.jdbc.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/*
 * What Sherd keeps on one physical shard connection across the leases that borrow it: prepared
 * statements by SQL text, so a routed statement executed again prepares nothing on the shard, and
 * the query timeout last applied through the connection (H2 keeps one timeout per session, not per
 * statement, so a statement asking for none must reset what an earlier one set).
 *
 * The statements are made on the shard driver's own connection, unwrapped from the pool's proxy:
 * HikariCP closes every statement made through its proxy when the lease ends, and these must
 * outlive leases. They close with the physical connection, when newer texts push them out (at most
 * CAPACITY idle ones), or when the schema generation changes (DDL through the driver).
 *
 * Only the holder of the connection's lease uses this object; the pool's hand-over of the
 * connection orders every access, so it is not thread-safe and needs not be. A statement is taken
 * out while it runs and given back after, so one text in use twice gets two statements.
 */
/** Reusable prepared statements and session settings of one physical shard connection. */
public final class PooledStatements {

  /** Idle statements kept per physical connection. */
  public static final int CAPACITY = 64;

  private final Connection physical;
  private final Map<Key, Entry> idle = new LinkedHashMap<>(16, 0.75f, false);
  private int generation;
  private int sessionTimeout;

  PooledStatements(Connection physical, int generation) {
    this.physical = physical;
    this.generation = generation;
  }

  /** The shard driver's own connection (not the pool's proxy). */
  public Connection physical() {
    return physical;
  }

  /**
   * An idle statement for {@code key} made under schema generation {@code current}, taken out of
   * the cache; null when there is none. A newer generation closes every idle statement first.
   */
  public Entry take(Key key, int current) {
    if (current != generation) {
      closeIdle();
      generation = current;
      return null;
    }
    return idle.remove(key);
  }

  /**
   * Gives a statement back after a successful use; one with the same text already idle, or the
   * oldest idle one beyond {@link #CAPACITY}, is closed instead of kept.
   */
  public void give(Entry entry) {
    Entry previous = idle.putIfAbsent(entry.key, entry);
    if (previous != null) {
      closeQuietly(entry.statement);
      return;
    }
    if (idle.size() > CAPACITY) {
      Iterator<Entry> oldest = idle.values().iterator();
      closeQuietly(oldest.next().statement);
      oldest.remove();
    }
  }

  boolean connectionClosed() {
    try {
      return physical.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Idle statements (for tests and leak checks). */
  public int idleCount() {
    return idle.size();
  }

  /**
   * Applies {@code seconds} to {@code entry}'s statement unless both it and the connection already
   * have that timeout: a statement-level setting on most drivers, a session-level one on H2.
   */
  public void queryTimeout(Entry entry, int seconds) throws SQLException {
    if (entry.timeout != seconds || sessionTimeout != seconds) {
      entry.statement.setQueryTimeout(seconds);
      entry.timeout = seconds;
      sessionTimeout = seconds;
    }
  }

  private void closeIdle() {
    for (Entry e : idle.values()) {
      closeQuietly(e.statement);
    }
    idle.clear();
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // a statement that cannot close is gone with its connection
    }
  }

  /** What a statement is reused for: its text, and whether it returns generated keys. */
  public record Key(String sql, boolean generatedKeys) {}

  /**
   * A physical statement and the settings last applied to it, so each is set again only when a
   * use asks for a different value. Used by one lease holder at a time.
   */
  public static final class Entry {
    private final Key key;
    private final PreparedStatement statement;
    private final int defaultFetchSize;
    private int timeout;
    private int fetchSize;
    private long maxRows;

    /** A fresh statement: no timeout, no row limit, the driver's default fetch size. */
    public Entry(Key key, PreparedStatement statement) throws SQLException {
      this.key = key;
      this.statement = statement;
      this.defaultFetchSize = statement.getFetchSize();
      this.fetchSize = defaultFetchSize;
    }

    public PreparedStatement statement() {
      return statement;
    }

    /** Sets the fetch size ({@code 0}: the driver's default) and the row limit, where changed. */
    public void limits(int requestedFetchSize, long requestedMaxRows) throws SQLException {
      int size = requestedFetchSize > 0 ? requestedFetchSize : defaultFetchSize;
      if (requestedMaxRows != maxRows && maxRows != 0) {
        statement.setLargeMaxRows(0); // H2 refuses a fetch size above the current row limit
        maxRows = 0;
      }
      if (size != fetchSize) {
        statement.setFetchSize(size);
        fetchSize = size;
      }
      if (requestedMaxRows != maxRows) {
        statement.setLargeMaxRows(requestedMaxRows);
        maxRows = requestedMaxRows;
      }
    }
  }
}
