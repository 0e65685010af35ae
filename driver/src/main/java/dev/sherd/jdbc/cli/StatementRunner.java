package dev.sherd.jdbc.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the {@code -e} statements in order on one connection: a query prints as a table, anything
 * else prints its update count, and an error prints its message and SQLState on the error stream and
 * stops the run, since later statements usually depend on earlier ones. Each statement's first
 * result is printed; the {@link Shell} prints its results the same way ({@link #execute}). Not
 * thread-safe (one pair of outputs).
 */
final class StatementRunner {

  private final PrintStream out;
  private final PrintStream err;

  StatementRunner(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** True when every statement succeeded. */
  boolean run(Connection c, List<String> statements) {
    for (String sql : statements) {
      try (Statement st = c.createStatement()) {
        execute(st, sql, out);
      } catch (SQLException e) {
        err.println(describe(e));
        if (statements.size() > 1) {
          err.println("  in: " + sql);
        }
        return false;
      }
    }
    return true;
  }

  /** Runs {@code sql} on {@code st} and prints its first result: a table or an update count. */
  static void execute(Statement st, String sql, PrintStream out) throws SQLException {
    if (st.execute(sql)) {
      try (ResultSet rs = st.getResultSet()) {
        out.print(TablePrinter.render(ResultTable.read(rs)));
      }
    } else {
      out.println(rowsAffected(st.getUpdateCount()));
    }
  }

  static String rowsAffected(int count) {
    return count + (count == 1 ? " row affected" : " rows affected");
  }

  /** {@code ERROR 42S02: <message>}, the form every failure takes on the error stream. */
  static String describe(SQLException e) {
    String state = e.getSQLState() == null ? "(no SQLState)" : e.getSQLState();
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return "ERROR " + state + ": " + message;
  }
}
