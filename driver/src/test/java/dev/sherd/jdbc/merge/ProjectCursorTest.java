package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.Columns;
import dev.sherd.jdbc.result.ListCursor;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeExpr.Arithmetic;
import dev.sherd.sql.plan.MergeExpr.Avg;
import dev.sherd.sql.plan.MergeExpr.Ref;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectCursorTest {

  private static final ExpressionEvaluator EVALUATOR =
      new ExpressionEvaluator(null, new ValueComparator(true));

  private static List<List<Object>> project(ListCursor input, List<MergeExpr> expressions,
      List<ColumnInfo> targets) throws SQLException {
    return ListCursor.drain(new ProjectCursor(input, expressions, EVALUATOR, targets));
  }

  @Test
  void project_withoutTargets_keepsComputedTypes() throws SQLException {
    List<List<Object>> rows = project(ListCursor.of(2, new Object[] {6L, 4L}),
        List.of(new Ref(1), new Arithmetic('*', new Ref(0), new Ref(1)), new Avg(0, 1)), null);
    assertEquals(List.of(List.of(4L, 24L, 1.5d)), rows);
  }

  @Test
  void project_withTargets_coercesToTheReportedClassAndScale() throws SQLException {
    List<ColumnInfo> targets = List.of(Columns.integer("I"), Columns.numeric("N", 10, 2),
        Columns.decfloat("F", 27), Columns.doublePrecision("D"));
    Object[] row = {5L, new BigDecimal("1.125"), new BigDecimal("4.00"), 3L};
    List<List<Object>> rows = project(ListCursor.of(4, row),
        List.of(new Ref(0), new Ref(1), new Ref(2), new Ref(3), new Ref(0)), targets);
    // 1.125 to scale 2 rounds HALF_DOWN, as H2 rounds a NUMERIC quotient to its result scale
    assertEquals(List.of(List.of(5, new BigDecimal("1.12"), new BigDecimal("4"), 3.0d, 5L)), rows);
  }

  @Test
  void avg_withTarget_isComputedInTheTargetType() throws SQLException {
    List<ColumnInfo> targets = List.of(Columns.numeric("A", 22, 12), Columns.decfloat("B", 27),
        Columns.doublePrecision("C"));
    Object[] row = {new BigDecimal("5.00"), 3L, new BigDecimal("4"), 3L, 5L};
    List<List<Object>> rows = project(ListCursor.of(5, row),
        List.of(new Avg(0, 1), new Avg(2, 3), new Avg(4, 1)), targets);
    assertEquals(List.of(List.of(new BigDecimal("1.666666666667"),
        new BigDecimal("1.33333333333333333333333333"), 5.0d / 3)), rows);
  }

  @Test
  void avg_ofNoRows_isNullWhateverTheTarget() throws SQLException {
    List<List<Object>> rows = project(ListCursor.of(2, new Object[] {null, 0L}),
        List.of(new Avg(0, 1)), List.of(Columns.numeric("A", 22, 12)));
    assertEquals(List.of(Arrays.asList((Object) null)), rows);
  }
}
