package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@link CursorResultSet} over a {@link ShardCursor} must answer every getter exactly as the H2
 * result set it reads would have: same value (and Java class), same wasNull, same SQLState on
 * failure.
 */
class CursorResultSetH2DifferentialTest {

  private static final String QUERY = "SELECT * FROM T ORDER BY ID";
  private static final Calendar NEW_YORK =
      Calendar.getInstance(TimeZone.getTimeZone("America/New_York"));
  private static final List<Class<?>> OBJECT_TYPES = List.of(String.class, Integer.class,
      Long.class, Short.class, Byte.class, Boolean.class, Double.class, Float.class,
      BigDecimal.class, BigInteger.class, byte[].class, java.sql.Date.class, java.sql.Time.class,
      java.sql.Timestamp.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
      OffsetDateTime.class, Instant.class, UUID.class);

  private static Connection connection;

  @BeforeAll
  static void createTable() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:cursor_differential");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE T(ID INT PRIMARY KEY, I INT, B BIGINT, D DECIMAL(12,2), F DOUBLE,"
          + " V VARCHAR(60), DT DATE, TS TIMESTAMP(9), BO BOOLEAN)");
      s.execute("INSERT INTO T VALUES"
          + " (1, 1, 2, 1.50, 2.5, 'x', DATE '2020-01-02', TIMESTAMP '2020-01-02 03:04:05.123456',"
          + " TRUE),"
          + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
          + " (3, -7, 3000000000, 100.00, 1e20, '12', DATE '1999-12-31',"
          + " TIMESTAMP '2020-01-02 00:00:00', FALSE),"
          + " (4, 2147483647, -9223372036854775808, -2.50, -2.5, ' 42 ', DATE '2024-02-29',"
          + " TIMESTAMP '2024-02-29 23:59:59.999999999', TRUE),"
          + " (5, 0, 0, 0.00, 0.0, 'true', DATE '0999-01-01', TIMESTAMP '1970-01-01 00:00:00',"
          + " FALSE),"
          + " (6, 127, 32767, 9999999999.99, 1.5e-7, '2020-01-02', DATE '2020-03-08',"
          + " TIMESTAMP '2020-03-08 02:30:00', TRUE),"
          + " (7, 128, 32768, 0.50, 3.5, '1.5', DATE '2020-11-01', TIMESTAMP '2020-11-01 01:30:00',"
          + " TRUE),"
          + " (8, -129, -32769, -0.50, -0.5, 'no', DATE '2000-01-01', TIMESTAMP '2000-01-01 12:00:00',"
          + " FALSE),"
          + " (9, 32767, 9223372036854775807, 0.01, 123456789.125, '2020-01-02 03:04:05',"
          + " DATE '2000-01-01', TIMESTAMP '2000-01-01 12:00:00.5', TRUE),"
          + " (10, -32768, 1, 1.00, 1e-300, '123e4567-e89b-12d3-a456-426614174000',"
          + " DATE '2000-01-01', TIMESTAMP '2000-01-01 12:00:00', TRUE),"
          + " (11, 1, 1, 1.00, 1.0, '10:11:12', DATE '2000-01-01', TIMESTAMP '2000-01-01 12:00:00',"
          + " TRUE),"
          + " (12, 1, 1, 1.00, 1.0, 'Y', DATE '2000-01-01', TIMESTAMP '2000-01-01 12:00:00', TRUE)");
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    connection.close();
  }

  @Test
  void everyGetter_matchesH2ResultSet() throws Exception {
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    try (Statement s1 = connection.createStatement(); Statement s2 = connection.createStatement();
        ResultSet h2 = s1.executeQuery(QUERY);
        ResultSet ours = new CursorResultSet(new ShardCursor("s0", s2.executeQuery(QUERY), null),
            ColumnInfo.from(h2.getMetaData()), null, null)) {
      int width = h2.getMetaData().getColumnCount();
      while (true) {
        boolean hasRow = h2.next();
        assertEquals(hasRow, ours.next());
        if (!hasRow) {
          break;
        }
        for (int column = 1; column <= width; column++) {
          String label = h2.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT);
          for (Getter getter : getters()) {
            compared++;
            compare(getter, h2, ours, column, label, mismatches);
          }
        }
      }
    }
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + compared + " differ:\n"
        + String.join("\n", mismatches));
  }

  private static void compare(Getter getter, ResultSet h2, ResultSet ours, int column,
      String label, List<String> mismatches) throws SQLException {
    Outcome expected = Outcome.of(() -> getter.get(h2, column), h2);
    Outcome byIndex = Outcome.of(() -> getter.get(ours, column), ours);
    Outcome byLabel = Outcome.of(() -> getter.getByLabel(ours, label), ours);
    String where = "row " + h2.getInt(1) + " column " + label + " " + getter.name + ": ";
    if (!expected.equals(byIndex)) {
      mismatches.add(where + "H2 " + expected + ", ours " + byIndex);
    } else if (!expected.equals(byLabel)) {
      mismatches.add(where + "H2 " + expected + ", ours by label " + byLabel);
    }
  }

  private interface Get {
    Object get(ResultSet rs, int column) throws SQLException;
  }

  private interface GetByLabel {
    Object get(ResultSet rs, String label) throws SQLException;
  }

  private record Getter(String name, Get byIndex, GetByLabel byLabel) {
    Object get(ResultSet rs, int column) throws SQLException {
      return byIndex.get(rs, column);
    }

    Object getByLabel(ResultSet rs, String label) throws SQLException {
      return byLabel.get(rs, label);
    }
  }

  @SuppressWarnings("deprecation")
  private static List<Getter> getters() {
    List<Getter> getters = new ArrayList<>(List.of(
        new Getter("getString", ResultSet::getString, ResultSet::getString),
        new Getter("getBoolean", ResultSet::getBoolean, ResultSet::getBoolean),
        new Getter("getByte", ResultSet::getByte, ResultSet::getByte),
        new Getter("getShort", ResultSet::getShort, ResultSet::getShort),
        new Getter("getInt", ResultSet::getInt, ResultSet::getInt),
        new Getter("getLong", ResultSet::getLong, ResultSet::getLong),
        new Getter("getFloat", ResultSet::getFloat, ResultSet::getFloat),
        new Getter("getDouble", ResultSet::getDouble, ResultSet::getDouble),
        new Getter("getBigDecimal", ResultSet::getBigDecimal, ResultSet::getBigDecimal),
        new Getter("getBigDecimal(1)", (rs, c) -> rs.getBigDecimal(c, 1),
            (rs, c) -> rs.getBigDecimal(c, 1)),
        new Getter("getBytes", ResultSet::getBytes, ResultSet::getBytes),
        new Getter("getDate", ResultSet::getDate, ResultSet::getDate),
        new Getter("getTime", ResultSet::getTime, ResultSet::getTime),
        new Getter("getTimestamp", ResultSet::getTimestamp, ResultSet::getTimestamp),
        new Getter("getDate(cal)", (rs, c) -> rs.getDate(c, NEW_YORK),
            (rs, c) -> rs.getDate(c, NEW_YORK)),
        new Getter("getTime(cal)", (rs, c) -> rs.getTime(c, NEW_YORK),
            (rs, c) -> rs.getTime(c, NEW_YORK)),
        new Getter("getTimestamp(cal)", (rs, c) -> rs.getTimestamp(c, NEW_YORK),
            (rs, c) -> rs.getTimestamp(c, NEW_YORK)),
        new Getter("getObject", ResultSet::getObject, ResultSet::getObject),
        new Getter("getNString", ResultSet::getNString, ResultSet::getNString)));
    for (Class<?> type : OBJECT_TYPES) {
      getters.add(new Getter("getObject(" + type.getSimpleName() + ")",
          (rs, c) -> rs.getObject(c, type), (rs, c) -> rs.getObject(c, type)));
    }
    return getters;
  }

  /** What a getter did: a value and wasNull, or a failure's SQLState. */
  private record Outcome(Object value, boolean wasNull, String sqlState) {

    interface Call {
      Object call() throws SQLException;
    }

    static Outcome of(Call call, ResultSet rs) throws SQLException {
      try {
        Object v = call.call();
        return new Outcome(v instanceof byte[] b ? Arrays.toString(b) : v, rs.wasNull(), null);
      } catch (SQLException e) {
        if (e.getSQLState() == null) {
          fail("no SQLState on " + e);
        }
        return new Outcome(null, false, e.getSQLState());
      }
    }

    @Override public boolean equals(Object o) {
      return o instanceof Outcome other && Objects.equals(sqlState, other.sqlState)
          && wasNull == other.wasNull && Objects.equals(value, other.value)
          && (value == null || value.getClass() == other.value.getClass());
    }

    @Override public int hashCode() {
      return Objects.hash(value, wasNull, sqlState);
    }

    @Override public String toString() {
      return sqlState != null ? "fails with " + sqlState
          : (value == null ? "null" : value.getClass().getSimpleName() + " " + value)
          + (wasNull ? " (wasNull)" : "");
    }
  }
}
