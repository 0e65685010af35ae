package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.RowCursor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A result copied into memory: the column descriptions and every row. Metadata answers are copied
 * so that no shard connection stays borrowed while the application reads them. Mutable while it
 * is being edited (filtered, annotated), then turned into a result set. Not thread-safe.
 */
final class MetaRows {

  final List<ColumnInfo> columns;
  final List<Object[]> rows;
  /** The logical catalog the rows were read in, when a {@link CatalogReader} read them. */
  String catalog;

  MetaRows(List<ColumnInfo> columns, List<Object[]> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /** Reads and closes {@code rs}. */
  static MetaRows copy(ResultSet rs) throws SQLException {
    try (rs) {
      List<ColumnInfo> columns = ColumnInfo.from(rs.getMetaData());
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
      return new MetaRows(columns, rows);
    }
  }

  /** The 0-based position of the column labelled {@code label} (any case), or -1. */
  int column(String label) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).label().equalsIgnoreCase(label)) {
        return i;
      }
    }
    return -1;
  }

  /** The value of column {@code index} as a string (null when absent or SQL NULL). */
  static String text(Object[] row, int index) {
    return index < 0 || row[index] == null ? null : row[index].toString();
  }

  /** A forward-only, read-only result set over the rows; it holds no shard connection. */
  ResultSet toResultSet() {
    return toResultSet(null);
  }

  /** The same, for a statement: {@code getStatement()} returns {@code owner}. */
  ResultSet toResultSet(Statement owner) {
    return new CursorResultSet(new RowList(rows, columns.size()), columns, owner, null);
  }

  /** A nullable VARCHAR column the driver itself produces. */
  static ColumnInfo varchar(String label) {
    return new ColumnInfo(label, label, "", "", "", Types.VARCHAR, "CHARACTER VARYING",
        String.class.getName(), Integer.MAX_VALUE, 0, 64, ResultSetMetaData.columnNullable,
        false, false, true, false);
  }

  /** A nullable INTEGER column the driver itself produces. */
  static ColumnInfo integer(String label) {
    return new ColumnInfo(label, label, "", "", "", Types.INTEGER, "INTEGER",
        Integer.class.getName(), 32, 0, 11, ResultSetMetaData.columnNullable, true, false, false,
        false);
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }

  /** Rows already in memory. */
  private static final class RowList implements RowCursor {
    private final List<Object[]> rows;
    private final int width;
    private int position = -1;

    RowList(List<Object[]> rows, int width) {
      this.rows = rows;
      this.width = width;
    }

    @Override
    public boolean next() {
      if (position < rows.size()) {
        position++;
      }
      return position < rows.size();
    }

    @Override
    public Object[] row() {
      return rows.get(position);
    }

    @Override
    public int width() {
      return width;
    }

    @Override
    public void close() {
      position = rows.size();
    }
  }
}
