package dev.sherd.sql.plan;

import java.util.List;

/**
 * A scalar expression evaluated by the merge layer over a merged row (HAVING, expressions over
 * aggregates, ORDER BY keys after aggregation). Deliberately small: anything the rewriter cannot
 * express here is refused rather than approximated.
 *
 * <p>Typing follows SQL: integer op integer stays integer (division truncates toward zero),
 * any DECIMAL operand makes the result DECIMAL, any floating operand makes it DOUBLE; NULL in, NULL
 * out; comparisons and boolean connectives use three-valued logic ({@code null} is UNKNOWN).
 */
public sealed interface MergeExpr {

  /** The value of column {@code index} (0-based) of the merged row. */
  record Ref(int index) implements MergeExpr {}

  /**
   * {@code CAST(operand AS typeName)} of a literal or parameter compared with a sharding key (as
   * query builders write {@code id = CAST(? AS BIGINT)}); used for routing only.
   */
  record Cast(MergeExpr operand, String typeName) implements MergeExpr {}

  /** A constant from the SQL text (Long, BigDecimal, Double, String, Boolean or null). */
  record Literal(Object value) implements MergeExpr {}

  /** The value bound to dynamic parameter {@code index} (0-based, in the original statement). */
  record Param(int index) implements MergeExpr {}

  /** AVG merged from a SUM and a COUNT column of the merged row; NULL when the count is 0. */
  record Avg(int sumIndex, int countIndex) implements MergeExpr {}

  /** Arithmetic: {@code + - * / %}. */
  record Arithmetic(char op, MergeExpr left, MergeExpr right) implements MergeExpr {}

  /** Unary minus. */
  record Negate(MergeExpr operand) implements MergeExpr {}

  /** Comparison: one of {@code = <> < <= > >=}. */
  record Compare(String op, MergeExpr left, MergeExpr right) implements MergeExpr {}

  /** AND / OR over two or more operands. */
  record Logical(boolean and, List<MergeExpr> operands) implements MergeExpr {}

  /** NOT. */
  record Not(MergeExpr operand) implements MergeExpr {}

  /** IS NULL, or IS NOT NULL when {@code negated}. */
  record IsNull(MergeExpr operand, boolean negated) implements MergeExpr {}
}
