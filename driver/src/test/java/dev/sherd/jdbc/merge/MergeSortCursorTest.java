package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.result.ListCursor;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.SortKey;
import dev.sherd.sql.plan.SortKey.NullOrder;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MergeSortCursorTest {

  private static final int SHARDS = 4;

  /** Rows: [Long or null, String or null, BigDecimal or Integer, unique id]. */
  private static List<Object[]> randomRows(Random random, int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object number = random.nextInt(8) == 0 ? null : (long) random.nextInt(20) - 10;
      Object text = random.nextInt(8) == 0 ? null : String.valueOf((char) ('A' + random.nextInt(6)))
          + (random.nextBoolean() ? "a" : "");
      Object amount = random.nextBoolean() ? random.nextInt(5)
          : BigDecimal.valueOf(random.nextInt(50), 1);
      rows.add(new Object[] {number, text, amount, i});
    }
    return rows;
  }

  @Test
  void merge_ofSortedShards_equalsSortingAllRows() throws SQLException {
    Random random = new Random(20240607);
    List<List<SortKey>> keyLists = new ArrayList<>();
    for (NullOrder nulls : NullOrder.values()) {
      for (boolean descending : new boolean[] {false, true}) {
        keyLists.add(List.of(new SortKey(0, descending, nulls)));
        keyLists.add(List.of(new SortKey(1, descending, nulls), new SortKey(2, !descending,
            NullOrder.DEFAULT), new SortKey(0, descending, nulls)));
      }
    }
    int checked = 0;
    for (boolean nullsFirstAscending : new boolean[] {true, false}) {
      ValueComparator comparator = new ValueComparator(nullsFirstAscending);
      for (List<SortKey> keys : keyLists) {
        Comparator<Object[]> order = comparator.rowOrder(keys);
        List<Object[]> all = randomRows(random, 400);
        List<RowCursor> shards = new ArrayList<>();
        for (int s = 0; s < SHARDS; s++) {
          List<Object[]> shardRows = new ArrayList<>();
          for (Object[] row : all) {
            if ((Integer) row[3] % SHARDS == s) {
              shardRows.add(row);
            }
          }
          shardRows.sort(order);
          shards.add(new ListCursor(4, shardRows));
        }
        List<List<Object>> merged = ListCursor.drain(new MergeSortCursor(shards, order));

        List<Object[]> expected = new ArrayList<>(all);
        expected.sort(order);
        assertEquals(all.size(), merged.size());
        for (int i = 0; i < merged.size(); i++) {
          Object[] row = merged.get(i).toArray();
          assertEquals(0, order.compare(expected.get(i), row),
              keys + " at " + i + ": " + Arrays.toString(expected.get(i)) + " vs "
                  + Arrays.toString(row));
        }
        assertEquals(ids(expected.stream().map(Arrays::asList).toList()).stream().sorted().toList(),
            ids(merged).stream().sorted().toList());
        checked++;
      }
    }
    assertEquals(2 * keyLists.size(), checked);
  }

  private static List<Integer> ids(List<List<Object>> rows) {
    return rows.stream().map(r -> (Integer) r.get(3)).toList();
  }

  @Test
  void merge_ofTies_prefersLowerShardIndex() throws SQLException {
    Comparator<Object[]> order = new ValueComparator(true)
        .rowOrder(List.of(new SortKey(0, false, NullOrder.DEFAULT)));
    MergeSortCursor cursor = new MergeSortCursor(List.of(
        ListCursor.of(2, new Object[] {1L, "s0"}), ListCursor.of(2, new Object[] {1, "s1"}),
        ListCursor.of(2, new Object[] {new BigDecimal("1.0"), "s2"})), order);
    assertEquals(List.of("s0", "s1", "s2"),
        ListCursor.drain(cursor).stream().map(r -> r.get(1)).toList());
  }

  @Test
  void merge_ofMillionsOfRows_holdsAtMostOneRowPerShardAndCopiesNone() throws SQLException {
    int perShard = 1_000_000;
    List<CountingCursor> sources = new ArrayList<>();
    for (int s = 0; s < SHARDS; s++) {
      sources.add(new CountingCursor(s, perShard));
    }
    Comparator<Object[]> order = new ValueComparator(true)
        .rowOrder(List.of(new SortKey(0, false, NullOrder.DEFAULT)));
    MergeSortCursor merged = new MergeSortCursor(List.copyOf(sources), order);
    long previous = Long.MIN_VALUE;
    long rows = 0;
    int maxHeld = 0;
    while (merged.next()) {
      Object[] row = merged.row();
      long value = (Long) row[0];
      assertTrue(value >= previous, "out of order at row " + rows);
      previous = value;
      assertSame(sources.get((int) (value % SHARDS)).row(), row); // the source's own array
      maxHeld = Math.max(maxHeld, merged.heldRows());
      rows++;
    }
    assertEquals((long) SHARDS * perShard, rows);
    assertTrue(maxHeld <= SHARDS, "held " + maxHeld + " rows");
    assertEquals(0, merged.heldRows());
    assertTrue(sources.stream().allMatch(c -> c.closed), "exhausted sources are closed");
  }

  @Test
  void merge_ofIncomparableKeys_fails22018() {
    Comparator<Object[]> order = new ValueComparator(true)
        .rowOrder(List.of(new SortKey(0, false, NullOrder.DEFAULT)));
    MergeSortCursor cursor = new MergeSortCursor(List.of(ListCursor.of(1, new Object[] {"a"}),
        ListCursor.of(1, new Object[] {1L})), order);
    assertEquals("22018", assertThrows(SQLDataException.class, cursor::next).getSQLState());
  }

  @Test
  void close_closesEverySource() throws SQLException {
    ListCursor a = ListCursor.of(1, new Object[] {1L});
    ListCursor b = ListCursor.of(1, new Object[] {2L});
    MergeSortCursor cursor = new MergeSortCursor(List.of(a, b),
        new ValueComparator(true).rowOrder(List.of(new SortKey(0, false, NullOrder.DEFAULT))));
    assertTrue(cursor.next());
    cursor.close();
    assertTrue(a.isClosed() && b.isClosed());
    assertFalse(cursor.heldRows() > 0);
  }

  /** Synthetic shard: values shard, shard + SHARDS, ... in one reused array, generated lazily. */
  private static final class CountingCursor implements RowCursor {
    private final Object[] row = new Object[1];
    private final long first;
    private final int count;
    private int produced;
    boolean closed;

    CountingCursor(int shard, int count) {
      this.first = shard;
      this.count = count;
    }

    @Override public boolean next() {
      if (produced == count) {
        return false;
      }
      row[0] = first + (long) SHARDS * produced++;
      return true;
    }

    @Override public Object[] row() {
      return row;
    }

    @Override public int width() {
      return 1;
    }

    @Override public void close() {
      closed = true;
    }
  }
}
