package dev.sherd.jdbc.cli;

import java.util.List;

/**
 * Renders a {@link ResultTable} as aligned text, psql style:
 *
 * <pre>
 *  id | name  | city
 * ----+-------+------
 *  42 | Alice | NULL
 * (1 row)
 * </pre>
 *
 * <p>Numeric columns are right-aligned, header included, everything else left-aligned; SQL NULL shows as {@code NULL};
 * line breaks and tabs inside values show as {@code \n}, {@code \r}, {@code \t} so one row stays
 * one line. Widths count code points (wide East Asian characters take one). Pure and stateless.
 */
final class TablePrinter {

  static final String NULL_TEXT = "NULL";

  private TablePrinter() {}

  /** The table, then the row count line; every line ends with a newline. */
  static String render(ResultTable table) {
    List<ResultTable.Column> columns = table.columns();
    int[] widths = new int[columns.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = width(columns.get(c).label());
    }
    for (List<String> row : table.rows()) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], width(display(row.get(c))));
      }
    }
    StringBuilder out = new StringBuilder();
    if (!columns.isEmpty()) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        cell(line, c, columns.get(c).label(), widths[c], columns.get(c).numeric());
      }
      endLine(out, line);
      for (int c = 0; c < widths.length; c++) {
        line.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
      }
      endLine(out, line);
      for (List<String> row : table.rows()) {
        for (int c = 0; c < widths.length; c++) {
          cell(line, c, display(row.get(c)), widths[c], columns.get(c).numeric());
        }
        endLine(out, line);
      }
    }
    return out.append(rowCount(table.rows().size())).append('\n').toString();
  }

  /** {@code (1 row)}, {@code (0 rows)}, {@code (12 rows)}. */
  static String rowCount(int rows) {
    return "(" + rows + (rows == 1 ? " row)" : " rows)");
  }

  private static void cell(StringBuilder line, int index, String text, int width, boolean right) {
    String pad = " ".repeat(width - width(text));
    line.append(index == 0 ? " " : " | ");
    if (right) {
      line.append(pad).append(text);
    } else {
      line.append(text).append(pad);
    }
  }

  private static void endLine(StringBuilder out, StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    out.append(line, 0, end).append('\n');
    line.setLength(0);
  }

  private static String display(String value) {
    if (value == null) {
      return NULL_TEXT;
    }
    if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0 && value.indexOf('\t') < 0) {
      return value;
    }
    return value.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}
