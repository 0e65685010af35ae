package dev.sherd.jdbc.result;

import java.sql.ResultSetMetaData;
import java.sql.Types;

/** Column descriptions for tests. */
public final class Columns {

  private Columns() {}

  public static ColumnInfo of(String label, int sqlType, String typeName, String className,
      int precision, int scale) {
    return new ColumnInfo(label, label, "T", "PUBLIC", "DB", sqlType, typeName, className,
        precision, scale, precision, ResultSetMetaData.columnNullable, true, false, false, false);
  }

  public static ColumnInfo bigint(String label) {
    return of(label, Types.BIGINT, "BIGINT", Long.class.getName(), 64, 0);
  }

  public static ColumnInfo integer(String label) {
    return of(label, Types.INTEGER, "INTEGER", Integer.class.getName(), 32, 0);
  }

  public static ColumnInfo varchar(String label) {
    return of(label, Types.VARCHAR, "CHARACTER VARYING", String.class.getName(), 100, 0);
  }

  public static ColumnInfo numeric(String label, int precision, int scale) {
    return of(label, Types.NUMERIC, "NUMERIC", java.math.BigDecimal.class.getName(), precision,
        scale);
  }

  public static ColumnInfo decfloat(String label, int precision) {
    return of(label, Types.NUMERIC, "DECFLOAT", java.math.BigDecimal.class.getName(), precision, 0);
  }

  public static ColumnInfo doublePrecision(String label) {
    return of(label, Types.DOUBLE, "DOUBLE PRECISION", Double.class.getName(), 53, 0);
  }
}
