package dev.sherd.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.function.LongToIntFunction;

/**
 * The rows of the benchmarks, generated from fixed seeds so every way and every run holds the same
 * data, and what each shard holds.
 *
 * <ul>
 *   <li>{@code orders}: 200,000 rows, 20 per user for 10,000 users, hash-sharded on {@code user_id}.
 *       User ids are chosen so that Sherd's hash placement (xxHash64 → bucket → shard) and
 *       ShardingSphere's {@code ds_${user_id % 4}} put every user on the same shard: both drivers
 *       then read the very same four databases.
 *   <li>{@code order_log}: the same columns, empty; the insert benchmarks write it.
 *   <li>{@code events}: 200,000 rows, ids 1..200,000, range-sharded on {@code id} in four ranges of
 *       50,000 (Sherd {@code algorithm: range}; ShardingSphere {@link EventsRangeAlgorithm}), so a
 *       range on the key routes to one shard in both.
 * </ul>
 *
 * <p>{@code amount} and {@code category} are not indexed: the GROUP BY, ORDER BY … LIMIT and the
 * non-key range count scan the table, which is the work a scatter can split. Immutable after
 * construction and thread-safe.
 */
final class OrdersData {

  static final int SHARDS = 4;
  static final int USERS = 10_000;
  static final int ORDERS_PER_USER = 20;
  static final int ORDERS = USERS * ORDERS_PER_USER;
  static final int EVENTS = 200_000;
  static final int EVENTS_PER_SHARD = EVENTS / SHARDS;
  static final List<String> CATEGORIES = List.of("books", "games", "music", "garden", "toys",
      "food", "tools", "sports");

  static final String ORDERS_COLUMNS = "(user_id BIGINT NOT NULL, order_id BIGINT NOT NULL,"
      + " category VARCHAR(12) NOT NULL, amount DECIMAL(12,2) NOT NULL, qty INT NOT NULL,"
      + " PRIMARY KEY (user_id, order_id))";
  static final List<String> DDL = List.of(
      "CREATE TABLE orders " + ORDERS_COLUMNS,
      "CREATE TABLE order_log " + ORDERS_COLUMNS,
      "CREATE TABLE events (id BIGINT NOT NULL PRIMARY KEY, user_id BIGINT NOT NULL,"
          + " amount DECIMAL(12,2) NOT NULL)");

  /** User ids; user {@code u} lives on shard {@code u % 4} in both drivers. */
  final long[] users;
  /** Per order index {@code k} (order_id = k + 1). */
  final long[] orderUser;
  final byte[] orderCategory;
  final long[] orderCents;
  final int[] orderQty;
  /** Per event index {@code k} (id = k + 1). */
  final long[] eventUser;
  final long[] eventCents;

  /**
   * @param sherdShardOfUser Sherd's placement of a {@code user_id} (from the cluster config); only
   *                         users it places where {@code user_id % 4} does are used
   */
  OrdersData(LongToIntFunction sherdShardOfUser) {
    users = new long[USERS];
    int n = 0;
    for (long candidate = 1; n < USERS; candidate++) {
      if (sherdShardOfUser.applyAsInt(candidate) == shardOfUser(candidate)) {
        users[n++] = candidate;
      }
    }
    Random random = new Random(42);
    orderUser = new long[ORDERS];
    orderCategory = new byte[ORDERS];
    orderCents = new long[ORDERS];
    orderQty = new int[ORDERS];
    for (int k = 0; k < ORDERS; k++) {
      orderUser[k] = users[k % USERS];
      orderCategory[k] = (byte) random.nextInt(CATEGORIES.size());
      orderCents[k] = random.nextInt(1_000_000);
      orderQty[k] = 1 + random.nextInt(10);
    }
    eventUser = new long[EVENTS];
    eventCents = new long[EVENTS];
    for (int k = 0; k < EVENTS; k++) {
      eventUser[k] = users[random.nextInt(USERS)];
      eventCents[k] = random.nextInt(1_000_000);
    }
  }

  /** Where both drivers put a user's orders. */
  static int shardOfUser(long userId) {
    return (int) (userId % SHARDS);
  }

  /** Where both drivers put an event: ids 1..50,000 on s0, 50,001..100,000 on s1, … */
  static int shardOfEvent(long id) {
    return (int) Math.min(SHARDS - 1, Math.max(0, (id - 1) / EVENTS_PER_SHARD));
  }

  /** The first id of shard {@code shard}'s events range. */
  static long firstEventOf(int shard) {
    return (long) shard * EVENTS_PER_SHARD + 1;
  }

  /** Order indexes (0-based) held by {@code shard}, or by the one big database when -1. */
  IntPredicate ordersOf(int shard) {
    return shard < 0 ? k -> true : k -> shardOfUser(orderUser[k]) == shard;
  }

  /** Event indexes (0-based) held by {@code shard}, or by the one big database when -1. */
  IntPredicate eventsOf(int shard) {
    return shard < 0 ? k -> true : k -> shardOfEvent(k + 1L) == shard;
  }

  static BigDecimal amount(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  /** Creates the tables on {@code c} and loads the rows of {@code shard} (-1: every row). */
  void load(Connection c, int shard) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String ddl : DDL) {
        st.execute(ddl);
      }
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      IntPredicate orders = ordersOf(shard);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (user_id, order_id,"
          + " category, amount, qty) VALUES (?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (int k = 0; k < ORDERS; k++) {
          if (orders.test(k)) {
            ps.setLong(1, orderUser[k]);
            ps.setLong(2, k + 1L);
            ps.setString(3, CATEGORIES.get(orderCategory[k]));
            ps.setBigDecimal(4, amount(orderCents[k]));
            ps.setInt(5, orderQty[k]);
            ps.addBatch();
            if (++pending == 1000) {
              ps.executeBatch();
              pending = 0;
            }
          }
        }
        ps.executeBatch();
      }
      IntPredicate events = eventsOf(shard);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO events (id, user_id, amount) VALUES (?, ?, ?)")) {
        int pending = 0;
        for (int k = 0; k < EVENTS; k++) {
          if (events.test(k)) {
            ps.setLong(1, k + 1L);
            ps.setLong(2, eventUser[k]);
            ps.setBigDecimal(3, amount(eventCents[k]));
            ps.addBatch();
            if (++pending == 1000) {
              ps.executeBatch();
              pending = 0;
            }
          }
        }
        ps.executeBatch();
      }
      c.commit();
    } finally {
      c.setAutoCommit(autoCommit);
    }
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE");
    }
  }
}
