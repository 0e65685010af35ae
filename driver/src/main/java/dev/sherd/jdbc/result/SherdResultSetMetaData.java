package dev.sherd.jdbc.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link ResultSetMetaData} over column descriptions copied from a shard, so a merged result reports
 * exactly the labels, types, precisions and scales the shard database reports. Columns of a Sherd
 * result are never writable. Immutable and thread-safe.
 */
public final class SherdResultSetMetaData implements ResultSetMetaData {

  private final List<ColumnInfo> columns;

  public SherdResultSetMetaData(List<ColumnInfo> columns) {
    this.columns = List.copyOf(columns);
  }

  @Override public int getColumnCount() {
    return columns.size();
  }

  @Override public boolean isAutoIncrement(int column) throws SQLException {
    return column(column).autoIncrement();
  }

  @Override public boolean isCaseSensitive(int column) throws SQLException {
    return column(column).caseSensitive();
  }

  @Override public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override public boolean isCurrency(int column) throws SQLException {
    return column(column).currency();
  }

  @Override public int isNullable(int column) throws SQLException {
    return column(column).nullable();
  }

  @Override public boolean isSigned(int column) throws SQLException {
    return column(column).signed();
  }

  @Override public int getColumnDisplaySize(int column) throws SQLException {
    return column(column).displaySize();
  }

  @Override public String getColumnLabel(int column) throws SQLException {
    return column(column).label();
  }

  @Override public String getColumnName(int column) throws SQLException {
    return column(column).name();
  }

  @Override public String getSchemaName(int column) throws SQLException {
    return column(column).schemaName();
  }

  @Override public int getPrecision(int column) throws SQLException {
    return column(column).precision();
  }

  @Override public int getScale(int column) throws SQLException {
    return column(column).scale();
  }

  @Override public String getTableName(int column) throws SQLException {
    return column(column).tableName();
  }

  @Override public String getCatalogName(int column) throws SQLException {
    return column(column).catalogName();
  }

  @Override public int getColumnType(int column) throws SQLException {
    return column(column).sqlType();
  }

  @Override public String getColumnTypeName(int column) throws SQLException {
    return column(column).typeName();
  }

  @Override public boolean isReadOnly(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override public boolean isWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override public String getColumnClassName(int column) throws SQLException {
    return column(column).className();
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("SherdResultSetMetaData does not wrap " + iface, "HY000");
  }

  @Override public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }

  private ColumnInfo column(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw new SQLException("column index " + column + " is out of range 1.." + columns.size(),
          "07009");
    }
    return columns.get(column - 1);
  }
}
