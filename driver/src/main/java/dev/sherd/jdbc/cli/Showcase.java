package dev.sherd.jdbc.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A tour of what the driver does, on the {@link DemoData} schema: for each example, its SQL, its
 * {@code EXPLAIN} (route, SQL sent to each shard, merge steps) and its result. Every query goes
 * through the connection it is given, as an application's would. Not thread-safe (one output).
 */
final class Showcase {

  /** One query of the tour and what it shows. */
  record Example(String title, String sql) {}

  static final List<Example> EXAMPLES = List.of(
      new Example("Point select by sharding key: routed to the one shard holding customer 42",
          "SELECT id, name, city FROM customers WHERE id = 42"),
      new Example("Scatter GROUP BY: partial COUNT/SUM per shard, merged; AVG sent as SUM and COUNT",
          "SELECT status, COUNT(*) AS order_count, SUM(amount) AS total, AVG(amount) AS average"
              + " FROM orders GROUP BY status ORDER BY status"),
      new Example("ORDER BY ... LIMIT across shards: each shard sends its top 5, merge-sorted",
          "SELECT id, customer_id, amount, placed_at FROM orders ORDER BY amount DESC, id LIMIT 5"),
      new Example("Co-located join: a customer's orders live on the customer's shard",
          "SELECT c.id, c.name, COUNT(*) AS order_count, SUM(o.amount) AS spent"
              + " FROM customers c JOIN orders o ON o.customer_id = c.id"
              + " GROUP BY c.id, c.name ORDER BY spent DESC, c.id LIMIT 5"),
      new Example("Broadcast join: every shard holds all countries, so each joins locally",
          "SELECT co.name AS country, COUNT(*) AS customer_count"
              + " FROM customers c JOIN countries co ON co.code = c.country_code"
              + " GROUP BY co.name ORDER BY customer_count DESC, country"),
      new Example("Range query: only the shards whose date ranges overlap Feb-May 2024",
          "SELECT kind, COUNT(*) AS event_count, MIN(at) AS first_at, MAX(at) AS last_at"
              + " FROM events WHERE at >= DATE '2024-02-01' AND at < DATE '2024-05-01'"
              + " GROUP BY kind ORDER BY kind"));

  private final PrintStream out;

  Showcase(PrintStream out) {
    this.out = out;
  }

  /** Runs every example on {@code c}; the first failure ends the tour. */
  void run(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (int i = 0; i < EXAMPLES.size(); i++) {
        Example example = EXAMPLES.get(i);
        out.println();
        out.println("== " + (i + 1) + ". " + example.title());
        out.println("SQL: " + example.sql());
        out.println();
        out.println("EXPLAIN:");
        print(st, "EXPLAIN " + example.sql());
        out.println();
        out.println("Result:");
        print(st, example.sql());
      }
    }
  }

  private void print(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      out.print(TablePrinter.render(ResultTable.read(rs)));
    }
  }
}
