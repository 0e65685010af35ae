package dev.sherd.jdbc.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands of the interactive shell that are not SQL: {@code help}, {@code quit}, {@code
 * tables} and {@code describe}, with their psql spellings ({@code \h}, {@code \q}, {@code \d}). A
 * command is one line on its own; a trailing {@code ;} is allowed. Tables and columns come from
 * {@link DatabaseMetaData}, whose {@code REMARKS} say where each table's rows live, so the
 * commands work on any {@code jdbc:sherd:} cluster. Not thread-safe (one output).
 */
final class ShellCommands {

  /** What a command does. */
  enum Kind { HELP, QUIT, TABLES, DESCRIBE }

  /** A parsed command; {@code table} is the name given to {@code describe}, else null. */
  record Command(Kind kind, String table) {}

  static final String HELP = """
      Commands (on a line of their own; a trailing ; is allowed):
        help, \\h            this text
        tables, \\d          the tables, and where each one's rows live
        describe T, \\d T    the columns of table T
        quit, exit, \\q      leave the shell (Ctrl-D does too)
      Anything else is SQL and runs when a line ends with ; (a statement may span lines).
      EXPLAIN <query> shows the shards a query is sent to, the SQL each one runs and how the
      results are merged. Up and down arrows recall earlier statements; Ctrl-C clears the input.
      """;

  private final PrintStream out;

  ShellCommands(PrintStream out) {
    this.out = out;
  }

  /** The command {@code line} spells, or empty when it is (the start of) SQL. */
  static Optional<Command> parse(String line) {
    String text = line.strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    int space = indexOfWhitespace(text);
    String word = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    String argument = space < 0 ? "" : text.substring(space).strip();
    switch (word) {
      case "help":
      case "\\h":
      case "\\?":
        return argument.isEmpty() ? Optional.of(new Command(Kind.HELP, null)) : Optional.empty();
      case "quit":
      case "exit":
      case "\\q":
        return argument.isEmpty() ? Optional.of(new Command(Kind.QUIT, null)) : Optional.empty();
      case "tables":
        return argument.isEmpty() ? Optional.of(new Command(Kind.TABLES, null)) : Optional.empty();
      case "\\d":
        return Optional.of(argument.isEmpty() ? new Command(Kind.TABLES, null)
            : new Command(Kind.DESCRIBE, argument));
      case "describe":
        return argument.isEmpty() ? Optional.empty() : Optional.of(new Command(Kind.DESCRIBE, argument));
      default:
        return Optional.empty();
    }
  }

  /** Runs {@code command} on {@code c}; {@link Kind#QUIT} is the shell's to act on and does nothing. */
  void run(Command command, Connection c) throws SQLException {
    switch (command.kind()) {
      case HELP:
        out.print(HELP);
        break;
      case TABLES:
        out.print(TablePrinter.render(tables(c.getMetaData())));
        break;
      case DESCRIBE:
        describe(c.getMetaData(), command.table());
        break;
      case QUIT:
        break;
      default:
        throw new IllegalStateException("unhandled command " + command.kind());
    }
  }

  /** Every table and view of the logical database and the placement note of its REMARKS. */
  static ResultTable tables(DatabaseMetaData md) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        rows.add(Arrays.asList(text(rs.getString("TABLE_SCHEM")), rs.getString("TABLE_NAME"),
            text(rs.getString("TABLE_TYPE")), text(rs.getString("REMARKS"))));
      }
    }
    return new ResultTable(columns("schema", "table", "type", "rows live"), rows);
  }

  /**
   * Prints each table matching {@code name} ({@code table} or {@code schema.table}; unquoted parts
   * in the case the database stores names in, {@code "quoted"} parts as written): a title with
   * where its rows live, then its columns.
   */
  private void describe(DatabaseMetaData md, String name) throws SQLException {
    List<String> parts = nameParts(name, md);
    String escape = md.getSearchStringEscape();
    String schema = parts.size() > 1 ? escape(parts.get(parts.size() - 2), escape) : null;
    String table = escape(parts.get(parts.size() - 1), escape);
    List<TableRow> found = new ArrayList<>();
    try (ResultSet rs = md.getTables(null, schema, table, null)) {
      while (rs.next()) {
        found.add(new TableRow(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
            rs.getString("TABLE_NAME"), text(rs.getString("TABLE_TYPE")), rs.getString("REMARKS")));
      }
    }
    if (found.isEmpty()) {
      out.println("No table named " + name + " (tables lists them).");
      return;
    }
    for (TableRow t : found) {
      String what = t.type().toUpperCase(Locale.ROOT).contains("VIEW") ? "View " : "Table ";
      String qualified = t.schema() == null ? t.name() : t.schema() + "." + t.name();
      String remarks = t.remarks() == null || t.remarks().isBlank() ? "" : ": " + t.remarks();
      out.println(what + qualified + remarks);
      out.print(TablePrinter.render(columns(md, t.catalog(),
          t.schema() == null ? null : escape(t.schema(), escape), escape(t.name(), escape))));
    }
  }

  /** One row of {@code getTables}. */
  private record TableRow(String catalog, String schema, String name, String type, String remarks) {}

  private static ResultTable columns(DatabaseMetaData md, String catalog, String schema,
      String table) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
      while (rs.next()) {
        rows.add(Arrays.asList(rs.getString("COLUMN_NAME"), typeOf(rs),
            text(rs.getString("IS_NULLABLE")), text(rs.getString("COLUMN_DEF")),
            text(rs.getString("REMARKS"))));
      }
    }
    return new ResultTable(columns("column", "type", "nullable", "default", "remarks"), rows);
  }

  /** {@code VARCHAR(40)}, {@code DECIMAL(10,2)}, {@code BIGINT}: the type name with its size where it has one. */
  private static String typeOf(ResultSet rs) throws SQLException {
    String name = text(rs.getString("TYPE_NAME"));
    if (name.indexOf('(') >= 0) {
      return name;
    }
    int size = rs.getInt("COLUMN_SIZE");
    boolean hasSize = !rs.wasNull() && size > 0;
    switch (rs.getInt("DATA_TYPE")) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.BINARY:
      case Types.VARBINARY:
        return hasSize ? name + "(" + size + ")" : name;
      case Types.DECIMAL:
      case Types.NUMERIC:
        int scale = rs.getInt("DECIMAL_DIGITS");
        return !hasSize ? name : rs.wasNull() ? name + "(" + size + ")" : name + "(" + size + "," + scale + ")";
      default:
        return name;
    }
  }

  /** The parts of a possibly qualified, possibly quoted name, in the case the database stores them in. */
  static List<String> nameParts(String name, DatabaseMetaData md) throws SQLException {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
          part.append('"');
          i++;
        } else {
          quoted = !quoted;
          wasQuoted = true;
        }
      } else if (ch == '.' && !quoted) {
        parts.add(stored(part.toString(), wasQuoted, md));
        part.setLength(0);
        wasQuoted = false;
      } else {
        part.append(ch);
      }
    }
    parts.add(stored(part.toString(), wasQuoted, md));
    return parts;
  }

  private static String stored(String part, boolean quoted, DatabaseMetaData md) throws SQLException {
    if (quoted) {
      return part;
    }
    String p = part.strip();
    return md.storesUpperCaseIdentifiers() ? p.toUpperCase(Locale.ROOT)
        : md.storesLowerCaseIdentifiers() ? p.toLowerCase(Locale.ROOT) : p;
  }

  /** {@code name} as a metadata search pattern that matches only itself. */
  static String escape(String name, String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '%' || ch == '_' || escape.indexOf(ch) >= 0) {
        sb.append(escape);
      }
      sb.append(ch);
    }
    return sb.toString();
  }

  private static List<ResultTable.Column> columns(String... labels) {
    List<ResultTable.Column> columns = new ArrayList<>(labels.length);
    for (String label : labels) {
      columns.add(new ResultTable.Column(label, false));
    }
    return columns;
  }

  /** Metadata text as shown: blank for null, so a missing remark is not printed as NULL. */
  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static int indexOfWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
