package dev.sherd.jdbc.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts a value as a shard's {@code getObject} returned it (or as a merge step computed it) into
 * what a JDBC getter promises, following the rules of H2 2.4, the reference shard database:
 *
 * <ul>
 *   <li>NULL becomes 0 / false / null, and the caller reports {@code wasNull};
 *   <li>numbers convert by value; a fraction rounds HALF_UP for DECIMAL and like {@link Math#round}
 *       for floating values ({@code getInt} of 2.5 is 3, of DOUBLE -2.5 is -2, of DECIMAL -2.5 is -3);
 *       a value outside the target range is {@code 22003}, never silently truncated;
 *   <li>strings parse (trimmed); a string that is no number is {@code 22018};
 *   <li>{@code getString} of NUMERIC is {@link BigDecimal#toPlainString()}, of BOOLEAN {@code TRUE}
 *       / {@code FALSE}, of DOUBLE {@link Double#toString()}, of BINARY its UTF-8 decoding, of
 *       date-times the SQL literal form (see {@link TemporalValues}).
 * </ul>
 *
 * <p>The conversions take {@code where}, the place named in their error messages (for example
 * {@code "column PRICE"}). Thread-safe: stateless.
 */
public final class JdbcValues {

  private static final double LONG_LIMIT = 0x1p63;

  private JdbcValues() {}

  /** The value as {@code getString} returns it. */
  public static String toString(Object v, String where) throws SQLException {
    if (v == null || v instanceof String) {
      return (String) v;
    } else if (v instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (v instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    } else if (v instanceof byte[] || v instanceof Blob) {
      return new String(toBytes(v, where), StandardCharsets.UTF_8);
    } else if (v instanceof Clob c) {
      return c.getSubString(1, Math.toIntExact(c.length()));
    }
    String temporal = TemporalValues.format(v);
    return temporal != null ? temporal : v.toString();
  }

  public static boolean toBoolean(Object v, String where) throws SQLException {
    if (v == null) {
      return false;
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof String s) {
      switch (s.trim().toUpperCase(Locale.ROOT)) {
        case "TRUE", "T", "YES", "Y": return true;
        case "FALSE", "F", "NO", "N": return false;
        default:
          try {
            return new BigDecimal(s.trim()).signum() != 0;
          } catch (NumberFormatException e) {
            throw cannotConvert(v, "BOOLEAN", where);
          }
      }
    } else if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue() != 0;
    } else if (v instanceof Number) {
      return toBigDecimal(v, where).signum() != 0;
    }
    throw cannotConvert(v, "BOOLEAN", where);
  }

  public static byte toByte(Object v, String where) throws SQLException {
    return (byte) toIntegral(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT", where);
  }

  public static short toShort(Object v, String where) throws SQLException {
    return (short) toIntegral(v, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT", where);
  }

  public static int toInt(Object v, String where) throws SQLException {
    return (int) toIntegral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER", where);
  }

  public static long toLong(Object v, String where) throws SQLException {
    return toIntegral(v, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT", where);
  }

  public static float toFloat(Object v, String where) throws SQLException {
    if (v instanceof String s) {
      try {
        return Float.parseFloat(s.trim());
      } catch (NumberFormatException e) {
        throw cannotConvert(v, "REAL", where);
      }
    }
    return v instanceof BigDecimal d ? d.floatValue() : (float) toDouble(v, where);
  }

  public static double toDouble(Object v, String where) throws SQLException {
    if (v == null) {
      return 0;
    } else if (v instanceof Number n) {
      return n.doubleValue();
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw cannotConvert(v, "DOUBLE PRECISION", where);
      }
    }
    throw cannotConvert(v, "DOUBLE PRECISION", where);
  }

  public static BigDecimal toBigDecimal(Object v, String where) throws SQLException {
    try {
      if (v == null || v instanceof BigDecimal) {
        return (BigDecimal) v;
      } else if (isIntegral(v)) {
        return BigDecimal.valueOf(((Number) v).longValue());
      } else if (v instanceof Double d) {
        return BigDecimal.valueOf(d);
      } else if (v instanceof Float f) {
        return new BigDecimal(f.toString());
      } else if (v instanceof BigInteger i) {
        return new BigDecimal(i);
      } else if (v instanceof Boolean b) {
        return b ? BigDecimal.ONE : BigDecimal.ZERO;
      } else if (v instanceof String s) {
        return new BigDecimal(s.trim());
      }
    } catch (NumberFormatException e) { // NaN, Infinity, or a string that is no number
      throw cannotConvert(v, "NUMERIC", where);
    }
    throw cannotConvert(v, "NUMERIC", where);
  }

  /** BINARY conversion: strings as UTF-8, integers big-endian, UUIDs as their 16 bytes. */
  public static byte[] toBytes(Object v, String where) throws SQLException {
    if (v == null) {
      return null;
    } else if (v instanceof byte[] b) {
      return b.clone();
    } else if (v instanceof Blob b) {
      return b.getBytes(1, Math.toIntExact(b.length()));
    } else if (v instanceof String || v instanceof Clob) {
      return toString(v, where).getBytes(StandardCharsets.UTF_8);
    } else if (v instanceof UUID u) {
      return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
          .putLong(u.getLeastSignificantBits()).array();
    } else if (v instanceof Integer i) {
      return ByteBuffer.allocate(4).putInt(i).array();
    } else if (v instanceof Long l) {
      return ByteBuffer.allocate(8).putLong(l).array();
    }
    throw cannotConvert(v, "BINARY", where);
  }

  /**
   * {@code getObject(column, type)}: the value converted to one of the classes JDBC 4.2 lists
   * (String, the boxed numbers, BigDecimal, BigInteger, byte[], java.sql and java.time date-times,
   * Instant, UUID). NULL stays null whatever the type.
   */
  public static <T> T toObject(Object v, Class<T> type, String where) throws SQLException {
    if (type == null) {
      throw new SQLException(where + ": the requested type must not be null", "HY009");
    }
    if (v == null) {
      return null;
    }
    if (type.isInstance(v) && !(v instanceof byte[])) {
      return type.cast(v);
    }
    return type.cast(convert(v, type, where));
  }

  private static Object convert(Object v, Class<?> type, String where) throws SQLException {
    if (type == String.class) return toString(v, where);
    if (type == Integer.class) return toInt(v, where);
    if (type == Long.class) return toLong(v, where);
    if (type == Short.class) return toShort(v, where);
    if (type == Byte.class) return toByte(v, where);
    if (type == Boolean.class) return toBoolean(v, where);
    if (type == Double.class) return toDouble(v, where);
    if (type == Float.class) return toFloat(v, where);
    if (type == BigDecimal.class) return toBigDecimal(v, where);
    if (type == BigInteger.class) return toBigInteger(v, where);
    if (type == byte[].class) return toBytes(v, where);
    if (type == java.sql.Date.class) return TemporalValues.toDate(v, null, where);
    if (type == java.sql.Time.class) return TemporalValues.toTime(v, null, where);
    if (type == java.sql.Timestamp.class) return TemporalValues.toTimestamp(v, null, where);
    if (type == LocalDate.class) return TemporalValues.toLocalDate(v, where);
    if (type == LocalTime.class) return TemporalValues.toLocalTime(v, where);
    if (type == LocalDateTime.class) return TemporalValues.toLocalDateTime(v, where);
    if (type == OffsetDateTime.class) return TemporalValues.toOffsetDateTime(v, where);
    if (type == Instant.class) return TemporalValues.toOffsetDateTime(v, where).toInstant();
    if (type == UUID.class) return toUuid(v, where);
    throw new SQLFeatureNotSupportedException(
        where + ": conversion to " + type.getName() + " is not supported", "0A000");
  }

  private static BigInteger toBigInteger(Object v, String where) throws SQLException {
    if (v instanceof String s) {
      try {
        return new BigInteger(s.trim());
      } catch (NumberFormatException e) {
        throw cannotConvert(v, "BIGINT", where);
      }
    }
    return toBigDecimal(v, where).toBigInteger();
  }

  private static UUID toUuid(Object v, String where) throws SQLException {
    if (v instanceof String s) {
      try {
        return UUID.fromString(s.trim());
      } catch (IllegalArgumentException e) {
        throw cannotConvert(v, "UUID", where);
      }
    } else if (v instanceof byte[] b && b.length == 16) {
      ByteBuffer buffer = ByteBuffer.wrap(b);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    throw cannotConvert(v, "UUID", where);
  }

  private static long toIntegral(Object v, long min, long max, String target, String where)
      throws SQLException {
    long result;
    if (v == null) {
      return 0;
    } else if (isIntegral(v)) {
      result = ((Number) v).longValue();
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (d >= LONG_LIMIT || d < -LONG_LIMIT) {
        throw outOfRange(v, target, where);
      }
      result = Math.round(d);
    } else if (v instanceof Boolean b) {
      result = b ? 1 : 0;
    } else if (v instanceof String s) {
      try {
        result = Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw cannotConvert(v, target, where);
      }
    } else if (v instanceof BigDecimal || v instanceof BigInteger) {
      try {
        result = toBigDecimal(v, where).setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(v, target, where);
      }
    } else {
      throw cannotConvert(v, target, where);
    }
    if (result < min || result > max) {
      throw outOfRange(v, target, where);
    }
    return result;
  }

  /** {@code 22018}: the value has no representation in the target type. */
  static SQLDataException cannotConvert(Object v, String target, String where) {
    return new SQLDataException(where + ": cannot convert " + describe(v) + " to " + target,
        "22018");
  }

  /** {@code 22003}: the value is outside the range of the target type. */
  private static SQLDataException outOfRange(Object v, String target, String where) {
    return new SQLDataException(
        where + ": " + describe(v) + " is out of range for " + target, "22003");
  }

  /** Whether v is of a Java class of the SQL integer types: Long, Integer, Short or Byte. */
  public static boolean isIntegral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  /** A short description of a value for error messages: its class and (truncated) text. */
  public static String describe(Object v) {
    if (v == null) {
      return "NULL";
    }
    String text = v instanceof byte[] b ? "byte[" + b.length + "]" : String.valueOf(v);
    if (text.length() > 64) {
      text = text.substring(0, 61) + "...";
    }
    return v.getClass().getSimpleName() + " '" + text + "'";
  }
}
