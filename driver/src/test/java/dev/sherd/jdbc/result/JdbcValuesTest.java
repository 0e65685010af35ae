package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcValuesTest {

  private static final String WHERE = "column C";

  @Test
  void toInt_ofFractions_roundsLikeH2() throws SQLException {
    assertEquals(2, JdbcValues.toInt(new BigDecimal("1.50"), WHERE));
    assertEquals(-3, JdbcValues.toInt(new BigDecimal("-2.50"), WHERE)); // HALF_UP
    assertEquals(3, JdbcValues.toInt(2.5d, WHERE));
    assertEquals(-2, JdbcValues.toInt(-2.5d, WHERE)); // Math.round
    assertEquals(1, JdbcValues.toInt(0.5f, WHERE));
  }

  @Test
  void toInt_outOfRange_fails22003NamingPlace() {
    SQLDataException e = assertThrows(SQLDataException.class,
        () -> JdbcValues.toInt(3_000_000_000L, WHERE));
    assertEquals("22003", e.getSQLState());
    assertTrue(e.getMessage().startsWith("column C: Long '3000000000' is out of range for INTEGER"),
        e.getMessage());
    assertEquals("22003", assertThrows(SQLDataException.class,
        () -> JdbcValues.toLong(1e19, WHERE)).getSQLState());
    assertEquals("22003", assertThrows(SQLDataException.class,
        () -> JdbcValues.toLong(new BigDecimal("9223372036854775808"), WHERE)).getSQLState());
    assertEquals("22003", assertThrows(SQLDataException.class,
        () -> JdbcValues.toByte(128, WHERE)).getSQLState());
    assertEquals("22003", assertThrows(SQLDataException.class,
        () -> JdbcValues.toShort(-32769L, WHERE)).getSQLState());
  }

  @Test
  void numericGetters_ofNull_giveZero() throws SQLException {
    assertEquals(0, JdbcValues.toInt(null, WHERE));
    assertEquals(0L, JdbcValues.toLong(null, WHERE));
    assertEquals(0d, JdbcValues.toDouble(null, WHERE));
    assertEquals(0f, JdbcValues.toFloat(null, WHERE));
    assertFalse(JdbcValues.toBoolean(null, WHERE));
    assertNull(JdbcValues.toBigDecimal(null, WHERE));
    assertNull(JdbcValues.toString(null, WHERE));
    assertNull(JdbcValues.toBytes(null, WHERE));
    assertNull(JdbcValues.toObject(null, Integer.class, WHERE));
  }

  @Test
  void toLong_ofText_parsesTrimmedIntegersOnly() throws SQLException {
    assertEquals(42L, JdbcValues.toLong(" 42 ", WHERE));
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> JdbcValues.toLong("1.5", WHERE)).getSQLState());
    assertEquals(1.5, JdbcValues.toDouble("1.5", WHERE));
    assertEquals(new BigDecimal("1E+3"), JdbcValues.toBigDecimal("1e3", WHERE));
  }

  @Test
  void toBoolean_followsH2() throws SQLException {
    for (String yes : new String[] {"TRUE", "t", "yes", "Y", " 12 ", "1.5"}) {
      assertTrue(JdbcValues.toBoolean(yes, WHERE), yes);
    }
    for (String no : new String[] {"false", "F", "no", "n", "0"}) {
      assertFalse(JdbcValues.toBoolean(no, WHERE), no);
    }
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> JdbcValues.toBoolean("maybe", WHERE)).getSQLState());
    assertTrue(JdbcValues.toBoolean(new BigDecimal("0.01"), WHERE));
    assertFalse(JdbcValues.toBoolean(0L, WHERE));
    assertTrue(JdbcValues.toBoolean(-0.5d, WHERE));
  }

  @Test
  void toString_followsH2Formats() throws SQLException {
    assertEquals("0.000000000000000000000000300",
        JdbcValues.toString(new BigDecimal("3.00E-25"), WHERE));
    assertEquals("1.50", JdbcValues.toString(new BigDecimal("1.50"), WHERE));
    assertEquals("TRUE", JdbcValues.toString(true, WHERE));
    assertEquals("1.0E20", JdbcValues.toString(1e20, WHERE));
    assertEquals("A", JdbcValues.toString(new byte[] {0x41}, WHERE));
  }

  @Test
  void toBigDecimal_ofFloatingValues_usesTheirShortestDecimalForm() throws SQLException {
    assertEquals(new BigDecimal("0.1"), JdbcValues.toBigDecimal(0.1f, WHERE));
    assertEquals(new BigDecimal("1.0E+20"), JdbcValues.toBigDecimal(1e20, WHERE));
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> JdbcValues.toBigDecimal(Double.NaN, WHERE)).getSQLState());
  }

  @Test
  void toBytes_ofIntegersAndUuids_isBigEndian() throws SQLException {
    assertArrayEquals(new byte[] {0, 0, 0, 5}, JdbcValues.toBytes(5, WHERE));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 7}, JdbcValues.toBytes(7L, WHERE));
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    byte[] bytes = JdbcValues.toBytes(uuid, WHERE);
    assertEquals(16, bytes.length);
    assertEquals(uuid, JdbcValues.toObject(bytes, UUID.class, WHERE));
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> JdbcValues.toBytes(1.5, WHERE)).getSQLState());
  }

  @Test
  void toBytes_returnsACopy() throws SQLException {
    byte[] original = {1, 2};
    byte[] copy = JdbcValues.toBytes(original, WHERE);
    copy[0] = 9;
    assertEquals(1, original[0]);
  }

  @Test
  void toObject_convertsBetweenNumberClasses() throws SQLException {
    assertEquals(Integer.valueOf(7), JdbcValues.toObject(7L, Integer.class, WHERE));
    assertEquals(Long.valueOf(2), JdbcValues.toObject(new BigDecimal("1.5"), Long.class, WHERE));
    assertEquals(BigInteger.valueOf(2), JdbcValues.toObject(2.9d, BigInteger.class, WHERE));
    assertEquals(Double.valueOf(1.5), JdbcValues.toObject(new BigDecimal("1.5"), Double.class,
        WHERE));
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> JdbcValues.toObject("1.5", BigInteger.class, WHERE)).getSQLState());
  }

  @Test
  void describe_truncatesLongValues() {
    String text = JdbcValues.describe("x".repeat(100));
    assertTrue(text.startsWith("String 'xxx") && text.endsWith("...'"), text);
    assertEquals("byte[] 'byte[3]'", JdbcValues.describe(new byte[3]));
    assertEquals("NULL", JdbcValues.describe(null));
  }
}
