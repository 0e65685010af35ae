package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.JdbcValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Casts a value computed by the merge to the Java class and scale the database reports for a column,
 * so a merged value is indistinguishable from one the database returned: a Long sum for an INTEGER
 * column becomes an Integer, a quotient for a NUMERIC(22, 12) column a BigDecimal of scale 12
 * (rounding as the database rounds a quotient to a column's scale), a DECFLOAT value loses its trailing zeros. Columns whose
 * class is not one JDBC converts to are left as computed. Immutable and thread-safe.
 */
final class ColumnCoercion {

  private static final Map<String, Class<?>> CLASSES = Stream.of(String.class, Integer.class,
      Long.class, Short.class, Byte.class, Boolean.class, Double.class, Float.class,
      BigDecimal.class, BigInteger.class, byte[].class, java.sql.Date.class, java.sql.Time.class,
      java.sql.Timestamp.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
      OffsetDateTime.class, Instant.class, UUID.class)
      .collect(Collectors.toUnmodifiableMap(Class::getName, Function.identity()));

  private final ColumnInfo column;
  private final Class<?> type;
  private final String where;
  private final boolean decfloat;
  private final boolean fixedScale;

  private final RoundingMode rounding;

  ColumnCoercion(ColumnInfo column, MergeDialect dialect) {
    this.column = column;
    this.rounding = dialect.rounding();
    this.type = CLASSES.get(column.className());
    this.where = "column " + column.label();
    this.decfloat = "DECFLOAT".equalsIgnoreCase(column.typeName());
    // precision 0: an unconstrained NUMERIC (PostgreSQL), whose values keep their own scale
    this.fixedScale = !decfloat && column.precision() > 0
        && (column.sqlType() == Types.NUMERIC || column.sqlType() == Types.DECIMAL);
  }

  /** The column this coercion casts to; also the result type of an AVG computed for it. */
  ColumnInfo column() {
    return column;
  }

  Object coerce(Object v) throws SQLException {
    if (v == null || type == null) {
      return v;
    } else if (type == BigDecimal.class) {
      BigDecimal d = JdbcValues.toBigDecimal(v, where);
      if (decfloat) {
        return d.stripTrailingZeros();
      }
      return fixedScale && d.scale() != column.scale()
          ? d.setScale(column.scale(), rounding) : d;
    }
    return JdbcValues.toObject(v, type, where);
  }
}
