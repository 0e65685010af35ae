package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.MergeExpr;
import java.sql.SQLException;
import java.util.List;

/**
 * Replaces each row by the values of a list of expressions. Streams, into one reused row.
 *
 * <p>When the columns the database reports for the result are known, the first of them coerce the
 * computed values to their Java class and scale ({@link ColumnCoercion}) and an AVG is computed
 * directly in its column's type ({@link MergedAverage}), so merged values are indistinguishable from
 * one database's; further columns (hidden ones the plan drops later) stay as computed. Not
 * thread-safe.
 */
final class ProjectCursor implements RowCursor {

  private final RowCursor source;
  private final MergeExpr[] expressions;
  private final ExpressionEvaluator evaluator;
  private final ColumnCoercion[] coercions;
  private final Object[] row;

  /**
   * @param targets the columns the database reports for the first outputs, or null when unknown
   */
  ProjectCursor(RowCursor source, List<MergeExpr> expressions, ExpressionEvaluator evaluator,
      List<ColumnInfo> targets) {
    this.source = source;
    this.expressions = expressions.toArray(new MergeExpr[0]);
    this.evaluator = evaluator;
    this.coercions = new ColumnCoercion[this.expressions.length];
    if (targets != null) {
      for (int i = 0; i < Math.min(targets.size(), coercions.length); i++) {
        coercions[i] = new ColumnCoercion(targets.get(i), evaluator.dialect());
      }
    }
    this.row = new Object[this.expressions.length];
  }

  @Override public boolean next() throws SQLException {
    if (!source.next()) {
      return false;
    }
    Object[] input = source.row();
    for (int i = 0; i < expressions.length; i++) {
      ColumnCoercion coercion = coercions[i];
      if (coercion == null) {
        row[i] = evaluator.evaluate(expressions[i], input);
      } else if (expressions[i] instanceof MergeExpr.Avg avg) {
        row[i] = coercion.coerce(evaluator.average(avg, input, coercion.column()));
      } else {
        row[i] = coercion.coerce(evaluator.evaluate(expressions[i], input));
      }
    }
    return true;
  }

  @Override public Object[] row() {
    return row;
  }

  @Override public int width() {
    return row.length;
  }

  @Override public void close() throws SQLException {
    source.close();
  }
}
