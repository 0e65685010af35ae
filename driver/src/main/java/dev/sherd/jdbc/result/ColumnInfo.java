package dev.sherd.jdbc.result;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable description of one result column, copied from a shard's {@link ResultSetMetaData} so that
 * merged results report the labels and types the shard database reports.
 */
public record ColumnInfo(
    String label,
    String name,
    String tableName,
    String schemaName,
    String catalogName,
    int sqlType,
    String typeName,
    String className,
    int precision,
    int scale,
    int displaySize,
    int nullable,
    boolean signed,
    boolean autoIncrement,
    boolean caseSensitive,
    boolean currency) {

  /** Copies columns {@code 1..count} of {@code md}. */
  public static List<ColumnInfo> from(ResultSetMetaData md, int count) throws SQLException {
    List<ColumnInfo> columns = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      columns.add(new ColumnInfo(md.getColumnLabel(i), md.getColumnName(i), md.getTableName(i),
          md.getSchemaName(i), md.getCatalogName(i), md.getColumnType(i), md.getColumnTypeName(i),
          md.getColumnClassName(i), md.getPrecision(i), md.getScale(i), md.getColumnDisplaySize(i),
          md.isNullable(i), md.isSigned(i), md.isAutoIncrement(i), md.isCaseSensitive(i),
          md.isCurrency(i)));
    }
    return List.copyOf(columns);
  }

  /** Copies every column of {@code md}. */
  public static List<ColumnInfo> from(ResultSetMetaData md) throws SQLException {
    return from(md, md.getColumnCount());
  }
}
