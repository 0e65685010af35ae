package dev.sherd.jdbc.cache;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.DialectFamily;
import dev.sherd.metadata.ShardSpec;
import java.sql.Connection;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * One logical connection's standing with the result cache: whether it opted out, and what its open
 * transaction has written. Rules, in order:
 *
 * <ul>
 *   <li>an opted-out connection ({@link #PROPERTY} {@code = off}) neither reads nor fills;
 *   <li>at READ UNCOMMITTED nothing is read or filled: such a read may see rows that are later
 *       rolled back;
 *   <li>inside a transaction that has written, nothing is read or filled until it ends, so the
 *       transaction reads its own writes and its uncommitted rows never reach other connections;
 *   <li>inside a transaction at REPEATABLE READ or SERIALIZABLE (set on the connection, in the pool
 *       settings, or the database family's default: MySQL/MariaDB), nothing is read or filled: the
 *       transaction's snapshot may be older than the cache, and a result from it older than a
 *       write that completed before the query started.
 * </ul>
 *
 * <p>A transaction's writes move the generations of the tables they write when each write runs,
 * and once more around its commit or rollback ({@link #endTransaction}), when they become visible
 * to other connections. Not thread-safe: used by one logical connection.
 */
public final class CacheSession {

  /** The client-info property that opts a connection out ({@code off}) or back in ({@code on}). */
  public static final String PROPERTY = "sherd.cache";

  /** Ends a transaction: its commit or rollback. */
  @FunctionalInterface
  public interface TransactionEnd {
    void run() throws SQLException;
  }

  private final ResultCache cache;
  private final BooleanSupplier inTransaction;
  private final IntSupplier isolation;
  private final Set<TableGenerations.Slot> written =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean optedOut;

  /**
   * @param inTransaction true while the connection has an open transaction (auto-commit off)
   * @param isolation     the isolation level set on the connection, or -1 for the default
   */
  public CacheSession(ResultCache cache, BooleanSupplier inTransaction, IntSupplier isolation) {
    this.cache = cache;
    this.inTransaction = inTransaction;
    this.isolation = isolation;
  }

  /**
   * Applies {@link #PROPERTY}: {@code off}/{@code false} opts out, {@code on}/{@code true} (or
   * null) opts back in.
   *
   * @throws SQLClientInfoException for any other value, naming the property
   */
  public void apply(String value) throws SQLClientInfoException {
    String v = value == null ? "on" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "on", "true" -> optedOut = false;
      case "off", "false" -> optedOut = true;
      default -> throw new SQLClientInfoException(PROPERTY + " must be on or off but was '" + value
          + "'", "HY024", Map.of());
    }
  }

  public boolean optedOut() {
    return optedOut;
  }

  /** Why this connection may not use the cache now, or null when it may. */
  String refusal() {
    if (optedOut) {
      return "the connection opted out (" + PROPERTY + "=off)";
    }
    int level = isolation.getAsInt();
    if (level < 0) {
      level = cache.defaultIsolation();
    }
    if (level == Connection.TRANSACTION_READ_UNCOMMITTED) {
      return "READ UNCOMMITTED reads may see rows that are rolled back";
    }
    if (inTransaction.getAsBoolean()) {
      if (!written.isEmpty()) {
        return "the open transaction has written";
      }
      if (level > Connection.TRANSACTION_READ_COMMITTED) {
        return "the open transaction reads a snapshot (REPEATABLE READ or SERIALIZABLE)";
      }
    }
    return null;
  }

  boolean inTransaction() {
    return inTransaction.getAsBoolean();
  }

  /** Records a write of the open transaction. */
  void wrote(TableGenerations.Slot[] slots) {
    Collections.addAll(written, slots);
  }

  /**
   * Ends the open transaction with {@code end} (its commit or rollback); when it wrote, the written
   * tables' generations move before and after, so no result from before the end outlives it.
   */
  public void endTransaction(TransactionEnd end) throws SQLException {
    if (written.isEmpty()) {
      end.run();
      return;
    }
    TableGenerations.Slot[] slots = written.toArray(new TableGenerations.Slot[0]);
    written.clear();
    WriteFence fence = cache.fence(slots);
    try {
      end.run();
    } finally {
      fence.close();
    }
  }

  /**
   * The isolation level a connection runs at when it sets none: the strongest of the shards' pool
   * settings or their family's default (MySQL/MariaDB: REPEATABLE READ, H2 and PostgreSQL: READ
   * COMMITTED); READ UNCOMMITTED if any shard reads uncommitted rows.
   */
  static int defaultIsolation(ClusterConfig config) {
    int strongest = Connection.TRANSACTION_NONE;
    for (ShardSpec shard : config.shards()) {
      String set = shard.poolProperties().get("transactionIsolation");
      int level = set != null ? isolationLevel(set)
          : shard.dialect() == DialectFamily.MYSQL ? Connection.TRANSACTION_REPEATABLE_READ
          : Connection.TRANSACTION_READ_COMMITTED;
      if (level == Connection.TRANSACTION_READ_UNCOMMITTED) {
        return level;
      }
      strongest = Math.max(strongest, level);
    }
    return strongest;
  }

  private static int isolationLevel(String setting) {
    String s = setting.trim().toUpperCase(Locale.ROOT);
    if (s.startsWith("TRANSACTION_")) {
      s = s.substring("TRANSACTION_".length());
    }
    return switch (s) {
      case "READ_UNCOMMITTED", "1" -> Connection.TRANSACTION_READ_UNCOMMITTED;
      case "READ_COMMITTED", "2" -> Connection.TRANSACTION_READ_COMMITTED;
      case "REPEATABLE_READ", "4" -> Connection.TRANSACTION_REPEATABLE_READ;
      default -> Connection.TRANSACTION_SERIALIZABLE; // unknown: assume the strictest
    };
  }
}
