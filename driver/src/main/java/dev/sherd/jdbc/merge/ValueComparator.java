package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.JdbcValues;
import dev.sherd.jdbc.result.TemporalValues;
import dev.sherd.sql.plan.SortKey;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The order of SQL values as the shard database sorts them; used by every sort, merge and MIN/MAX.
 *
 * <p>Design: a total order over the values a shard returns. Numbers compare by value across Java
 * types (Long 1, Integer 1 and BigDecimal 1.00 are equal; -0.0 equals 0.0; NaN is largest); strings
 * by the {@code stringOrder} given to the constructor — {@link String#compareTo} by default, which is
 * H2's default collation, and the hook for a dialect's collation; date-times chronologically across
 * {@code java.sql} and {@code java.time} types (a DATE is midnight of its day when compared with a
 * TIMESTAMP, a local TIMESTAMP is read in the JVM's zone when compared with an instant); booleans
 * false &lt; true; binary strings unsigned lexicographically; UUIDs as unsigned 128-bit numbers.
 * Values with no common order throw {@link ClassCastException} rather than being ordered by
 * accident.
 *
 * <p>NULL placement comes from {@link SortKey#nulls()}; {@code DEFAULT} follows the database:
 * with {@code nullsFirstAscending} (H2, MariaDB) NULL is the smallest value, so it comes first
 * ascending and last descending; without it (PostgreSQL) NULL is the largest. Immutable and
 * thread-safe when {@code stringOrder} is.
 */
public final class ValueComparator {

  private final boolean nullsFirstAscending;
  private final Comparator<? super String> stringOrder;
  private final StringCollation collation;

  /** H2's order: strings by {@link String#compareTo}. */
  public ValueComparator(boolean nullsFirstAscending) {
    this(nullsFirstAscending, StringCollation.UTF16);
  }

  /** Strings ordered and equated by {@code collation}. */
  public ValueComparator(boolean nullsFirstAscending, StringCollation collation) {
    this.nullsFirstAscending = nullsFirstAscending;
    this.stringOrder = collation;
    this.collation = collation;
  }

  /** Strings ordered by an arbitrary comparator (their equality stays {@code equals}). */
  public ValueComparator(boolean nullsFirstAscending, Comparator<? super String> stringOrder) {
    this.nullsFirstAscending = nullsFirstAscending;
    this.stringOrder = stringOrder;
    this.collation = StringCollation.UTF16;
  }

  /** The form of a string in which collation-equal strings are {@code equals}. */
  String stringKey(String s) {
    return collation.key(s);
  }

  /**
   * Compares two non-NULL values.
   *
   * @throws ClassCastException when the values have no common SQL order
   */
  public int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return compareNumbers(x, y);
    } else if (a instanceof String x && b instanceof String y) {
      return stringOrder.compare(x, y);
    } else if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    } else if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.compareUnsigned(x, y);
    } else if (a instanceof UUID x && b instanceof UUID y) {
      int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
      return c != 0 ? c
          : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
    Temporal x = TemporalValues.toJavaTime(a);
    Temporal y = TemporalValues.toJavaTime(b);
    if (x != null && y != null) {
      return compareTemporals(x, y, a, b);
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable) {
      @SuppressWarnings("unchecked")
      Comparable<Object> comparable = (Comparable<Object>) a;
      return comparable.compareTo(b);
    }
    throw new IncomparableValuesException(a, b);
  }

  /** Whether NULLs come first for this key, with {@code DEFAULT} resolved for this database. */
  public boolean nullsFirst(SortKey key) {
    return switch (key.nulls()) {
      case FIRST -> true;
      case LAST -> false;
      case DEFAULT -> nullsFirstAscending != key.descending();
    };
  }

  /**
   * The order of rows by {@code keys}, the first key most significant.
   *
   * @throws ClassCastException from {@code compare} when two key values have no common order
   */
  public Comparator<Object[]> rowOrder(List<SortKey> keys) {
    int[] columns = keys.stream().mapToInt(SortKey::column).toArray();
    boolean[] descending = new boolean[columns.length];
    boolean[] nullsFirst = new boolean[columns.length];
    for (int i = 0; i < columns.length; i++) {
      descending[i] = keys.get(i).descending();
      nullsFirst[i] = nullsFirst(keys.get(i));
    }
    return (r1, r2) -> {
      for (int i = 0; i < columns.length; i++) {
        Object a = r1[columns[i]];
        Object b = r2[columns[i]];
        int c;
        if (a == null || b == null) {
          if (a == b) {
            continue;
          }
          c = (a == null) == nullsFirst[i] ? -1 : 1;
        } else {
          c = descending[i] ? compare(b, a) : compare(a, b);
        }
        if (c != 0) {
          return c;
        }
      }
      return 0;
    };
  }

  private static int compareNumbers(Number a, Number b) {
    if (JdbcValues.isIntegral(a) && JdbcValues.isIntegral(b)) {
      return Long.compare(a.longValue(), b.longValue());
    }
    int rankA = nonFiniteRank(a);
    int rankB = nonFiniteRank(b);
    if (rankA != 0 || rankB != 0) {
      return Integer.compare(rankA, rankB);
    }
    if (isFloating(a) && isFloating(b)) {
      double x = a.doubleValue();
      double y = b.doubleValue();
      return x == y ? 0 : Double.compare(x, y); // -0.0 equals 0.0
    }
    return exact(a).compareTo(exact(b));
  }

  private static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  /** -1 for -Infinity, 1 for +Infinity, 2 for NaN (largest, as in H2), 0 for finite numbers. */
  private static int nonFiniteRank(Number n) {
    if (!isFloating(n) || Double.isFinite(n.doubleValue())) {
      return 0;
    }
    double d = n.doubleValue();
    return Double.isNaN(d) ? 2 : d > 0 ? 1 : -1;
  }

  /** The exact decimal value of a finite number. */
  static BigDecimal exact(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    } else if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (isFloating(n)) {
      return new BigDecimal(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }

  private static int compareTemporals(Temporal x, Temporal y, Object a, Object b) {
    if (x instanceof LocalTime || y instanceof LocalTime) {
      if (x instanceof LocalTime t && y instanceof LocalTime u) {
        return t.compareTo(u);
      }
      throw new IncomparableValuesException(a, b);
    }
    if (x instanceof LocalDate t && y instanceof LocalDate u) {
      return t.compareTo(u);
    }
    if (x instanceof OffsetDateTime || y instanceof OffsetDateTime) {
      return OffsetDateTime.timeLineOrder().compare(instant(x), instant(y));
    }
    return localDateTime(x).compareTo(localDateTime(y));
  }

  private static LocalDateTime localDateTime(Temporal t) {
    return t instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) t;
  }

  private static OffsetDateTime instant(Temporal t) {
    return t instanceof OffsetDateTime odt ? odt
        : localDateTime(t).atZone(ZoneId.systemDefault()).toOffsetDateTime();
  }
}
