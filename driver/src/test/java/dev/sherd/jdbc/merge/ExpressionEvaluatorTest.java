package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeExpr.Arithmetic;
import dev.sherd.sql.plan.MergeExpr.Avg;
import dev.sherd.sql.plan.MergeExpr.Compare;
import dev.sherd.sql.plan.MergeExpr.IsNull;
import dev.sherd.sql.plan.MergeExpr.Literal;
import dev.sherd.sql.plan.MergeExpr.Logical;
import dev.sherd.sql.plan.MergeExpr.Negate;
import dev.sherd.sql.plan.MergeExpr.Not;
import dev.sherd.sql.plan.MergeExpr.Param;
import dev.sherd.sql.plan.MergeExpr.Ref;
import java.math.BigDecimal;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionEvaluatorTest {

  private static final Object[] NO_ROW = new Object[0];
  private final ExpressionEvaluator evaluator =
      new ExpressionEvaluator(new Object[] {5L, null, "x"}, new ValueComparator(true));

  private Object eval(MergeExpr expr) throws SQLException {
    return evaluator.evaluate(expr, NO_ROW);
  }

  private static MergeExpr lit(Object v) {
    return new Literal(v);
  }

  private static MergeExpr op(char op, Object left, Object right) {
    return new Arithmetic(op, lit(left), lit(right));
  }

  @Test
  void arithmetic_integersStayIntegersAndDivisionTruncatesTowardZero() throws SQLException {
    assertEquals(7L, eval(op('+', 3, 4L)));
    assertEquals(-3L, eval(op('/', -7L, 2)));
    assertEquals(3L, eval(op('/', 7, 2L)));
    assertEquals(-1L, eval(op('%', -7L, 3L)));
    assertEquals(12L, eval(op('*', (short) 3, 4)));
  }

  @Test
  void arithmetic_anyDecimalGivesDecimal() throws SQLException {
    assertEquals(new BigDecimal("3.50"), eval(op('+', new BigDecimal("1.50"), 2L)));
    assertEquals(new BigDecimal("2.50"), eval(op('/', new BigDecimal("10.00"), 4L)));
    // 100 significant digits: enough for any result scale, rounded once by the column coercion
    assertEquals(new BigDecimal("0." + "3".repeat(100)), eval(op('/', BigDecimal.ONE, 3L)));
    assertEquals(new BigDecimal("3.000"), eval(op('*', new BigDecimal("1.5"),
        new BigDecimal("2.00"))));
  }

  @Test
  void arithmetic_anyFloatingGivesDouble() throws SQLException {
    assertEquals(2.5d, eval(op('/', 5L, 2.0d)));
    assertEquals(3.0d, eval(op('+', 1.5f, new BigDecimal("1.5"))));
  }

  @Test
  void arithmetic_divisionByZero_fails22012() {
    for (MergeExpr expr : List.of(op('/', 1L, 0L), op('/', BigDecimal.ONE, BigDecimal.ZERO),
        op('/', 1.0d, 0L), op('%', 1L, 0))) {
      SQLDataException e = assertThrows(SQLDataException.class, () -> eval(expr), expr.toString());
      assertEquals("22012", e.getSQLState());
      assertTrue(e.getMessage().startsWith("division by zero"), e.getMessage());
    }
  }

  @Test
  void arithmetic_integerOverflow_fails22003() {
    for (MergeExpr expr : List.of(op('+', Long.MAX_VALUE, 1L), op('*', Long.MIN_VALUE, 2L),
        op('/', Long.MIN_VALUE, -1L), new Negate(lit(Long.MIN_VALUE)))) {
      assertEquals("22003", assertThrows(SQLDataException.class, () -> eval(expr)).getSQLState());
    }
  }

  @Test
  void arithmetic_nullOperand_givesNull() throws SQLException {
    assertNull(eval(op('+', null, 1L)));
    assertNull(eval(op('/', 1L, null)));
    assertNull(eval(op('/', null, 0L)));
    assertNull(eval(new Negate(lit(null))));
  }

  @Test
  void arithmetic_onText_fails22018() {
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> eval(op('+', "1", 1L))).getSQLState());
  }

  @Test
  void negate_keepsType() throws SQLException {
    assertEquals(-5L, eval(new Negate(lit(5))));
    assertEquals(new BigDecimal("-1.50"), eval(new Negate(lit(new BigDecimal("1.50")))));
    assertEquals(-2.5d, eval(new Negate(lit(2.5f))));
  }

  @Test
  void compare_mixedNumericTypesByValue() throws SQLException {
    assertEquals(true, eval(new Compare("=", lit(1L), lit(new BigDecimal("1.00")))));
    assertEquals(true, eval(new Compare(">", lit(2), lit(1.5d))));
    assertEquals(false, eval(new Compare("<>", lit(3), lit(3L))));
    assertEquals(true, eval(new Compare("<=", lit("a"), lit("b"))));
    assertNull(eval(new Compare("=", lit(null), lit(1L))));
    assertNull(eval(new Compare(">=", lit(1L), lit(null))));
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> eval(new Compare("=", lit("1"), lit(1L)))).getSQLState());
  }

  @Test
  void logical_usesThreeValuedLogic() throws SQLException {
    Boolean[] values = {true, false, null};
    for (Boolean a : values) {
      for (Boolean b : values) {
        Object and = eval(new Logical(true, List.of(lit(a), lit(b))));
        Object or = eval(new Logical(false, List.of(lit(a), lit(b))));
        Boolean expectedAnd = Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE
            : a == null || b == null ? null : Boolean.TRUE;
        Boolean expectedOr = Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? Boolean.TRUE
            : a == null || b == null ? null : Boolean.FALSE;
        assertEquals(expectedAnd, and, a + " AND " + b);
        assertEquals(expectedOr, or, a + " OR " + b);
      }
      assertEquals(a == null ? null : !a, eval(new Not(lit(a))));
    }
    assertEquals(false, eval(new Logical(true, List.of(lit(true), lit(null), lit(false)))));
  }

  @Test
  void logical_nonBooleanOperand_fails22018() {
    assertEquals("22018", assertThrows(SQLDataException.class,
        () -> eval(new Logical(true, List.of(lit(true), lit(1L))))).getSQLState());
  }

  @Test
  void isTrue_isFalseForUnknown() throws SQLException {
    assertTrue(evaluator.isTrue(lit(true), NO_ROW));
    assertFalse(evaluator.isTrue(lit(null), NO_ROW));
    assertFalse(evaluator.isTrue(new Compare(">", lit(null), lit(1L)), NO_ROW));
  }

  @Test
  void isNull_andRefsAndParams() throws SQLException {
    Object[] row = {null, 7L};
    assertEquals(true, evaluator.evaluate(new IsNull(new Ref(0), false), row));
    assertEquals(true, evaluator.evaluate(new IsNull(new Ref(1), true), row));
    assertEquals(12L, evaluator.evaluate(new Arithmetic('+', new Ref(1), new Param(0)), row));
    assertNull(eval(new Param(1)));
    SQLException missing = assertThrows(SQLException.class, () -> eval(new Param(3)));
    assertEquals("07001", missing.getSQLState());
    assertThrows(SQLException.class, () -> evaluator.evaluate(new Ref(2), row));
  }

  @Test
  void avg_typesFollowTheSum() throws SQLException {
    assertEquals(2.5d, evaluator.evaluate(new Avg(0, 1), new Object[] {5L, 2L}));
    assertEquals(new BigDecimal("1.666666666667"),
        evaluator.evaluate(new Avg(0, 1), new Object[] {new BigDecimal("5.00"), 3L}));
    assertEquals(0.5d, evaluator.evaluate(new Avg(0, 1), new Object[] {1.0d, 2L}));
    assertNull(evaluator.evaluate(new Avg(0, 1), new Object[] {null, 0L}));
    assertNull(evaluator.evaluate(new Avg(0, 1), new Object[] {0L, 0L}));
    assertNull(evaluator.evaluate(new Avg(0, 1), new Object[] {null, 3L}));
  }

  @Test
  void avg_decimalRoundsHalfDown() throws SQLException {
    Object[] tie = {new BigDecimal("0.01"), 2048L}; // exactly 0.0000048828125
    assertEquals(new BigDecimal("0.000004882812"), evaluator.evaluate(new Avg(0, 1), tie));
    Object[] negative = {new BigDecimal("-0.03"), 2048L};
    assertEquals(new BigDecimal("-0.000014648437"), evaluator.evaluate(new Avg(0, 1), negative));
  }
}
