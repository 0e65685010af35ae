package dev.sherd.jdbc.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * CAPACITY per connection and kind, least recently used first), or when the schema generation
 * changes (DDL through the driver).
 *
 * Only the holder of the connection's lease uses this object; the pool's hand-over of the
 * connection orders every access, so it is not thread-safe and needs not be. A statement is marked
 * in use while it runs, so one text in use twice at once gets a second statement, closed after
 * its use. The lookup is one hash of the SQL text (a string that caches its hash) per execution.
 */
/** Reusable prepared statements and session settings of one physical shard connection. */
public final class PooledStatements {

  /** Statements kept per physical connection, for each kind (with and without generated keys). */
  public static final int CAPACITY = 64;

  private final Connection physical;
  private final Map<String, Entry> plain = lru();
  private final Map<String, Entry> withKeys = lru();
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
   * The kept statement for {@code sql}, marked in use; null when there is none or it is in use
   * (the caller makes a new one). A schema generation other than {@code current} closes every
   * kept statement first.
   */
  public Entry take(String sql, boolean generatedKeys, int current) {
    if (current != generation) {
      closeAll();
      generation = current;
      return null;
    }
    Entry kept = (generatedKeys ? withKeys : plain).get(sql);
    if (kept == null || kept.inUse) {
      return null;
    }
    kept.inUse = true;
    return kept;
  }

  /**
   * Gives a statement back after a successful use. A new one is kept unless its text already has
   * a statement (then it is closed); beyond {@link #CAPACITY}, the least recently used one that is
   * not in use is closed.
   */
  public void give(Entry entry) {
    entry.inUse = false;
    if (entry.kept) {
      return; // take() already made it the most recently used
    }
    Map<String, Entry> kind = entry.generatedKeys ? withKeys : plain;
    if (kind.putIfAbsent(entry.sql, entry) != null) {
      closeQuietly(entry.statement);
      return;
    }
    entry.kept = true;
    if (kind.size() > CAPACITY) {
      Iterator<Entry> oldest = kind.values().iterator();
      Entry eldest = oldest.next();
      if (!eldest.inUse) {
        eldest.kept = false;
        closeQuietly(eldest.statement);
        oldest.remove();
      }
    }
  }

  /** Closes a statement whose use failed, and forgets it if it was kept. */
  public void discard(Entry entry) {
    if (entry.kept) {
      entry.kept = false;
      (entry.generatedKeys ? withKeys : plain).remove(entry.sql);
    }
    closeQuietly(entry.statement);
  }

  boolean connectionClosed() {
    try {
      return physical.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Statements kept, of both kinds (for tests). */
  public int keptCount() {
    return plain.size() + withKeys.size();
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

  private void closeAll() {
    for (Map<String, Entry> kind : List.of(plain, withKeys)) {
      for (Entry e : kind.values()) {
        e.kept = false;
        closeQuietly(e.statement);
      }
      kind.clear();
    }
  }

  /** Access order: a statement found for a text becomes the most recently used. */
  private static Map<String, Entry> lru() {
    return new LinkedHashMap<>(16, 0.75f, true);
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // a statement that cannot close is gone with its connection
    }
  }

  /**
   * A physical statement and the settings last applied to it, so each is set again only when a
   * use asks for a different value. Used by one lease holder at a time.
   */
  public static final class Entry {
    private final String sql;
    private final boolean generatedKeys;
    private final PreparedStatement statement;
    private final int defaultFetchSize;
    private int timeout;
    private int fetchSize;
    private long maxRows;
    private boolean inUse = true;
    private boolean kept; // in its map: saves the hash lookup when a kept statement comes back

    /**
     * A fresh statement, in use: no timeout, no row limit, the driver's default fetch size.
     *
     * @param generatedKeys whether it was prepared to return generated keys
     */
    public Entry(String sql, boolean generatedKeys, PreparedStatement statement)
        throws SQLException {
      this.sql = sql;
      this.generatedKeys = generatedKeys;
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
