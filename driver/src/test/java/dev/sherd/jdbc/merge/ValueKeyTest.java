package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ValueKeyTest {

  private static ValueKey key(Object... values) {
    return ValueKey.of(values, new ValueComparator(true));
  }

  @Test
  void equals_numbersEqualByValueAcrossTypesAndScales() {
    ValueKey one = key(1L);
    for (Object same : new Object[] {1, (short) 1, (byte) 1, new BigDecimal("1.0"),
        new BigDecimal("1.00"), BigInteger.ONE, 1.0d, 1.0f}) {
      assertEquals(one, key(same), same.getClass().getSimpleName());
      assertEquals(one.hashCode(), key(same).hashCode());
    }
    assertEquals(key(new BigDecimal("1.50")), key(1.5d));
    assertEquals(key(Long.MAX_VALUE), key(new BigDecimal(Long.MAX_VALUE).setScale(2)));
    assertEquals(key(new BigDecimal("1E+30")), key(new BigDecimal("1000000000000000000000000000000.0")));
    assertEquals(key(0.0d), key(-0.0d));
    assertNotEquals(key(1L), key(new BigDecimal("1.01")));
    assertNotEquals(key(1L), key("1"));
  }

  @Test
  void equals_nullsEqualEachOther() {
    assertEquals(key(null, "a"), key(null, "a"));
    assertNotEquals(key(null, "a"), key(0L, "a"));
  }

  @Test
  void equals_bytesByContentAndDateTimesByValue() {
    assertEquals(key((Object) new byte[] {1, 2}), key((Object) new byte[] {1, 2}));
    assertEquals(key(Date.valueOf("2020-01-02")), key(LocalDate.of(2020, 1, 2)));
    assertEquals(key(Timestamp.valueOf("2020-01-02 03:04:05")),
        key(LocalDateTime.of(2020, 1, 2, 3, 4, 5)));
    assertEquals(key(OffsetDateTime.parse("2020-01-02T03:00:00+02:00")),
        key(OffsetDateTime.parse("2020-01-02T01:00:00Z")));
  }

  @Test
  void of_columns_keysOnlyThoseColumns() {
    assertEquals(ValueKey.of(new Object[] {1L, "x", 2}, new int[] {0, 2}, new ValueComparator(true)),
        ValueKey.of(new Object[] {1, "y", 2L}, new int[] {0, 2}, new ValueComparator(true)));
  }
}
