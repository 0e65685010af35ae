package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.JdbcValues;
import dev.sherd.sql.plan.MergeExpr;
import java.sql.SQLDataException;
import java.sql.SQLException;

/**
 * Evaluates a {@link MergeExpr} over a merged row and the statement's parameter values.
 *
 * <p>Design: a direct recursive interpreter — expressions are a handful of nodes (HAVING
 * predicates, expressions over aggregates), so there is nothing to compile. Semantics are SQL's:
 * NULL in, NULL out for arithmetic and comparisons; AND, OR and NOT use three-valued logic, with
 * {@code null} for UNKNOWN; arithmetic is typed by {@link SqlArithmetic}; comparisons compare by
 * value across numeric types through {@link ValueComparator}; AVG is {@link MergedAverage}. Values
 * of the wrong type are {@code 22018}. Immutable after construction; thread-safe if nobody changes
 * the parameter array.
 */
public final class ExpressionEvaluator {

  private final Object[] params;
  private final ValueComparator comparator;
  private final MergeDialect dialect;

  /**
   * @param params     the statement's parameter values, 0-based; may be null when it has none
   * @param comparator the order used by comparisons
   * @param dialect    the shard database's arithmetic rules
   */
  public ExpressionEvaluator(Object[] params, ValueComparator comparator, MergeDialect dialect) {
    this.params = params == null ? new Object[0] : params;
    this.comparator = comparator;
    this.dialect = dialect;
  }

  /** An evaluator with H2's arithmetic rules. */
  public ExpressionEvaluator(Object[] params, ValueComparator comparator) {
    this(params, comparator, MergeDialect.H2);
  }

  MergeDialect dialect() {
    return dialect;
  }

  /** The value of {@code expr} for {@code row}; a Boolean or null for a predicate. */
  public Object evaluate(MergeExpr expr, Object[] row) throws SQLException {
    if (expr instanceof MergeExpr.Ref ref) {
      return column(row, ref.index());
    } else if (expr instanceof MergeExpr.Literal literal) {
      return literal.value();
    } else if (expr instanceof MergeExpr.Param param) {
      if (param.index() < 0 || param.index() >= params.length) {
        throw new SQLException("parameter " + (param.index() + 1) + " is not set: the statement"
            + " has " + params.length + " parameter values", "07001");
      }
      return params[param.index()];
    } else if (expr instanceof MergeExpr.Avg avg) {
      return average(avg, row, null);
    } else if (expr instanceof MergeExpr.Arithmetic arithmetic) {
      Object left = evaluate(arithmetic.left(), row);
      Object right = left == null ? null : evaluate(arithmetic.right(), row);
      return right == null ? null : SqlArithmetic.apply(arithmetic.op(), left, right, dialect);
    } else if (expr instanceof MergeExpr.Negate negate) {
      Object v = evaluate(negate.operand(), row);
      return v == null ? null : SqlArithmetic.negate(v);
    } else if (expr instanceof MergeExpr.Compare compare) {
      return compare(compare, row);
    } else if (expr instanceof MergeExpr.Logical logical) {
      return logical(logical, row);
    } else if (expr instanceof MergeExpr.Not not) {
      Boolean v = truth(not.operand(), row);
      return v == null ? null : !v;
    } else if (expr instanceof MergeExpr.IsNull isNull) {
      return (evaluate(isNull.operand(), row) == null) != isNull.negated();
    }
    throw new SQLException("unsupported merge expression: " + expr);
  }

  /** Whether a predicate is TRUE for {@code row} (FALSE and UNKNOWN are not). */
  public boolean isTrue(MergeExpr predicate, Object[] row) throws SQLException {
    return Boolean.TRUE.equals(truth(predicate, row));
  }

  /** AVG computed in the type of {@code result}, the column the database reports (or null). */
  Object average(MergeExpr.Avg avg, Object[] row, ColumnInfo result) throws SQLException {
    return MergedAverage.compute(column(row, avg.sumIndex()), column(row, avg.countIndex()),
        result, dialect);
  }

  private Boolean compare(MergeExpr.Compare compare, Object[] row) throws SQLException {
    Object left = evaluate(compare.left(), row);
    Object right = left == null ? null : evaluate(compare.right(), row);
    if (right == null) {
      return null;
    }
    int c;
    try {
      c = comparator.compare(left, right);
    } catch (IncomparableValuesException e) {
      throw e.toSqlException();
    }
    return switch (compare.op()) {
      case "=" -> c == 0;
      case "<>", "!=" -> c != 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      default -> throw new SQLException("unsupported comparison operator '" + compare.op() + "'");
    };
  }

  private Boolean logical(MergeExpr.Logical logical, Object[] row) throws SQLException {
    Boolean result = logical.and();
    for (MergeExpr operand : logical.operands()) {
      Boolean v = truth(operand, row);
      if (v == null) {
        result = null;
      } else if (v != logical.and()) {
        return v; // FALSE decides an AND, TRUE decides an OR
      }
    }
    return result;
  }

  private Boolean truth(MergeExpr expr, Object[] row) throws SQLException {
    Object v = evaluate(expr, row);
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    throw new SQLDataException("expected a boolean but " + expr + " is "
        + JdbcValues.describe(v), "22018");
  }

  private static Object column(Object[] row, int index) throws SQLException {
    if (index < 0 || index >= row.length) {
      throw new SQLException("merge expression refers to column " + index + " (0-based) but the row"
          + " has " + row.length + " columns");
    }
    return row[index];
  }
}
