package dev.sherd.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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

  static final String ORDERS_COLUMNS = "(order_id BIGINT NOT NULL PRIMARY KEY,"
      + " user_id BIGINT NOT NULL, category VARCHAR(12) NOT NULL, amount DECIMAL(12,2) NOT NULL,"
      + " qty INT NOT NULL)";
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

  /*
   * Column values are simple modular functions of the row index, computed here and, identically,
   * by H2 while loading (INSERT … SELECT over SYSTEM_RANGE: a few seconds less per trial than
   * JDBC batches). The multipliers are coprime with the moduli, so amounts are distinct (no ties in
   * ORDER BY amount) and categories and quantities are evenly spread.
   */
  static long orderCents(long k) {
    return (k * 451_653L + 7) % 1_000_000;
  }

  static int orderCategory(long k) {
    return (int) ((k * 7_919L) % 1_000_003L % CATEGORIES.size());
  }

  static int orderQty(long k) {
    return (int) (1 + (k * 104_729L) % 1_000_003L % 10);
  }

  static int eventUserIndex(long k) {
    return (int) ((k * 7) % USERS);
  }

  static long eventCents(long k) {
    return (k * 611_953L + 3) % 1_000_000;
  }

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
    orderUser = new long[ORDERS];
    orderCategory = new byte[ORDERS];
    orderCents = new long[ORDERS];
    orderQty = new int[ORDERS];
    for (int k = 0; k < ORDERS; k++) {
      orderUser[k] = users[k % USERS];
      orderCategory[k] = (byte) orderCategory(k);
      orderCents[k] = orderCents(k);
      orderQty[k] = orderQty(k);
    }
    eventUser = new long[EVENTS];
    eventCents = new long[EVENTS];
    for (int k = 0; k < EVENTS; k++) {
      eventUser[k] = users[eventUserIndex(k)];
      eventCents[k] = eventCents(k);
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
      st.execute("CREATE TABLE bench_users (idx INT NOT NULL PRIMARY KEY,"
          + " user_id BIGINT NOT NULL)");
    }
    Long[] userIds = new Long[USERS];
    Integer[] indexes = new Integer[USERS];
    for (int i = 0; i < USERS; i++) {
      userIds[i] = users[i];
      indexes[i] = i;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_users (idx, user_id)"
        + " SELECT * FROM TABLE(idx INT = ?, user_id BIGINT = ?)")) {
      ps.setObject(1, indexes);
      ps.setObject(2, userIds);
      ps.executeUpdate();
    }
    StringBuilder category = new StringBuilder("CASE MOD(MOD(r.X * 7919, 1000003), ")
        .append(CATEGORIES.size()).append(')');
    for (int i = 0; i < CATEGORIES.size(); i++) {
      category.append(" WHEN ").append(i).append(" THEN '").append(CATEGORIES.get(i)).append('\'');
    }
    category.append(" END");
    String orderFilter = shard < 0 ? "" : " WHERE MOD(u.user_id, " + SHARDS + ") = " + shard;
    String eventRange = shard < 0 ? "0, " + (EVENTS - 1)
        : (long) shard * EVENTS_PER_SHARD + ", " + ((long) (shard + 1) * EVENTS_PER_SHARD - 1);
    try (Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO orders (order_id, user_id, category, amount, qty)"
          + " SELECT r.X + 1, u.user_id, " + category + ","
          + " CAST(MOD(r.X * 451653 + 7, 1000000) * 0.01 AS DECIMAL(12,2)),"
          + " 1 + MOD(MOD(r.X * 104729, 1000003), 10)"
          + " FROM SYSTEM_RANGE(0, " + (ORDERS - 1) + ") r"
          + " JOIN bench_users u ON u.idx = MOD(r.X, " + USERS + ")" + orderFilter);
      st.executeUpdate("INSERT INTO events (id, user_id, amount)"
          + " SELECT r.X + 1, u.user_id, CAST(MOD(r.X * 611953 + 3, 1000000) * 0.01 AS"
          + " DECIMAL(12,2))"
          + " FROM SYSTEM_RANGE(" + eventRange + ") r"
          + " JOIN bench_users u ON u.idx = MOD(r.X * 7, " + USERS + ")");
      st.execute("DROP TABLE bench_users");
      st.execute("ANALYZE");
    }
    long expectedOrders = 0;
    IntPredicate mine = ordersOf(shard);
    for (int k = 0; k < ORDERS; k++) {
      if (mine.test(k)) {
        expectedOrders++;
      }
    }
    try (Statement st = c.createStatement();
         java.sql.ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM orders),"
             + " (SELECT COUNT(*) FROM events)")) {
      rs.next();
      long events = shard < 0 ? EVENTS : EVENTS_PER_SHARD;
      if (rs.getLong(1) != expectedOrders || rs.getLong(2) != events) {
        throw new IllegalStateException("loaded " + rs.getLong(1) + " orders and "
            + rs.getLong(2) + " events into shard " + shard + ", expected " + expectedOrders
            + " and " + events);
      }
    }
  }
}
