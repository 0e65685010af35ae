package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ?} markers of rewritten SQL must be bound to the right original parameters: Calcite
 * reorders {@code LIMIT ? OFFSET ?} and duplicates the operand of {@code CASE ? WHEN}, and the
 * per-shard fetch of a paged scatter is a computed value. These tests bind values the way the driver
 * does (position by position through {@link ShardSql#parameters()}) and read the SQL each shard
 * would effectively run.
 */
class ParameterMappingTest {

  private final ClusterConfig config = PlannerGoldenTest.cluster();
  private final Planner planner = new Planner(config, 100);

  @Test
  void limitOffsetParameters_reorderedByCalcite_perShardFetchIsOffsetPlusLimit() throws SQLException {
    QueryPlan q = query("SELECT id, name FROM customers ORDER BY name LIMIT ? OFFSET ?");
    Object[] params = {10L, 20L};
    assertEquals("(?2 + ?1)", PlanDescriber.params(q.scatter().parameters()));
    assertEquals("SELECT id, name FROM customers ORDER BY name FETCH NEXT 30 ROWS ONLY",
        effective(q.scatter(), params));
    MergeStep.Limit limit = (MergeStep.Limit) q.mergeSteps().get(1);
    assertEquals(20L, value(limit.offset(), params), "the merge skips the OFFSET value once");
    assertEquals(10L, value(limit.fetch(), params), "and keeps the LIMIT value");
  }

  @Test
  void offsetFetchParameters_afterWhereParameter_keepTheirOrder() throws SQLException {
    QueryPlan q = query("SELECT id FROM customers WHERE name = ? ORDER BY name"
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
    assertEquals("?1, (?2 + ?3)", PlanDescriber.params(q.scatter().parameters()));
    assertEquals("SELECT id, name FROM customers WHERE name = 'bob' ORDER BY name"
        + " FETCH NEXT 15 ROWS ONLY", effective(q.scatter(), new Object[] {"bob", 5L, 10L}));
  }

  @Test
  void mysqlLimitOffsetCommaCount_offsetIsTheFirstParameter() throws SQLException {
    QueryPlan q = query("SELECT id FROM customers WHERE name = ? ORDER BY name LIMIT ?, ?");
    Object[] params = {"bob", 5L, 10L};
    assertEquals("SELECT id, name FROM customers WHERE name = 'bob' ORDER BY name"
        + " FETCH NEXT 15 ROWS ONLY", effective(q.scatter(), params));
    MergeStep.Limit limit = (MergeStep.Limit) q.mergeSteps().get(1);
    assertEquals(5L, value(limit.offset(), params));
    assertEquals(10L, value(limit.fetch(), params));
  }

  @Test
  void literalLimitWithParameterOffset_computedFromBoth() throws SQLException {
    QueryPlan q = query("SELECT id FROM customers WHERE name = ? ORDER BY name LIMIT 10 OFFSET ?");
    assertEquals("SELECT id, name FROM customers WHERE name = 'x' ORDER BY name"
        + " FETCH NEXT 17 ROWS ONLY", effective(q.scatter(), new Object[] {"x", 7L}));
  }

  @Test
  void betweenParametersThenPaging_allFourInPlace() throws SQLException {
    QueryPlan q = query("SELECT name FROM customers WHERE id BETWEEN ? AND ?"
        + " ORDER BY name DESC LIMIT ? OFFSET ?");
    assertEquals("?1, ?2, (?4 + ?3)", PlanDescriber.params(q.scatter().parameters()));
    assertEquals("SELECT name FROM customers WHERE id BETWEEN ASYMMETRIC 1 AND 2"
        + " ORDER BY name DESC FETCH NEXT 7 ROWS ONLY",
        effective(q.scatter(), new Object[] {1L, 2L, 3L, 4L}));
  }

  @Test
  void caseOperandParameter_duplicatedByUnparse_boundTwiceToTheSameValue() throws SQLException {
    QueryPlan q = query("SELECT CASE ? WHEN 1 THEN 'a' WHEN 2 THEN 'b' END AS k, name"
        + " FROM customers WHERE name <> ? ORDER BY name LIMIT ? OFFSET ?");
    assertEquals("?1, ?1, ?2, (?4 + ?3)", PlanDescriber.params(q.scatter().parameters()));
    assertEquals("SELECT CASE WHEN 2 = 1 THEN 'a' WHEN 2 = 2 THEN 'b' ELSE NULL END AS k, name"
        + " FROM customers WHERE name <> 'z' ORDER BY name FETCH NEXT 7 ROWS ONLY",
        effective(q.scatter(), new Object[] {2L, "z", 3L, 4L}));
  }

  @Test
  void aggregateScatter_sendsOnlyWhereParameters_mergeUsesTheOthers() throws SQLException {
    QueryPlan q = query("SELECT country, COUNT(*) FROM customers WHERE name LIKE ? GROUP BY country"
        + " HAVING COUNT(*) > ? ORDER BY 2 DESC LIMIT ? OFFSET ?");
    assertEquals("?1", PlanDescriber.params(q.scatter().parameters()));
    assertEquals("SELECT country, COUNT(*) FROM customers WHERE name LIKE 'a%' GROUP BY country",
        effective(q.scatter(), new Object[] {"a%", 1L, 2L, 3L}));
    assertEquals(new MergeStep.Filter(new MergeExpr.Compare(">", new MergeExpr.Ref(1),
        new MergeExpr.Param(1))), q.mergeSteps().get(1));
    assertEquals(new MergeStep.Limit(new MergeExpr.Param(3), new MergeExpr.Param(2)),
        q.mergeSteps().get(4));
  }

  @Test
  void directSql_bindsVerbatim() throws SQLException {
    QueryPlan q = query("SELECT * FROM customers WHERE name = ? ORDER BY name LIMIT ? OFFSET ?");
    assertTrue(q.direct().bindsVerbatim());
    assertFalse(q.scatter().bindsVerbatim());
  }

  @Test
  void multiRowInsert_eachShardGetsItsRowsParameters() throws SQLException {
    InsertPlan i = (InsertPlan) planner.plan(
        "INSERT INTO customers (name, id) VALUES (?, ?), (?, ?), (?, ?), (?, ?)");
    Object[] params = {"a", 1L, "b", 2L, "c", 3L, "d", 4L};
    assertEquals(List.of(0, 1, 0, 3), List.of(i.shardOfRow(0, params), i.shardOfRow(1, params),
        i.shardOfRow(2, params), i.shardOfRow(3, params)));
    assertEquals("INSERT INTO customers (name, id) VALUES ('a', 1), ('c', 3)",
        effective(i.sqlForRows(new int[] {0, 2}), params));
    assertEquals("INSERT INTO customers (name, id) VALUES ('d', 4)",
        effective(i.sqlForRows(new int[] {3}), params));
  }

  @Test
  void multiRowInsert_literalRowsBetweenParameterRows() throws SQLException {
    InsertPlan i = (InsertPlan) planner.plan(
        "INSERT INTO customers (id, name) VALUES (?, 'x'), (4, ?), (?, ?)");
    ShardSql s = i.sqlForRows(new int[] {1, 2});
    assertEquals("?2, ?3, ?4", PlanDescriber.params(s.parameters()));
    assertEquals("INSERT INTO customers (id, name) VALUES (4, 'p2'), (9, 'p4')",
        effective(s, new Object[] {1L, "p2", 9L, "p4"}));
  }

  /** Values travel only as bindings: the SQL text of a plan never holds them. */
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT * FROM customers WHERE id = ? AND name = ?",
      "SELECT id, name FROM customers WHERE name = ? ORDER BY UPPER(name) LIMIT ? OFFSET ?",
      "SELECT country, COUNT(*) + ? FROM customers WHERE name = ? GROUP BY country HAVING MAX(name) > ?",
      "UPDATE customers SET name = ? WHERE name = ?",
      "INSERT INTO customers (id, name) VALUES (?, ?), (?, ?)",
      "DELETE FROM orders WHERE customer_id = ? OR note = ?"})
  void parameterValues_neverAppearInShardSql(String sql) throws SQLException {
    StatementPlan plan = planner.plan(sql);
    Object[] params = new Object[plan.parameterCount()];
    for (int k = 0; k < params.length; k++) {
      params[k] = k % 2 == 0 ? (Object) (1_000_000_007L + k) : "MARKER_" + k;
    }
    List<ShardSql> all = new ArrayList<>();
    if (plan instanceof QueryPlan q) {
      all.add(q.direct());
      if (q.scatterRefusal() == null) {
        all.add(q.scatter());
      }
    } else if (plan instanceof InsertPlan i) {
      all.add(i.direct());
      all.add(i.sqlForRows(new int[] {0}));
      all.add(i.sqlForRows(new int[] {1}));
    } else if (plan instanceof WritePlan w) {
      all.add(w.statement());
    }
    for (ShardSql s : all) {
      for (Object p : params) {
        assertFalse(s.sql().contains(String.valueOf(p)), p + " pasted into " + s.sql());
      }
      assertEquals(SqlTokenizer.countParameters(SqlTokenizer.tokenize(s.sql())),
          s.parameters().size(), "one binding per ? in " + s.sql());
    }
    assertSame(plan, planner.plan(sql), "the plan depends on the text only, not on values");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private QueryPlan query(String sql) throws SQLException {
    return (QueryPlan) planner.plan(sql);
  }

  /** The value a binding takes for these original parameter values. */
  private static Object value(MergeExpr e, Object[] params) {
    if (e instanceof MergeExpr.Param p) {
      return params[p.index()];
    }
    if (e instanceof MergeExpr.Literal l) {
      return l.value();
    }
    if (e instanceof MergeExpr.Arithmetic a && a.op() == '+') {
      return ((Number) value(a.left(), params)).longValue()
          + ((Number) value(a.right(), params)).longValue();
    }
    throw new AssertionError("unexpected binding " + e);
  }

  /** The shard SQL with each ? replaced by its bound value as a literal: what the shard runs. */
  private static String effective(ShardSql s, Object[] params) {
    List<String> literals = new ArrayList<>();
    for (MergeExpr e : s.parameters()) {
      Object v = value(e, params);
      literals.add(v instanceof String str ? "'" + str.replace("'", "''") + "'" : String.valueOf(v));
    }
    StringBuilder out = new StringBuilder();
    String sql = PlanDescriber.oneLine(s.sql());
    int next = 0;
    int copied = 0;
    for (SqlToken t : SqlTokenizer.tokenize(sql)) {
      if (t.type() == SqlToken.Type.PARAM) {
        out.append(sql, copied, t.start()).append(literals.get(next++));
        copied = t.end();
      }
    }
    out.append(sql.substring(copied));
    assertEquals(literals.size(), next, "bindings left over for " + sql);
    return out.toString();
  }
}
