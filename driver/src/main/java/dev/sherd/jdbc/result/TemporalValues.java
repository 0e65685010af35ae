package dev.sherd.jdbc.result;

import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.Calendar;

/**
 * Date-time conversions of {@link JdbcValues}, with H2 2.4's semantics: DATE, TIME and TIMESTAMP are
 * local values read in the JVM's time zone (or the {@link Calendar}'s, when a getter takes one);
 * TIMESTAMP WITH TIME ZONE is an instant and converts to local values in that zone. A DATE has no
 * time and a TIME no date: asking one for the other is {@code 22018}; a string that is no date-time
 * literal is {@code 22007}. Thread-safe: stateless.
 */
public final class TemporalValues {

  private static final LocalDate TIME_EPOCH = LocalDate.of(1970, 1, 1);
  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HH:mm:ss", "Z").toFormatter();

  private TemporalValues() {}

  /**
   * The {@code java.time} form of a date-time value (LocalDate, LocalTime, LocalDateTime or
   * OffsetDateTime), or null when {@code v} is not a date-time.
   */
  public static Temporal toJavaTime(Object v) {
    // java.sql types are read through their epoch milliseconds, as drivers build them: their
    // calendar fields are Julian before 1582, where H2's dates are proleptic Gregorian
    if (v instanceof Timestamp ts) {
      return LocalDateTime.ofInstant(ts.toInstant(), ZoneId.systemDefault());
    } else if (v instanceof Date d) {
      return LocalDate.ofInstant(Instant.ofEpochMilli(d.getTime()), ZoneId.systemDefault());
    } else if (v instanceof Time t) {
      return LocalTime.ofInstant(Instant.ofEpochMilli(t.getTime()), ZoneId.systemDefault());
    } else if (v instanceof LocalDate || v instanceof LocalTime || v instanceof LocalDateTime
        || v instanceof OffsetDateTime) {
      return (Temporal) v;
    } else if (v instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    } else if (v instanceof ZonedDateTime z) {
      return z.toOffsetDateTime();
    }
    return null;
  }

  public static Date toDate(Object v, Calendar cal, String where) throws SQLException {
    if (v == null || (cal == null && v instanceof Date)) {
      return (Date) v;
    }
    ZoneId zone = zone(cal);
    LocalDate date = toLocalDate(v, zone, where);
    return new Date(date.atStartOfDay(zone).toInstant().toEpochMilli());
  }

  public static Time toTime(Object v, Calendar cal, String where) throws SQLException {
    if (v == null || (cal == null && v instanceof Time)) {
      return (Time) v;
    }
    ZoneId zone = zone(cal);
    LocalTime time = toLocalTime(v, zone, where);
    return new Time(LocalDateTime.of(TIME_EPOCH, time).atZone(zone).toInstant().toEpochMilli());
  }

  public static Timestamp toTimestamp(Object v, Calendar cal, String where) throws SQLException {
    if (v == null || (cal == null && v instanceof Timestamp)) {
      return (Timestamp) v;
    }
    ZoneId zone = zone(cal);
    return Timestamp.from(toLocalDateTime(v, zone, where).atZone(zone).toInstant());
  }

  public static LocalDate toLocalDate(Object v, String where) throws SQLException {
    return v == null ? null : toLocalDate(v, ZoneId.systemDefault(), where);
  }

  public static LocalTime toLocalTime(Object v, String where) throws SQLException {
    return v == null ? null : toLocalTime(v, ZoneId.systemDefault(), where);
  }

  public static LocalDateTime toLocalDateTime(Object v, String where) throws SQLException {
    return v == null ? null : toLocalDateTime(v, ZoneId.systemDefault(), where);
  }

  public static OffsetDateTime toOffsetDateTime(Object v, String where) throws SQLException {
    if (v == null) {
      return null;
    }
    Temporal t = resolve(v, "TIMESTAMP WITH TIME ZONE", where);
    if (t instanceof OffsetDateTime odt) {
      return odt;
    } else if (t instanceof LocalDateTime ldt) {
      return ldt.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    } else if (t instanceof LocalDate date) {
      return date.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }
    throw JdbcValues.cannotConvert(v, "TIMESTAMP WITH TIME ZONE", where);
  }

  /** The SQL literal form H2 reports from {@code getString}, or null when v is not a date-time. */
  public static String format(Object v) {
    Temporal t = toJavaTime(v);
    if (t instanceof LocalDate date) {
      return date.toString();
    } else if (t instanceof LocalTime time) {
      return appendTime(new StringBuilder(18), time).toString();
    } else if (t instanceof LocalDateTime ldt) {
      return appendTime(new StringBuilder(29).append(ldt.toLocalDate()).append(' '),
          ldt.toLocalTime()).toString();
    } else if (t instanceof OffsetDateTime odt) {
      StringBuilder sb = appendTime(new StringBuilder(35).append(odt.toLocalDate()).append(' '),
          odt.toLocalTime());
      return appendOffset(sb, odt.getOffset().getTotalSeconds()).toString();
    }
    return null;
  }

  private static LocalDate toLocalDate(Object v, ZoneId zone, String where) throws SQLException {
    Temporal t = resolve(v, "DATE", where);
    if (t instanceof LocalDate date) {
      return date;
    } else if (t instanceof LocalDateTime ldt) {
      return ldt.toLocalDate();
    } else if (t instanceof OffsetDateTime odt) {
      return odt.atZoneSameInstant(zone).toLocalDate();
    }
    throw JdbcValues.cannotConvert(v, "DATE", where);
  }

  private static LocalTime toLocalTime(Object v, ZoneId zone, String where) throws SQLException {
    Temporal t = resolve(v, "TIME", where);
    if (t instanceof LocalTime time) {
      return time;
    } else if (t instanceof LocalDateTime ldt) {
      return ldt.toLocalTime();
    } else if (t instanceof OffsetDateTime odt) {
      return odt.atZoneSameInstant(zone).toLocalTime();
    }
    throw JdbcValues.cannotConvert(v, "TIME", where);
  }

  private static LocalDateTime toLocalDateTime(Object v, ZoneId zone, String where)
      throws SQLException {
    Temporal t = resolve(v, "TIMESTAMP", where);
    if (t instanceof LocalDateTime ldt) {
      return ldt;
    } else if (t instanceof LocalDate date) {
      return date.atStartOfDay();
    } else if (t instanceof OffsetDateTime odt) {
      return odt.atZoneSameInstant(zone).toLocalDateTime();
    }
    throw JdbcValues.cannotConvert(v, "TIMESTAMP", where);
  }

  /** The java.time form of v, parsing a string as a literal of {@code target}. */
  private static Temporal resolve(Object v, String target, String where) throws SQLException {
    Temporal t = toJavaTime(v);
    if (t != null) {
      return t;
    }
    if (!(v instanceof String s)) {
      throw JdbcValues.cannotConvert(v, target, where);
    }
    String text = s.trim();
    try {
      switch (target) {
        case "DATE": return LocalDate.parse(text);
        case "TIME": return LocalTime.parse(text);
        default:
          if (text.length() <= 10) {
            return LocalDate.parse(text).atStartOfDay();
          }
          text = text.replace(' ', 'T');
          return target.equals("TIMESTAMP") ? LocalDateTime.parse(text) : parseWithOffset(text);
      }
    } catch (DateTimeParseException e) {
      throw new SQLDataException(where + ": cannot parse " + JdbcValues.describe(v) + " as "
          + target, "22007", e);
    }
  }

  private static Temporal parseWithOffset(String text) {
    try {
      return OffsetDateTime.parse(text, OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text);
    }
  }

  private static StringBuilder appendTime(StringBuilder sb, LocalTime time) {
    appendTwoDigits(sb, time.getHour()).append(':');
    appendTwoDigits(sb, time.getMinute()).append(':');
    appendTwoDigits(sb, time.getSecond());
    int nanos = time.getNano();
    if (nanos != 0) {
      String fraction = Integer.toString(1_000_000_000 + nanos).substring(1);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(fraction, 0, end);
    }
    return sb;
  }

  private static StringBuilder appendOffset(StringBuilder sb, int totalSeconds) {
    sb.append(totalSeconds < 0 ? '-' : '+');
    int seconds = Math.abs(totalSeconds);
    appendTwoDigits(sb, seconds / 3600);
    if (seconds % 3600 != 0) {
      appendTwoDigits(sb.append(':'), seconds / 60 % 60);
      if (seconds % 60 != 0) {
        appendTwoDigits(sb.append(':'), seconds % 60);
      }
    }
    return sb;
  }

  private static StringBuilder appendTwoDigits(StringBuilder sb, int value) {
    return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static ZoneId zone(Calendar cal) {
    return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
  }
}
