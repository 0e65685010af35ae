package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.JdbcValues;
import dev.sherd.jdbc.result.TemporalValues;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;

/**
 * A hash key for a tuple of SQL values (a GROUP BY key, a DISTINCT row, a distinct aggregate
 * argument), equal exactly when SQL grouping says the tuples are equal.
 *
 * <p>Design: each value is normalised once, so {@code equals} and {@code hashCode} are plain
 * {@link Arrays} operations: numbers to their exact value (a Long when integral and in range, else a
 * BigDecimal stripped of trailing zeros), so Integer 1, Long 1 and BigDecimal 1.00 collide and
 * 1.0 equals 1.00; date-times to {@code java.time} (an instant for TIMESTAMP WITH TIME ZONE);
 * binary strings to a content-compared buffer. NULLs are equal to each other, as grouping requires.
 * Holds normalised copies, never the source row, so rows may be reused. Immutable and thread-safe.
 */
final class ValueKey {

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final Object[] values;
  private final int hash;

  private ValueKey(Object[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  /** The key of {@code columns} of {@code row}; strings equated as {@code order} equates them. */
  static ValueKey of(Object[] row, int[] columns, ValueComparator order) {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      values[i] = normalize(row[columns[i]], order);
    }
    return new ValueKey(values);
  }

  /** The key of a whole row. */
  static ValueKey of(Object[] row, ValueComparator order) {
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      values[i] = normalize(row[i], order);
    }
    return new ValueKey(values);
  }

  /** One value in the form in which SQL-equal values are {@code equals}. */
  static Object normalize(Object v, ValueComparator order) {
    if (v instanceof String s) {
      return order.stringKey(s);
    }
    if (v instanceof Long || v == null) {
      return v;
    } else if (JdbcValues.isIntegral(v)) {
      return ((Number) v).longValue();
    } else if (v instanceof Number n) {
      if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
        return n.doubleValue();
      }
      return canonical(ValueComparator.exact(n));
    } else if (v instanceof byte[] b) {
      return ByteBuffer.wrap(b);
    }
    Temporal t = TemporalValues.toJavaTime(v);
    if (t instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return t != null ? t : v;
  }

  private static Object canonical(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0
        && stripped.compareTo(LONG_MAX) <= 0) {
      return stripped.longValueExact();
    }
    return stripped;
  }

  @Override public boolean equals(Object o) {
    return o instanceof ValueKey k && hash == k.hash && Arrays.equals(values, k.values);
  }

  @Override public int hashCode() {
    return hash;
  }

  @Override public String toString() {
    return Arrays.toString(values);
  }
}
