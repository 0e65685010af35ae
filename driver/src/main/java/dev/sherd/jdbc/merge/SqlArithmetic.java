package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.JdbcValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;

/**
 * SQL arithmetic on non-NULL numbers, typed as SQL types it: integer op integer is a BIGINT (Long)
 * and division truncates toward zero; any DECIMAL operand (BigDecimal, BigInteger) makes the result
 * a BigDecimal; any floating operand (Double, Float) makes it a Double. Overflow of an integer result
 * is {@code 22003} and division or modulus by zero is {@code 22012}, never a silent wrap or
 * infinity. A DECIMAL quotient is computed as the shard database computes it
 * ({@link MergeDialect#divide}); MySQL's integer division gives a DECIMAL too. Thread-safe: stateless.
 */
final class SqlArithmetic {

  private enum Kind { INTEGER, DECIMAL, FLOATING }

  private SqlArithmetic() {}

  /** {@code a op b} for op one of {@code + - * / %}, following {@code dialect}'s division rules. */
  static Object apply(char op, Object a, Object b, MergeDialect dialect) throws SQLException {
    Kind left = kind(op, a);
    Kind right = kind(op, b);
    Kind kind = left.compareTo(right) >= 0 ? left : right;
    if (kind == Kind.INTEGER && op == '/' && dialect.integerDivisionIsDecimal()) {
      kind = Kind.DECIMAL;
    }
    Number x = (Number) a;
    Number y = (Number) b;
    return switch (kind) {
      case INTEGER -> integer(op, x.longValue(), y.longValue());
      case DECIMAL -> decimal(op, ValueComparator.exact(x), ValueComparator.exact(y), dialect);
      case FLOATING -> floating(op, x.doubleValue(), y.doubleValue());
    };
  }

  static Object negate(Object v) throws SQLException {
    Kind kind = kind('-', v);
    if (kind == Kind.FLOATING) {
      return -((Number) v).doubleValue();
    } else if (kind == Kind.DECIMAL) {
      return ValueComparator.exact((Number) v).negate();
    }
    long x = ((Number) v).longValue();
    if (x == Long.MIN_VALUE) {
      throw outOfRange("-" + x);
    }
    return -x;
  }

  private static Long integer(char op, long x, long y) throws SQLException {
    try {
      return switch (op) {
        case '+' -> Math.addExact(x, y);
        case '-' -> Math.subtractExact(x, y);
        case '*' -> Math.multiplyExact(x, y);
        case '/' -> {
          checkDivisor(y == 0, x, op, y);
          if (x == Long.MIN_VALUE && y == -1) {
            throw new ArithmeticException();
          }
          yield x / y;
        }
        case '%' -> {
          checkDivisor(y == 0, x, op, y);
          yield x % y;
        }
        default -> throw unknownOperator(op);
      };
    } catch (ArithmeticException e) {
      throw outOfRange(x + " " + op + " " + y);
    }
  }

  private static BigDecimal decimal(char op, BigDecimal x, BigDecimal y, MergeDialect dialect)
      throws SQLException {
    switch (op) {
      case '+': return x.add(y);
      case '-': return x.subtract(y);
      case '*': return x.multiply(y);
      case '/':
        checkDivisor(y.signum() == 0, x, op, y);
        return dialect.divide(x, y);
      case '%':
        checkDivisor(y.signum() == 0, x, op, y);
        return x.remainder(y);
      default: throw unknownOperator(op);
    }
  }

  private static Double floating(char op, double x, double y) throws SQLException {
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/':
        checkDivisor(y == 0, x, op, y);
        return x / y;
      case '%':
        checkDivisor(y == 0, x, op, y);
        return x % y;
      default: throw unknownOperator(op);
    }
  }

  private static Kind kind(char op, Object v) throws SQLDataException {
    if (JdbcValues.isIntegral(v)) {
      return Kind.INTEGER;
    } else if (v instanceof BigDecimal || v instanceof BigInteger) {
      return Kind.DECIMAL;
    } else if (v instanceof Double || v instanceof Float) {
      return Kind.FLOATING;
    }
    throw new SQLDataException("cannot apply '" + op + "' to " + JdbcValues.describe(v), "22018");
  }

  private static void checkDivisor(boolean zero, Object x, char op, Object y)
      throws SQLDataException {
    if (zero) {
      throw new SQLDataException("division by zero: " + x + " " + op + " " + y, "22012");
    }
  }

  private static SQLDataException outOfRange(String expression) {
    return new SQLDataException("numeric value out of range: " + expression, "22003");
  }

  private static SQLException unknownOperator(char op) {
    return new SQLException("unsupported arithmetic operator '" + op + "'");
  }
}
