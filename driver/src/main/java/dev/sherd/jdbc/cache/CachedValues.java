package dev.sherd.jdbc.cache;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * Which values a cached result or a cache key may hold, and what they cost. A cached row is read by
 * many result sets, possibly at once, so a value must be immutable (String, numbers, java.time…) or
 * copied for each reader (byte[] and the java.sql date/time classes, which have setters). Anything
 * else — LOB locators tied to a shard connection, arrays, vendor objects with setters — makes the
 * result uncacheable: it is returned, not kept. Stateless and thread-safe.
 *
 * <p>Sizes are estimates for a 64-bit JVM with compressed pointers, on the high side: they bound
 * the cache's memory, they do not measure it.
 */
final class CachedValues {

  /** Returned by {@link #forKey} for a value that cannot be part of a key. */
  static final Object UNUSABLE = new Object();

  private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class,
      Character.class, Byte.class, Short.class, Integer.class, Long.class, Float.class,
      Double.class, BigDecimal.class, BigInteger.class, UUID.class, LocalDate.class,
      LocalTime.class, LocalDateTime.class, OffsetDateTime.class, OffsetTime.class,
      ZonedDateTime.class, Instant.class, Duration.class, Period.class);

  /** Immutable value classes of the shard drivers, by name (they need not be on the class path). */
  private static final Set<String> IMMUTABLE_BY_NAME = Set.of("org.h2.api.Interval");

  private CachedValues() {}

  /** True when {@code v} can be kept in a cached row (shared, or copied per reader). */
  static boolean storable(Object v) {
    return v == null || IMMUTABLE.contains(v.getClass()) || mutable(v)
        || IMMUTABLE_BY_NAME.contains(v.getClass().getName());
  }

  /** True for the storable values that must be copied for each reader. */
  static boolean mutable(Object v) {
    return v instanceof byte[] || v instanceof java.sql.Timestamp || v instanceof java.sql.Date
        || v instanceof java.sql.Time;
  }

  /** A reader's own copy of a value for which {@link #mutable} is true. */
  static Object copy(Object v) {
    if (v instanceof byte[] b) {
      return b.clone();
    }
    if (v instanceof java.util.Date d) { // the java.sql subclasses keep their type and nanos
      return d.clone();
    }
    return v;
  }

  /** A parameter value as a key holds it: itself, a copy, or {@link #UNUSABLE} (streams, LOBs…). */
  static Object forKey(Object v) {
    if (!storable(v)) {
      return UNUSABLE;
    }
    return mutable(v) ? copy(v) : v;
  }

  /** Estimated bytes of a value, its object header included. */
  static long bytes(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 56 + 2L * s.length();
    }
    if (v instanceof byte[] b) {
      return 16 + b.length;
    }
    if (v instanceof BigDecimal d) {
      return 64 + d.precision() / 2;
    }
    if (v instanceof BigInteger i) {
      return 48 + i.bitLength() / 8;
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
      return 24;
    }
    return 64; // dates, times, UUIDs, intervals
  }
}
