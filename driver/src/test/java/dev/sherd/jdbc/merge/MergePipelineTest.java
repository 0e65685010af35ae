package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.result.Columns;
import dev.sherd.jdbc.result.ListCursor;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.AggregateCall;
import dev.sherd.sql.plan.AggregateCall.Kind;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.SortKey;
import dev.sherd.sql.plan.SortKey.NullOrder;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MergePipelineTest {

  private static ShardedH2 cluster;

  @BeforeAll
  static void load() throws SQLException {
    cluster = new ShardedH2("pipeline", 2000, 11);
  }

  @AfterAll
  static void drop() throws SQLException {
    cluster.close();
  }

  private static List<RowCursor> shards() {
    return List.of(ListCursor.of(2, new Object[] {3L, "c"}, new Object[] {1L, "a"}),
        ListCursor.of(2, new Object[] {2L, "b"}));
  }

  @Test
  void build_withoutSteps_concatenatesShards() throws SQLException {
    RowCursor cursor = MergePipeline.build(shards(), List.of(), null, MergeDialect.H2, StringCollation.UTF16, null);
    assertInstanceOf(ConcatCursor.class, cursor);
    assertEquals(3, ListCursor.drain(cursor).size());
  }

  @Test
  void build_limitBoundsFromParameters() throws SQLException {
    MergeStep limit = new MergeStep.Limit(new MergeExpr.Param(0), new MergeExpr.Param(1));
    List<List<Object>> rows = ListCursor.drain(MergePipeline.build(shards(), List.of(
        new MergeStep.Sort(List.of(new SortKey(0, false, NullOrder.DEFAULT))), limit),
        new Object[] {1, new BigDecimal("1")}, MergeDialect.H2, StringCollation.UTF16, null));
    assertEquals(List.of(List.of(2L, "b")), rows);
  }

  @Test
  void build_nullLimitBounds_meanNoBound() throws SQLException {
    MergeStep limit = new MergeStep.Limit(new MergeExpr.Literal(null), null);
    assertEquals(3, ListCursor.drain(MergePipeline.build(shards(), List.of(limit), null, MergeDialect.H2, StringCollation.UTF16,
        null)).size());
  }

  @Test
  void build_negativeOrFractionalLimit_failsAndClosesShards() {
    for (Object[] bounds : new Object[][] {{-1L, 5L, "2201X"}, {0L, -5L, "2201W"},
        {0L, 1.5d, "22018"}, {new BigDecimal("0.5"), 1L, "22018"}}) {
      List<RowCursor> shards = shards();
      MergeStep limit = new MergeStep.Limit(new MergeExpr.Literal(bounds[0]),
          new MergeExpr.Literal(bounds[1]));
      SQLDataException e = assertThrows(SQLDataException.class,
          () -> MergePipeline.build(shards, List.of(limit), null, MergeDialect.H2, StringCollation.UTF16, null));
      assertEquals(bounds[2], e.getSQLState());
      assertTrue(shards.stream().allMatch(c -> ((ListCursor) c).isClosed()));
    }
  }

  @Test
  void build_malformedPlan_failsNamingTheProblemAndClosesShards() {
    List<RowCursor> shards = shards();
    SQLException late = assertThrows(SQLException.class, () -> MergePipeline.build(shards,
        List.of(new MergeStep.Distinct(), new MergeStep.MergeSorted(List.of())), null, MergeDialect.H2, StringCollation.UTF16, null));
    assertTrue(late.getMessage().contains("MergeSorted must be the first step"), late.getMessage());
    assertTrue(shards.stream().allMatch(c -> ((ListCursor) c).isClosed()));

    SQLException outside = assertThrows(SQLException.class, () -> MergePipeline.build(shards(),
        List.of(new MergeStep.Aggregate(new int[] {5}, List.of())), null, MergeDialect.H2, StringCollation.UTF16, null));
    assertTrue(outside.getMessage().contains("group column 5"), outside.getMessage());

    SQLException key = assertThrows(SQLException.class, () -> MergePipeline.build(shards(),
        List.of(new MergeStep.MergeSorted(List.of(new SortKey(2, false, NullOrder.DEFAULT)))),
        null, MergeDialect.H2, StringCollation.UTF16, null));
    assertTrue(key.getMessage().contains("sort key column 2"), key.getMessage());
  }

  @Test
  void build_targetColumnsWithoutProjectStep_coerceTheFinalRows() throws SQLException {
    RowCursor cursor = MergePipeline.build(shards(),
        List.of(new MergeStep.Aggregate(new int[0], List.of(new AggregateCall(Kind.SUM, 0)))),
        null, MergeDialect.H2, StringCollation.UTF16, List.of(Columns.integer("TOTAL")));
    assertEquals(List.of(List.of(6)), ListCursor.drain(cursor));
  }

  @Test
  void havingOrderByLimit_overAggregates_equalsTheSingleDatabaseResult() throws SQLException {
    String expectedSql = "SELECT G, COUNT(*), SUM(D) FROM {T} GROUP BY G HAVING COUNT(*) > ?"
        + " ORDER BY SUM(D) DESC NULLS LAST, G LIMIT 5 OFFSET ?";
    List<MergeStep> steps = List.of(
        new MergeStep.Aggregate(new int[] {0}, List.of(new AggregateCall(Kind.COUNT, 1),
            new AggregateCall(Kind.SUM, 2))),
        new MergeStep.Filter(new MergeExpr.Compare(">", new MergeExpr.Ref(1),
            new MergeExpr.Param(0))),
        new MergeStep.Sort(List.of(new SortKey(2, true, NullOrder.LAST),
            new SortKey(0, false, NullOrder.DEFAULT))),
        new MergeStep.Limit(new MergeExpr.Param(1), new MergeExpr.Literal(5L)));
    Object[] params = {150L, 2};
    List<List<Object>> merged = ListCursor.drain(MergePipeline.build(
        cluster.shardCursors("SELECT G, COUNT(*), SUM(D) FROM {T} GROUP BY G"), steps, params,
        MergeDialect.H2, StringCollation.UTF16, cluster.describe(expectedSql)));
    List<List<Object>> expected = cluster.query(expectedSql, params);
    assertEquals(5, expected.size());
    assertEquals(expected, merged);
  }

  @Test
  void orderBy_mergeSortedShards_equalsTheSingleDatabaseOrder() throws SQLException {
    List<String> orders = List.of("V NULLS FIRST, D DESC, ID", "DT DESC NULLS FIRST, ID DESC",
        "G, F DESC, ID", "D DESC, V NULLS LAST, ID");
    List<List<SortKey>> keys = List.of(
        List.of(new SortKey(1, false, NullOrder.FIRST), new SortKey(2, true, NullOrder.DEFAULT),
            new SortKey(0, false, NullOrder.DEFAULT)),
        List.of(new SortKey(3, true, NullOrder.FIRST), new SortKey(0, true, NullOrder.DEFAULT)),
        List.of(new SortKey(4, false, NullOrder.DEFAULT), new SortKey(5, true, NullOrder.DEFAULT),
            new SortKey(0, false, NullOrder.DEFAULT)),
        List.of(new SortKey(2, true, NullOrder.DEFAULT), new SortKey(1, false, NullOrder.LAST),
            new SortKey(0, false, NullOrder.DEFAULT)));
    for (int i = 0; i < orders.size(); i++) {
      String sql = "SELECT ID, V, D, DT, G, F FROM {T} ORDER BY " + orders.get(i);
      List<MergeStep> steps = List.of(new MergeStep.MergeSorted(keys.get(i)),
          new MergeStep.Limit(new MergeExpr.Literal(10L), new MergeExpr.Literal(300L)));
      List<List<Object>> merged = ListCursor.drain(
          MergePipeline.build(cluster.shardCursors(sql), steps, null, MergeDialect.H2, StringCollation.UTF16, null));
      assertEquals(cluster.query(sql + " OFFSET 10 ROWS FETCH NEXT 300 ROWS ONLY"), merged,
          orders.get(i));
    }
  }

  @Test
  void distinct_acrossShards_equalsTheSingleDatabaseResult() throws SQLException {
    String sql = "SELECT DISTINCT G2, G FROM {T}";
    List<List<Object>> merged = ListCursor.drain(MergePipeline.build(cluster.shardCursors(sql),
        List.of(new MergeStep.Distinct()), null, MergeDialect.H2, StringCollation.UTF16, null));
    assertEquals(ShardedH2.canonical(cluster.query(sql)), ShardedH2.canonical(merged));
  }

  @Test
  void hiddenSortColumn_isDroppedAfterTheMerge() throws SQLException {
    String shardSql = "SELECT ID, V, D FROM {T} ORDER BY D DESC, ID";
    List<MergeStep> steps = List.of(new MergeStep.MergeSorted(List.of(
        new SortKey(2, true, NullOrder.DEFAULT), new SortKey(0, false, NullOrder.DEFAULT))),
        new MergeStep.DropHiddenColumns(1));
    List<List<Object>> merged = ListCursor.drain(
        MergePipeline.build(cluster.shardCursors(shardSql), steps, null, MergeDialect.H2, StringCollation.UTF16, null));
    assertEquals(cluster.query("SELECT ID, V FROM {T} ORDER BY D DESC, ID"), merged);
  }
}
