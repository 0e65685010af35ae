package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.result.ListCursor;
import dev.sherd.sql.plan.AggregateCall;
import dev.sherd.sql.plan.AggregateCall.Kind;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregateCursorTest {

  private static final ValueComparator H2 = new ValueComparator(true);

  private static List<List<Object>> aggregate(ListCursor input, int[] groups,
      AggregateCall... calls) throws SQLException {
    return ListCursor.drain(new AggregateCursor(input, groups, List.of(calls), H2));
  }

  @Test
  void noGroupColumns_emptyInput_emitsOneRowOfEmptyAggregates() throws SQLException {
    List<List<Object>> rows = aggregate(ListCursor.of(4), new int[0],
        new AggregateCall(Kind.COUNT, 0), new AggregateCall(Kind.SUM, 1),
        new AggregateCall(Kind.MIN, 2), new AggregateCall(Kind.MAX, 3),
        new AggregateCall(Kind.COUNT_DISTINCT, 0), new AggregateCall(Kind.SUM_DISTINCT, 1));
    assertEquals(List.of(Arrays.asList(0L, null, null, null, 0L, null)), rows);
  }

  @Test
  void groupColumns_emptyInput_emitsNoRow() throws SQLException {
    assertEquals(List.of(), aggregate(ListCursor.of(2), new int[] {0},
        new AggregateCall(Kind.COUNT, 1)));
  }

  @Test
  void groups_equalByValueAndNullsTogether_inFirstSeenOrder() throws SQLException {
    ListCursor input = ListCursor.of(2,
        new Object[] {1L, 10L}, new Object[] {null, 1L}, new Object[] {new BigDecimal("1.00"), 5L},
        new Object[] {1, 1L}, new Object[] {null, 2L}, new Object[] {"x", 7L});
    List<List<Object>> rows = aggregate(input, new int[] {0}, new AggregateCall(Kind.COUNT, 1));
    assertEquals(List.of(List.of(1L, 16L), Arrays.asList(null, 3L), List.of("x", 7L)), rows);
  }

  @Test
  void sum_keepsSqlTypesAndSkipsNulls() throws SQLException {
    ListCursor input = ListCursor.of(4,
        new Object[] {5L, new BigDecimal("1.50"), 1.5d, null},
        new Object[] {null, null, null, null},
        new Object[] {7L, new BigDecimal("2.25"), 2.0d, null});
    List<List<Object>> rows = aggregate(input, new int[0], new AggregateCall(Kind.SUM, 0),
        new AggregateCall(Kind.SUM, 1), new AggregateCall(Kind.SUM, 2),
        new AggregateCall(Kind.SUM, 3));
    assertEquals(List.of(Arrays.asList(12L, new BigDecimal("3.75"), 3.5d, null)), rows);
  }

  @Test
  void sum_ofIntegers_isBigint() throws SQLException {
    List<List<Object>> rows = aggregate(ListCursor.of(1, new Object[] {3}), new int[0],
        new AggregateCall(Kind.SUM, 0), new AggregateCall(Kind.SUM_DISTINCT, 0));
    assertEquals(List.of(List.of(3L, 3L)), rows);
  }

  @Test
  void sum_overflowingBigint_fails22003() {
    ListCursor input = ListCursor.of(1, new Object[] {Long.MAX_VALUE}, new Object[] {1L});
    assertEquals("22003", assertThrows(SQLDataException.class,
        () -> aggregate(input, new int[0], new AggregateCall(Kind.SUM, 0))).getSQLState());
  }

  @Test
  void minMax_useValueOrderAndIgnoreNulls() throws SQLException {
    ListCursor input = ListCursor.of(2, new Object[] {null, "b"}, new Object[] {2L, "a"},
        new Object[] {new BigDecimal("1.5"), null}, new Object[] {3, "c"});
    List<List<Object>> rows = aggregate(input, new int[0], new AggregateCall(Kind.MIN, 0),
        new AggregateCall(Kind.MAX, 0), new AggregateCall(Kind.MIN, 1),
        new AggregateCall(Kind.MAX, 1));
    assertEquals(List.of(List.of(new BigDecimal("1.5"), 3, "a", "c")), rows);
  }

  @Test
  void distinctKinds_countAndSumEachValueOnceByValue() throws SQLException {
    ListCursor input = ListCursor.of(2, new Object[] {"g", 1L}, new Object[] {"g", 1},
        new Object[] {"g", new BigDecimal("1.0")}, new Object[] {"g", 2L}, new Object[] {"g", null},
        new Object[] {"h", null});
    List<List<Object>> rows = aggregate(input, new int[] {0},
        new AggregateCall(Kind.COUNT_DISTINCT, 1), new AggregateCall(Kind.SUM_DISTINCT, 1));
    assertEquals(List.of(List.of("g", 2L, 3L), Arrays.asList("h", 0L, null)), rows);
  }

  @Test
  void constructor_columnOutsideRow_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AggregateCursor(ListCursor.of(2), new int[0],
            List.of(new AggregateCall(Kind.SUM, 2)), H2));
    assertTrue(e.getMessage().contains("SUM argument 2"), e.getMessage());
  }

  @Test
  void next_closesTheSourceOnceAggregated() throws SQLException {
    ListCursor input = ListCursor.of(1, new Object[] {1L});
    AggregateCursor cursor = new AggregateCursor(input, new int[0],
        List.of(new AggregateCall(Kind.COUNT, 0)), H2);
    assertTrue(cursor.next());
    assertTrue(input.isClosed());
  }
}
