package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class TemporalValuesTest {

  private static final String WHERE = "column T";

  @Test
  void format_writesSqlLiteralsWithoutTrailingZeros() {
    assertEquals("2020-01-02 03:04:05",
        TemporalValues.format(LocalDateTime.of(2020, 1, 2, 3, 4, 5)));
    assertEquals("2020-01-02 03:04:05.12",
        TemporalValues.format(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 120_000_000)));
    assertEquals("00:00:00.000000001", TemporalValues.format(LocalTime.of(0, 0, 0, 1)));
    assertEquals("10:11:00", TemporalValues.format(LocalTime.of(10, 11)));
    assertEquals("2020-01-02", TemporalValues.format(LocalDate.of(2020, 1, 2)));
    assertNull(TemporalValues.format("2020-01-02"));
  }

  @Test
  void format_writesOffsetsTheWayH2Does() {
    LocalDateTime t = LocalDateTime.of(2020, 1, 2, 3, 4, 5);
    assertEquals("2020-01-02 03:04:05+00",
        TemporalValues.format(OffsetDateTime.of(t, ZoneOffset.UTC)));
    assertEquals("2020-01-02 03:04:05+05:30",
        TemporalValues.format(OffsetDateTime.of(t, ZoneOffset.ofHoursMinutes(5, 30))));
    assertEquals("2020-01-02 03:04:05-03",
        TemporalValues.format(OffsetDateTime.of(t, ZoneOffset.ofHours(-3))));
    assertEquals("1970-01-01 00:00:00+00", TemporalValues.format(Instant.EPOCH));
  }

  @Test
  void toTimestamp_withCalendar_readsLocalValueInCalendarZone() throws SQLException {
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    Timestamp ts = TemporalValues.toTimestamp(LocalDateTime.of(2020, 1, 2, 9, 0), tokyo, WHERE);
    assertEquals(Instant.parse("2020-01-02T00:00:00Z"), ts.toInstant());
    OffsetDateTime absolute = OffsetDateTime.parse("2020-01-02T00:00:00Z");
    assertEquals(absolute.toInstant(),
        TemporalValues.toTimestamp(absolute, tokyo, WHERE).toInstant());
  }

  @Test
  void conversions_betweenDateAndTime_fail22018() {
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> TemporalValues.toTime(LocalDate.of(2020, 1, 2), null, WHERE)).getSQLState());
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> TemporalValues.toDate(LocalTime.NOON, null, WHERE)).getSQLState());
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> TemporalValues.toLocalDate(5L, WHERE)).getSQLState());
  }

  @Test
  void strings_parseAsLiteralsOrFail22007() throws SQLException {
    assertEquals(LocalDate.of(2020, 1, 2), TemporalValues.toLocalDate(" 2020-01-02 ", WHERE));
    assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4, 5),
        TemporalValues.toLocalDateTime("2020-01-02 03:04:05", WHERE));
    assertEquals(LocalDateTime.of(2020, 1, 2, 0, 0),
        TemporalValues.toLocalDateTime("2020-01-02", WHERE));
    assertEquals(OffsetDateTime.parse("2020-01-02T03:04:05+02:00"),
        TemporalValues.toOffsetDateTime("2020-01-02 03:04:05+02", WHERE));
    assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4, 5).atZone(ZoneId.systemDefault())
        .toOffsetDateTime(), TemporalValues.toOffsetDateTime("2020-01-02 03:04:05", WHERE));
    assertEquals("22007", assertThrows(SQLDataException.class,
        () -> TemporalValues.toLocalDate("2020-01-02 03:04:05", WHERE)).getSQLState());
    assertEquals("22007", assertThrows(SQLDataException.class,
        () -> TemporalValues.toLocalTime("noon", WHERE)).getSQLState());
  }

  @Test
  void toJavaTime_readsSqlTypesByTheirInstant() {
    java.sql.Date farPast = new java.sql.Date(LocalDate.of(999, 1, 1)
        .atStartOfDay(ZoneId.systemDefault()).toInstant().toEpochMilli());
    assertEquals(LocalDate.of(999, 1, 1), TemporalValues.toJavaTime(farPast));
    java.sql.Time withMillis = new java.sql.Time(LocalDateTime.of(1970, 1, 1, 1, 2, 3, 500_000_000)
        .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
    assertEquals(LocalTime.of(1, 2, 3, 500_000_000), TemporalValues.toJavaTime(withMillis));
    assertNull(TemporalValues.toJavaTime("2020-01-02"));
  }
}
