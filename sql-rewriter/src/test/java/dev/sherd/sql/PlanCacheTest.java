package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.StatementPlan;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.api.Test;

class PlanCacheTest {

  private final Planner planner = new Planner(PlannerGoldenTest.cluster(), 10);

  @Test
  void sameText_samePlanInstance() throws SQLException {
    StatementPlan first = planner.plan("SELECT * FROM customers WHERE id = ?");
    assertSame(first, planner.plan("SELECT * FROM customers WHERE id = ?"));
    assertEquals(1, planner.cachedPlans());
  }

  @Test
  void differentText_evenOnlyWhitespace_isAnotherPlan() throws SQLException {
    StatementPlan a = planner.plan("SELECT * FROM customers WHERE id = ?");
    StatementPlan b = planner.plan("SELECT * FROM customers WHERE id =  ?");
    assertNotSame(a, b);
  }

  @Test
  void invalidateAll_forgetsEveryPlan() throws SQLException {
    StatementPlan first = planner.plan("SELECT * FROM orders");
    planner.plan("SELECT * FROM customers");
    planner.invalidateAll();
    assertEquals(0, planner.cachedPlans());
    StatementPlan again = planner.plan("SELECT * FROM orders");
    assertNotSame(first, again);
    assertSame(again, planner.plan("SELECT * FROM orders"));
  }

  @Test
  void cache_isBoundedByMaxPlans() throws SQLException {
    for (int i = 0; i < 100; i++) {
      planner.plan("SELECT * FROM customers WHERE id = " + i);
    }
    assertTrue(planner.cachedPlans() <= 10, planner.cachedPlans() + " plans cached");
  }

  @Test
  void refusedStatement_isRefusedEveryTime() {
    String sql = "INSERT INTO customers VALUES (7, 'a')";
    assertThrows(SQLFeatureNotSupportedException.class, () -> planner.plan(sql));
    assertThrows(SQLFeatureNotSupportedException.class, () -> planner.plan(sql));
  }

  @Test
  void scatterRefusal_isPartOfTheCachedPlanNotAPlanningFailure() throws SQLException {
    // STDDEV is fine on one shard: the plan is made and cached; only scattering it is refused.
    StatementPlan p = planner.plan("SELECT STDDEV(balance) FROM customers WHERE id = ?");
    assertSame(p, planner.plan("SELECT STDDEV(balance) FROM customers WHERE id = ?"));
  }

  @Test
  void explain_isCachedUnderItsOwnText() throws SQLException {
    StatementPlan inner = planner.plan("SELECT * FROM customers");
    ExplainPlan explain = (ExplainPlan) planner.plan("EXPLAIN SELECT * FROM customers");
    assertSame(explain, planner.plan("EXPLAIN SELECT * FROM customers"));
    assertEquals(inner.sql(), explain.inner().sql());
  }
}
