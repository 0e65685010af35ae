package dev.sherd.jdbc.cli;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A result read to the end: column labels, whether each column is numeric, and every cell as
 * display text ({@code null} for SQL NULL). Reading it first lets {@link TablePrinter} size the
 * columns; the CLI prints results a person reads, so holding them in memory is fine. Immutable.
 */
record ResultTable(List<Column> columns, List<List<String>> rows) {

  /** One column: its label and whether its values are right-aligned as numbers. */
  record Column(String label, boolean numeric) {}

  ResultTable {
    columns = List.copyOf(columns);
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row " + copy.size() + " has " + row.size()
            + " cells for " + columns.size() + " columns");
      }
      copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // cells may be null
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Reads {@code rs} to the end; the caller closes it. */
  static ResultTable read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<Column> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(new Column(md.getColumnLabel(i), isNumeric(md.getColumnType(i))));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(cellText(rs.getObject(i)));
      }
      rows.add(row);
    }
    return new ResultTable(columns, rows);
  }

  /** The display text of one value; {@code null} stays null so the printer can show NULL. */
  static String cellText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }
    return value.toString();
  }

  private static boolean isNumeric(int sqlType) {
    switch (sqlType) {
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
      case Types.DECIMAL:
      case Types.NUMERIC:
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
        return true;
      default:
        return false;
    }
  }
}
