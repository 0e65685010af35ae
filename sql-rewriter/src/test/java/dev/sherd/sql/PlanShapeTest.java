package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.Refusals;
import dev.sherd.sql.plan.SortKey;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plan objects as the driver consumes them: hidden sort columns, refusals, per-row routing. */
class PlanShapeTest {

  private final Planner planner = new Planner(PlannerGoldenTest.cluster(), 100);

  @Test
  void mergeSteps_resolveHiddenSortColumnsAgainstTheShardRowWidth() throws SQLException {
    QueryPlan q = (QueryPlan) planner.plan("SELECT * FROM customers ORDER BY name DESC, id");
    assertEquals(2, q.hiddenColumns());
    // customers has, say, 5 columns: * then the hidden name and id are columns 5 and 6 (0-based).
    List<MergeStep> steps = q.mergeSteps(7);
    assertEquals(new MergeStep.MergeSorted(List.of(
        new SortKey(5, true, SortKey.NullOrder.DEFAULT),
        new SortKey(6, false, SortKey.NullOrder.DEFAULT))), steps.get(0));
    assertEquals(new MergeStep.DropHiddenColumns(2), steps.get(steps.size() - 1));
  }

  @Test
  void mergeSteps_withoutHiddenColumns_areThePlannedOnes() throws SQLException {
    QueryPlan q = (QueryPlan) planner.plan("SELECT id, name FROM customers ORDER BY name");
    assertEquals(q.mergeSteps(), q.mergeSteps(2));
  }

  @Test
  void scatter_refusalIsA0A000NamingTheConstruct() throws SQLException {
    QueryPlan q = (QueryPlan) planner.plan("SELECT STDDEV(balance) FROM customers");
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
        q::scatter);
    assertEquals(Refusals.SQLSTATE, e.getSQLState());
    assertTrue(e.getMessage().startsWith("not supported across shards: aggregate STDDEV"),
        e.getMessage());
  }

  @Test
  void broadcastOnlyQuery_hasNoScatterPlan() throws SQLException {
    QueryPlan q = (QueryPlan) planner.plan("SELECT * FROM countries");
    assertEquals("statement reads no sharded table", q.scatterRefusal());
  }

  @Test
  void aggregatedPlans_saySo() throws SQLException {
    assertTrue(((QueryPlan) planner.plan("SELECT country, COUNT(*) FROM customers GROUP BY country"))
        .aggregated());
    QueryPlan pushed = (QueryPlan) planner.plan("SELECT id, COUNT(*) FROM customers GROUP BY id");
    assertEquals(false, pushed.aggregated());
    assertNull(pushed.scatterRefusal());
  }

  /**
   * Regression: a row whose key the range function cannot place escapes as IllegalArgumentException; the
   * driver hands it to the application unchanged. It must be a SQLException (a data exception, as
   * one database would raise for 'garbage' in a TIMESTAMP column).
   */
  @Test
  void insertRowKeyNotComparableWithRangeBounds_isASqlException() throws SQLException {
    InsertPlan i = (InsertPlan) planner.plan("INSERT INTO events (id, at) VALUES (1, 'garbage')");
    assertThrows(SQLException.class, () -> i.shardOfRow(0, new Object[0]));
  }
}
