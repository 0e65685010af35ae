package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.result.ListCursor;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.SortKey;
import dev.sherd.sql.plan.SortKey.NullOrder;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Concat, Limit, Filter, Sort, Distinct and DropHiddenColumns cursors. */
class StreamingCursorsTest {

  private static ListCursor numbers(int from, int to) {
    List<Object[]> rows = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      rows.add(new Object[] {i, "r" + i});
    }
    return new ListCursor(2, rows);
  }

  private static List<Object> firstColumn(List<List<Object>> rows) {
    return rows.stream().map(r -> r.get(0)).toList();
  }

  @Test
  void concat_readsSourcesInOrderAndClosesEachWhenExhausted() throws SQLException {
    ListCursor a = numbers(1, 2);
    ListCursor empty = numbers(1, 0);
    ListCursor b = numbers(3, 3);
    ConcatCursor cursor = new ConcatCursor(List.of(a, empty, b));
    assertTrue(cursor.next());
    assertTrue(cursor.next());
    assertTrue(cursor.next());
    assertTrue(a.isClosed() && empty.isClosed());
    assertFalse(b.isClosed());
    assertEquals(3L, cursor.row()[0]);
    assertFalse(cursor.next());
    cursor.close();
    assertTrue(b.isClosed());
  }

  @Test
  void limit_skipsOffsetThenStopsReadingAtFetch() throws SQLException {
    ListCursor source = numbers(1, 10);
    LimitCursor cursor = new LimitCursor(source, 2, 3);
    assertEquals(List.of(3L, 4L, 5L), firstColumn(ListCursor.drain(cursor)));
    assertEquals(5, source.reads());
    assertFalse(cursor.next());
    assertEquals(5, source.reads());
  }

  @Test
  void limit_edgeCases() throws SQLException {
    ListCursor zero = numbers(1, 10);
    assertEquals(List.of(), ListCursor.drain(new LimitCursor(zero, 0, 0)));
    assertEquals(0, zero.reads());
    assertEquals(List.of(), ListCursor.drain(new LimitCursor(numbers(1, 3), 5, LimitCursor.ALL)));
    assertEquals(List.of(2L, 3L),
        firstColumn(ListCursor.drain(new LimitCursor(numbers(1, 3), 1, LimitCursor.ALL))));
    assertThrows(IllegalArgumentException.class, () -> new LimitCursor(numbers(1, 1), -1, 1));
  }

  @Test
  void filter_keepsOnlyRowsWhosePredicateIsTrue() throws SQLException {
    ListCursor source = ListCursor.of(1, new Object[] {1L}, new Object[] {null},
        new Object[] {5L}, new Object[] {3L});
    MergeExpr predicate = new MergeExpr.Compare(">", new MergeExpr.Ref(0),
        new MergeExpr.Param(0));
    FilterCursor cursor = new FilterCursor(source, predicate,
        new ExpressionEvaluator(new Object[] {2}, new ValueComparator(true)));
    assertEquals(List.of(5L, 3L), firstColumn(ListCursor.drain(cursor)));
  }

  @Test
  void sort_isStableAndCopiesReusedRows() throws SQLException {
    ListCursor source = ListCursor.of(2, new Object[] {2L, "a"}, new Object[] {1L, "b"},
        new Object[] {2, "c"}, new Object[] {null, "d"}, new Object[] {new BigDecimal("1.0"), "e"});
    SortCursor cursor = new SortCursor(source, new ValueComparator(true)
        .rowOrder(List.of(new SortKey(0, true, NullOrder.DEFAULT))));
    assertEquals(List.of("a", "c", "b", "e", "d"),
        ListCursor.drain(cursor).stream().map(r -> r.get(1)).toList());
    assertTrue(source.isClosed());
  }

  @Test
  void sort_ofIncomparableValues_fails22018() {
    SortCursor cursor = new SortCursor(ListCursor.of(1, new Object[] {"x"}, new Object[] {1L}),
        new ValueComparator(true).rowOrder(List.of(new SortKey(0, false, NullOrder.DEFAULT))));
    assertEquals("22018", assertThrows(SQLDataException.class, cursor::next).getSQLState());
  }

  @Test
  void distinct_keepsFirstOccurrenceWithSqlEquality() throws SQLException {
    ListCursor source = ListCursor.of(2, new Object[] {1L, "a"}, new Object[] {1, "a"},
        new Object[] {new BigDecimal("1.00"), "a"}, new Object[] {null, "a"},
        new Object[] {null, "a"}, new Object[] {1L, "b"});
    assertEquals(List.of(List.of(1L, "a"), java.util.Arrays.asList(null, "a"), List.of(1L, "b")),
        ListCursor.drain(new DistinctCursor(source, new ValueComparator(true))));
  }

  @Test
  void dropHiddenColumns_keepsTheLeadingColumns() throws SQLException {
    DropHiddenColumnsCursor cursor = new DropHiddenColumnsCursor(
        ListCursor.of(3, new Object[] {1L, "x", 9L}), 2);
    assertEquals(1, cursor.width());
    assertEquals(List.of(List.of(1L)), ListCursor.drain(cursor));
    assertThrows(IllegalArgumentException.class,
        () -> new DropHiddenColumnsCursor(ListCursor.of(1), 2));
  }
}
