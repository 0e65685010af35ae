package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.MergeExpr;
import java.sql.SQLException;

/** Keeps the rows for which a predicate is TRUE (HAVING). Streams. Not thread-safe. */
final class FilterCursor implements RowCursor {

  private final RowCursor source;
  private final MergeExpr predicate;
  private final ExpressionEvaluator evaluator;

  FilterCursor(RowCursor source, MergeExpr predicate, ExpressionEvaluator evaluator) {
    this.source = source;
    this.predicate = predicate;
    this.evaluator = evaluator;
  }

  @Override public boolean next() throws SQLException {
    while (source.next()) {
      if (evaluator.isTrue(predicate, source.row())) {
        return true;
      }
    }
    return false;
  }

  @Override public Object[] row() {
    return source.row();
  }

  @Override public int width() {
    return source.width();
  }

  @Override public void close() throws SQLException {
    source.close();
  }
}
