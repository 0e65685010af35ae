package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.JdbcValues;
import java.sql.SQLDataException;

/**
 * Two non-NULL values with no common SQL order (a string and a number, a date and a time). A
 * {@link ClassCastException}, as {@link java.util.Comparator} specifies, so it can leave a
 * comparator; cursors turn it into {@link SQLDataException} {@code 22018} at their boundary.
 */
final class IncomparableValuesException extends ClassCastException {

  IncomparableValuesException(Object left, Object right) {
    super("cannot compare " + JdbcValues.describe(left) + " with " + JdbcValues.describe(right));
  }

  SQLDataException toSqlException() {
    return new SQLDataException(getMessage(), "22018", this);
  }
}
