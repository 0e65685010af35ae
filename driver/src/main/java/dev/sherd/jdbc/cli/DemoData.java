package dev.sherd.jdbc.cli;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The demo schema and its sample rows, created and loaded through a {@code jdbc:sherd:}
 * connection like any application would: DDL runs on every shard, rows go where their sharding
 * key sends them. Rows come from a fixed seed, so every run shows the same results; a few cities are
 * NULL and some customers have no orders, so NULL handling and outer joins have something to show.
 * Stateless and thread-safe; a load is as thread-safe as the connection it is given.
 */
final class DemoData {

  static final int COUNTRIES = 8;
  static final int CUSTOMERS = 50;
  static final int ORDERS = 300;
  static final int EVENTS = 200;

  static final List<String> SCHEMA = List.of(
      "CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(40) NOT NULL)",
      "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, city VARCHAR(30),"
          + " country_code CHAR(2))",
      "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
          + " amount DECIMAL(10,2) NOT NULL, status VARCHAR(10) NOT NULL, placed_at TIMESTAMP NOT NULL)",
      "CREATE TABLE events (id BIGINT PRIMARY KEY, at DATE NOT NULL, kind VARCHAR(20) NOT NULL,"
          + " customer_id BIGINT)");

  /** What {@link #load} loads, in one line. */
  static final String SUMMARY = "Loaded " + COUNTRIES + " countries (broadcast: a copy on every"
      + " shard), " + CUSTOMERS + " customers, " + ORDERS + " orders and " + EVENTS + " events.";

  private static final long SEED = 20240301L;
  private static final int BATCH = 100;
  private static final List<String> COUNTRY_ROWS = List.of(
      "('DE', 'Germany')", "('FR', 'France')", "('GB', 'United Kingdom')", "('US', 'United States')",
      "('CA', 'Canada')", "('BR', 'Brazil')", "('JP', 'Japan')", "('IN', 'India')");
  private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Grace", "Linus", "Edsger",
      "Barbara", "Donald", "Margaret", "Ken", "Frances");
  private static final List<String> LAST_NAMES = List.of("Lovelace", "Turing", "Hopper", "Torvalds",
      "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen");
  private static final List<String> CITIES = Arrays.asList("Berlin", "Paris", "London", "New York",
      "Toronto", "São Paulo", "Tokyo", "Mumbai", null);
  private static final List<String> CITY_COUNTRIES = Arrays.asList("DE", "FR", "GB", "US", "CA",
      "BR", "JP", "IN", null);
  private static final List<String> STATUSES = List.of("NEW", "PAID", "SHIPPED", "CANCELLED");
  private static final List<String> KINDS = List.of("signup", "view", "click", "purchase");

  private DemoData() {}

  /** Creates the tables and loads every row through {@code c}; returns a one-line summary. */
  static String load(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String ddl : SCHEMA) {
        st.executeUpdate(ddl);
      }
      st.executeUpdate("INSERT INTO countries (code, name) VALUES " + String.join(", ", COUNTRY_ROWS));
    }
    Random random = new Random(SEED);
    loadCustomers(c, random);
    loadOrders(c, random);
    loadEvents(c, random);
    return SUMMARY;
  }

  private static void loadCustomers(Connection c, Random random) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO customers (id, name, city, country_code) VALUES (?, ?, ?, ?)")) {
      for (int id = 1; id <= CUSTOMERS; id++) {
        int city = random.nextInt(CITIES.size());
        ps.setLong(1, id);
        ps.setString(2, FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
            + LAST_NAMES.get(random.nextInt(LAST_NAMES.size())));
        ps.setString(3, CITIES.get(city));
        ps.setString(4, CITY_COUNTRIES.get(city));
        addToBatch(ps, id);
      }
      finishBatch(ps, CUSTOMERS);
    }
  }

  private static void loadOrders(Connection c, Random random) throws SQLException {
    LocalDateTime yearStart = LocalDateTime.of(2024, 1, 1, 0, 0);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders"
        + " (id, customer_id, amount, status, placed_at) VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= ORDERS; id++) {
        // Customers 46..50 never order, so joins and NOT EXISTS have customers without orders.
        ps.setLong(1, id);
        ps.setLong(2, 1 + random.nextInt(CUSTOMERS - 5));
        ps.setBigDecimal(3, BigDecimal.valueOf(500 + random.nextInt(49_500), 2));
        ps.setString(4, STATUSES.get(random.nextInt(STATUSES.size())));
        ps.setTimestamp(5, Timestamp.valueOf(yearStart.plusMinutes(random.nextInt(366 * 24 * 60))));
        addToBatch(ps, id);
      }
      finishBatch(ps, ORDERS);
    }
  }

  private static void loadEvents(Connection c, Random random) throws SQLException {
    LocalDate yearStart = LocalDate.of(2024, 1, 1);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO events (id, at, kind, customer_id) VALUES (?, ?, ?, ?)")) {
      for (int id = 1; id <= EVENTS; id++) {
        ps.setLong(1, id);
        ps.setDate(2, Date.valueOf(yearStart.plusDays(random.nextInt(366))));
        ps.setString(3, KINDS.get(random.nextInt(KINDS.size())));
        if (random.nextInt(10) == 0) {
          ps.setNull(4, Types.BIGINT);
        } else {
          ps.setLong(4, 1 + random.nextInt(CUSTOMERS));
        }
        addToBatch(ps, id);
      }
      finishBatch(ps, EVENTS);
    }
  }

  private static void addToBatch(PreparedStatement ps, int rowNumber) throws SQLException {
    ps.addBatch();
    if (rowNumber % BATCH == 0) {
      ps.executeBatch();
    }
  }

  private static void finishBatch(PreparedStatement ps, int rows) throws SQLException {
    if (rows % BATCH != 0) {
      ps.executeBatch();
    }
  }
}
