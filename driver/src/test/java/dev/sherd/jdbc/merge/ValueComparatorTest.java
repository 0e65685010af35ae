package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.sql.plan.SortKey;
import dev.sherd.sql.plan.SortKey.NullOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueComparatorTest {

  private final ValueComparator h2 = new ValueComparator(true);

  @Test
  void compare_numbersByValueAcrossTypes() {
    assertEquals(0, h2.compare(1L, new BigDecimal("1.00")));
    assertEquals(0, h2.compare(1, 1L));
    assertEquals(0, h2.compare(new BigDecimal("1.0"), 1.0d));
    assertEquals(0, h2.compare(BigInteger.TEN, (short) 10));
    assertEquals(0, h2.compare(-0.0d, 0.0d));
    assertTrue(h2.compare(2, new BigDecimal("1.99")) > 0);
    assertTrue(h2.compare(Long.MAX_VALUE, new BigDecimal("9223372036854775806.5")) > 0);
    assertTrue(h2.compare(Double.NaN, Double.POSITIVE_INFINITY) > 0);
    assertTrue(h2.compare(Double.NEGATIVE_INFINITY, new BigDecimal("-1e400")) < 0);
    assertTrue(h2.compare(0.1f, new BigDecimal("0.1")) > 0); // REAL 0.1 is 0.100000001490116...
  }

  @Test
  void compare_stringsByCompareToUnlessADialectSaysOtherwise() {
    assertTrue(h2.compare("B", "a") < 0);
    ValueComparator caseInsensitive = new ValueComparator(true, String.CASE_INSENSITIVE_ORDER);
    assertTrue(caseInsensitive.compare("B", "a") > 0);
  }

  @Test
  void compare_dateTimesChronologicallyAcrossTypes() {
    assertEquals(0, h2.compare(Date.valueOf("2020-01-02"), LocalDate.of(2020, 1, 2)));
    assertEquals(0, h2.compare(LocalDate.of(2020, 1, 2), Timestamp.valueOf("2020-01-02 00:00:00")));
    assertTrue(h2.compare(LocalDate.of(2020, 1, 2), LocalDateTime.of(2020, 1, 2, 0, 0, 1)) < 0);
    assertEquals(0, h2.compare(OffsetDateTime.parse("2020-01-02T03:00:00+02:00"),
        OffsetDateTime.parse("2020-01-02T01:00:00Z")));
    assertTrue(h2.compare(LocalTime.of(10, 0), java.sql.Time.valueOf("09:59:59")) > 0);
    assertThrows(ClassCastException.class, () -> h2.compare(LocalTime.NOON, LocalDate.EPOCH));
  }

  @Test
  void compare_booleansBytesAndUuids() {
    assertTrue(h2.compare(false, true) < 0);
    assertTrue(h2.compare(new byte[] {(byte) 0x80}, new byte[] {0x7f}) > 0);
    assertTrue(h2.compare(new byte[] {1}, new byte[] {1, 0}) < 0);
    assertTrue(h2.compare(new UUID(-1, 0), new UUID(1, 0)) > 0);
  }

  @Test
  void compare_valuesWithNoCommonOrder_throwClassCastException() {
    ClassCastException e = assertThrows(ClassCastException.class, () -> h2.compare("1", 1L));
    assertTrue(e.getMessage().contains("String '1'") && e.getMessage().contains("Long '1'"),
        e.getMessage());
  }

  @Test
  void nullsFirst_resolvesDefaultForTheDatabase() {
    ValueComparator postgres = new ValueComparator(false);
    for (boolean descending : new boolean[] {false, true}) {
      assertTrue(h2.nullsFirst(new SortKey(0, descending, NullOrder.FIRST)));
      assertTrue(!h2.nullsFirst(new SortKey(0, descending, NullOrder.LAST)));
      assertEquals(!descending, h2.nullsFirst(new SortKey(0, descending, NullOrder.DEFAULT)));
      assertEquals(descending, postgres.nullsFirst(new SortKey(0, descending, NullOrder.DEFAULT)));
    }
  }

  @Test
  void rowOrder_appliesKeysInOrderWithDirectionAndNullPlacement() {
    List<Object[]> rows = new ArrayList<>(List.of(
        new Object[] {1, "b"}, new Object[] {null, "a"}, new Object[] {1, null},
        new Object[] {2L, "a"}, new Object[] {new BigDecimal("1.0"), "a"}));
    Comparator<Object[]> order = h2.rowOrder(List.of(new SortKey(0, true, NullOrder.DEFAULT),
        new SortKey(1, false, NullOrder.LAST)));
    rows.sort(order);
    assertEquals("[[2, a], [1.0, a], [1, b], [1, null], [null, a]]",
        Arrays.deepToString(rows.toArray()));
  }
}
