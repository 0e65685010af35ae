package dev.sherd.jdbc.merge;

import static dev.sherd.sql.plan.AggregateCall.Kind.COUNT;
import static dev.sherd.sql.plan.AggregateCall.Kind.COUNT_DISTINCT;
import static dev.sherd.sql.plan.AggregateCall.Kind.MAX;
import static dev.sherd.sql.plan.AggregateCall.Kind.MIN;
import static dev.sherd.sql.plan.AggregateCall.Kind.SUM;
import static dev.sherd.sql.plan.AggregateCall.Kind.SUM_DISTINCT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.ListCursor;
import dev.sherd.sql.plan.AggregateCall;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The essence of the product: per-shard partial aggregates, merged, must equal what one database
 * computes over all the rows — same values, same Java classes, same scales.
 */
class AggregateH2DifferentialTest {

  private static ShardedH2 cluster;

  @BeforeAll
  static void load() throws SQLException {
    cluster = new ShardedH2("aggregate_differential", 3000, 7);
  }

  @AfterAll
  static void drop() throws SQLException {
    cluster.close();
  }

  private static AggregateCall call(AggregateCall.Kind kind, int column) {
    return new AggregateCall(kind, column);
  }

  /** Merges the shards' answers to {@code shardSql} and checks them against {@code expectedSql}. */
  private static List<List<Object>> assertMergeEquals(String shardSql, List<MergeStep> steps,
      String expectedSql, boolean withTargets) throws SQLException {
    List<ColumnInfo> targets = withTargets ? cluster.describe(expectedSql) : null;
    List<List<Object>> merged = ListCursor.drain(MergePipeline.build(
        cluster.shardCursors(shardSql), steps, null, MergeDialect.H2, StringCollation.UTF16, targets));
    List<List<Object>> expected = cluster.query(expectedSql);
    assertEquals(ShardedH2.canonical(expected), ShardedH2.canonical(merged));
    return merged;
  }

  @Test
  void groupedPartials_mergeToTheSingleDatabaseResult() throws SQLException {
    String sql = "SELECT G, G2, COUNT(*), COUNT(I), SUM(I), MIN(I), MAX(I), SUM(B), SUM(D), MIN(D),"
        + " MAX(D), SUM(F), MIN(V), MAX(V), MIN(DT), MAX(DT) FROM {T} GROUP BY G, G2";
    List<AggregateCall> calls = List.of(call(COUNT, 2), call(COUNT, 3), call(SUM, 4),
        call(MIN, 5), call(MAX, 6), call(SUM, 7), call(SUM, 8), call(MIN, 9), call(MAX, 10),
        call(SUM, 11), call(MIN, 12), call(MAX, 13), call(MIN, 14), call(MAX, 15));
    List<List<Object>> merged = assertMergeEquals(sql,
        List.of(new MergeStep.Aggregate(new int[] {0, 1}, calls)), sql, true);
    assertTrue(merged.size() > 40, "only " + merged.size() + " groups");
    assertTrue(merged.stream().anyMatch(r -> r.get(0) == null && r.get(1) == null),
        "the NULL group is merged too");
  }

  @Test
  void groupedPartials_withoutTargetColumns_alreadyHaveTheDatabaseTypes() throws SQLException {
    String sql = "SELECT G, COUNT(*), SUM(I), MIN(I), SUM(B), SUM(D), MAX(D), MIN(V), MAX(DT)"
        + " FROM {T} GROUP BY G";
    List<AggregateCall> calls = List.of(call(COUNT, 1), call(SUM, 2), call(MIN, 3), call(SUM, 4),
        call(SUM, 5), call(MAX, 6), call(MIN, 7), call(MAX, 8));
    assertMergeEquals(sql, List.of(new MergeStep.Aggregate(new int[] {0}, calls)), sql, false);
  }

  @Test
  void ungroupedPartials_emitOneRow_evenFromEmptyShards() throws SQLException {
    for (String where : List.of("", " WHERE I > 900", " WHERE 1 = 0")) {
      String sql = "SELECT COUNT(*), COUNT(D), SUM(I), SUM(D), MIN(V), MAX(DT), SUM(F) FROM {T}"
          + where;
      List<AggregateCall> calls = List.of(call(COUNT, 0), call(COUNT, 1), call(SUM, 2),
          call(SUM, 3), call(MIN, 4), call(MAX, 5), call(SUM, 6));
      List<List<Object>> merged = assertMergeEquals(sql,
          List.of(new MergeStep.Aggregate(new int[0], calls)), sql, true);
      assertEquals(1, merged.size());
    }
  }

  @Test
  void distinctAggregates_mergeFromShardsGroupedByTheArgument() throws SQLException {
    assertMergeEquals("SELECT G, I FROM {T} GROUP BY G, I",
        List.of(new MergeStep.Aggregate(new int[] {0},
            List.of(call(COUNT_DISTINCT, 1), call(SUM_DISTINCT, 1)))),
        "SELECT G, COUNT(DISTINCT I), SUM(DISTINCT I) FROM {T} GROUP BY G", true);
    assertMergeEquals("SELECT G2, D FROM {T} GROUP BY G2, D",
        List.of(new MergeStep.Aggregate(new int[] {0},
            List.of(call(COUNT_DISTINCT, 1), call(SUM_DISTINCT, 1)))),
        "SELECT G2, COUNT(DISTINCT D), SUM(DISTINCT D) FROM {T} GROUP BY G2", false);
  }

  @Test
  void distinctAggregates_overNoRows_areZeroAndNull() throws SQLException {
    assertMergeEquals("SELECT I FROM {T} WHERE 1 = 0 GROUP BY I",
        List.of(new MergeStep.Aggregate(new int[0],
            List.of(call(COUNT_DISTINCT, 0), call(SUM_DISTINCT, 0)))),
        "SELECT COUNT(DISTINCT I), SUM(DISTINCT I) FROM {T} WHERE 1 = 0", true);
  }

  @Test
  void avg_fromSumAndCount_equalsTheDatabasesAvgInValueTypeAndScale() throws SQLException {
    List<MergeStep> steps = List.of(
        new MergeStep.Aggregate(new int[] {0}, List.of(call(SUM, 1), call(COUNT, 2), call(SUM, 3),
            call(COUNT, 4), call(SUM, 5), call(COUNT, 6))),
        new MergeStep.Project(List.of(new MergeExpr.Ref(0), new MergeExpr.Avg(1, 2),
            new MergeExpr.Avg(3, 4), new MergeExpr.Avg(5, 6))));
    List<List<Object>> merged = assertMergeEquals(
        "SELECT G, SUM(I), COUNT(I), SUM(D), COUNT(D), SUM(F), COUNT(F) FROM {T} GROUP BY G",
        steps, "SELECT G, AVG(I), AVG(D), AVG(F) FROM {T} GROUP BY G", true);
    assertEquals(12, ((BigDecimal) merged.get(0).get(2)).scale());
  }

  @Test
  void avg_withoutTargetColumns_matchesForIntegerAndDecimalArguments() throws SQLException {
    List<MergeStep> steps = List.of(
        new MergeStep.Aggregate(new int[] {0}, List.of(call(SUM, 1), call(COUNT, 2), call(SUM, 3),
            call(COUNT, 4))),
        new MergeStep.Project(List.of(new MergeExpr.Ref(0), new MergeExpr.Avg(1, 2),
            new MergeExpr.Avg(3, 4))));
    assertMergeEquals("SELECT G2, SUM(I), COUNT(I), SUM(D), COUNT(D) FROM {T} GROUP BY G2",
        steps, "SELECT G2, AVG(I), AVG(D) FROM {T} GROUP BY G2", false);
  }

  @Test
  void avg_roundsExactlyLikeTheDatabaseOnTies() throws SQLException {
    try (ShardedH2 ties = new ShardedH2("avg_ties", "(K INT, X DECIMAL(12,2), Y DOUBLE)")) {
      // K 1..4: AVG of 2048 values summing to 0.01, 0.03, -0.01, -0.03 — exact quotients with a 5
      // in the 13th decimal, where HALF_UP, HALF_EVEN and HALF_DOWN disagree. K 5: 5.00 / 3.
      String[] sums = {"0.01", "0.03", "-0.01", "-0.03"};
      int shard = 0;
      for (int k = 1; k <= 4; k++) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2047; i++) {
          rows.add(new Object[] {k, BigDecimal.ZERO.setScale(2), 0.0});
        }
        rows.add(new Object[] {k, new BigDecimal(sums[k - 1]), 1.0});
        for (Object[] row : rows) {
          ties.insert(shard++ % ShardedH2.SHARDS, row);
        }
      }
      ties.insert(0, 5, new BigDecimal("1.00"), 1.0);
      ties.insert(1, 5, new BigDecimal("2.00"), 1.0);
      ties.insert(3, 5, new BigDecimal("2.00"), 2.0);
      List<MergeStep> steps = List.of(
          new MergeStep.Aggregate(new int[] {0}, List.of(call(SUM, 1), call(COUNT, 2),
              call(SUM, 3), call(COUNT, 4))),
          new MergeStep.Project(List.of(new MergeExpr.Ref(0), new MergeExpr.Avg(1, 2),
              new MergeExpr.Avg(3, 4))));
      String shardSql = "SELECT K, SUM(X), COUNT(X), SUM(Y), COUNT(Y) FROM {T} GROUP BY K";
      String expectedSql = "SELECT K, AVG(X), AVG(Y) FROM {T} GROUP BY K ORDER BY K";
      List<List<Object>> merged = ListCursor.drain(MergePipeline.build(
          ties.shardCursors(shardSql), steps, null, MergeDialect.H2, StringCollation.UTF16, ties.describe(expectedSql)));
      List<List<Object>> expected = ties.query(expectedSql);
      assertEquals(ShardedH2.canonical(expected), ShardedH2.canonical(merged));
      assertEquals(new BigDecimal("0.000004882812"), expected.get(0).get(1)); // HALF_DOWN
      assertEquals(new BigDecimal("0.000014648437"), expected.get(1).get(1)); // not HALF_EVEN
      assertEquals(new BigDecimal("1.666666666667"), expected.get(4).get(1));
      assertEquals(new BigDecimal("1.33333333333333333333333333"), expected.get(4).get(2));
    }
  }
}
