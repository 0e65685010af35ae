package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.JdbcValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Types;

/**
 * AVG recomputed from a merged SUM and COUNT, in the type and with the rounding the shard database
 * uses for AVG. PostgreSQL divides a NUMERIC sum by the count with its own scale rule
 * ({@link PostgresNumeric}); MySQL rounds HALF_UP to the reported scale; H2 2.4's rules, measured:
 *
 * <ul>
 *   <li>NUMERIC result of scale s (H2: AVG(DECIMAL(p, s)) is NUMERIC(p + 10, s + 10)): the exact sum
 *       divided to scale s, rounding HALF_DOWN;
 *   <li>DECFLOAT result of precision p (H2: AVG(DOUBLE)): p significant digits, rounding HALF_DOWN
 *       then HALF_UP if the quotient came out one digit longer, trailing zeros removed;
 *   <li>DOUBLE result (H2: AVG(INT), AVG(BIGINT) in other databases): sum / count in double.
 * </ul>
 *
 * Without a result column the type follows the sum: an integer sum gives a Double, a BigDecimal sum a
 * BigDecimal of the sum's scale + 10 (H2's NUMERIC rule), a Double sum a Double. NULL when the count
 * is 0 or the sum NULL. Thread-safe: stateless.
 */
final class MergedAverage {

  private static final int NUMERIC_EXTRA_SCALE = 10;

  private MergedAverage() {}

  /**
   * @param result the column the database reports for this AVG, or null when unknown
   */
  static Object compute(Object sum, Object count, ColumnInfo result, MergeDialect dialect)
      throws SQLException {
    long n = JdbcValues.toLong(count, "AVG count");
    if (sum == null || n == 0) {
      return null;
    }
    if (dialect == MergeDialect.POSTGRESQL && !(sum instanceof Double || sum instanceof Float)) {
      // PostgreSQL: AVG of an integer or NUMERIC column is numeric_div(sum, count).
      return PostgresNumeric.divide(decimal(sum), BigDecimal.valueOf(n));
    }
    if (result != null) {
      if ("DECFLOAT".equalsIgnoreCase(result.typeName()) && result.precision() > 0) {
        return toPrecision(decimal(sum), BigDecimal.valueOf(n), result.precision());
      } else if (result.sqlType() == Types.NUMERIC || result.sqlType() == Types.DECIMAL) {
        return decimal(sum).divide(BigDecimal.valueOf(n), result.scale(), dialect.rounding());
      } else if (result.sqlType() == Types.DOUBLE || result.sqlType() == Types.FLOAT
          || result.sqlType() == Types.REAL) {
        return JdbcValues.toDouble(sum, "AVG sum") / n;
      }
    }
    if (sum instanceof BigDecimal d) {
      return d.divide(BigDecimal.valueOf(n), d.scale() + NUMERIC_EXTRA_SCALE,
          RoundingMode.HALF_DOWN);
    }
    return JdbcValues.toDouble(sum, "AVG sum") / n;
  }

  private static BigDecimal decimal(Object sum) throws SQLException {
    return JdbcValues.toBigDecimal(sum, "AVG sum");
  }

  /** {@code x / y} to {@code precision} significant digits, as a DECFLOAT division rounds. */
  private static BigDecimal toPrecision(BigDecimal x, BigDecimal y, int precision) {
    int scale = x.scale() - x.precision() + y.precision() - y.scale() + precision;
    BigDecimal q = x.divide(y, scale, RoundingMode.HALF_DOWN);
    if (q.precision() > precision) {
      q = q.setScale(q.scale() - (q.precision() - precision), RoundingMode.HALF_UP);
    }
    return q.stripTrailingZeros();
  }
}
