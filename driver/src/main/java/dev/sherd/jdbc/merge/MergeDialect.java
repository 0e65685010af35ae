package dev.sherd.jdbc.merge;

import dev.sherd.metadata.DialectFamily;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic and ordering rules of a shard database family that a merged value must follow to
 * be indistinguishable from what one database computes:
 *
 * <ul>
 *   <li>NULL order: H2 and MariaDB sort NULL as the smallest value, PostgreSQL as the largest;
 *   <li>integer division: H2 and PostgreSQL truncate ({@code 7 / 2 = 3}), MySQL/MariaDB give a
 *       DECIMAL ({@code 3.5000});
 *   <li>DECIMAL division: H2 and MySQL compute a quotient that the result column's scale rounds
 *       (H2 HALF_DOWN, MySQL HALF_UP); PostgreSQL picks the quotient's scale itself
 *       ({@link PostgresNumeric#divide}) and reports unconstrained NUMERIC columns.
 * </ul>
 * Thread-safe: immutable.
 */
public enum MergeDialect {
  H2(true, false, RoundingMode.HALF_DOWN),
  POSTGRESQL(false, false, RoundingMode.HALF_UP),
  MYSQL(true, true, RoundingMode.HALF_UP);

  /** Significant digits of a quotient that is later rounded to a column's scale. */
  private static final int QUOTIENT_DIGITS = 100;

  private final boolean nullsFirstAscending;
  private final boolean integerDivisionIsDecimal;
  private final RoundingMode rounding;
  private final MathContext quotient;

  MergeDialect(boolean nullsFirstAscending, boolean integerDivisionIsDecimal,
      RoundingMode rounding) {
    this.nullsFirstAscending = nullsFirstAscending;
    this.integerDivisionIsDecimal = integerDivisionIsDecimal;
    this.rounding = rounding;
    this.quotient = new MathContext(QUOTIENT_DIGITS, rounding);
  }

  public static MergeDialect of(DialectFamily family) {
    switch (family) {
      case POSTGRESQL:
        return POSTGRESQL;
      case MYSQL:
        return MYSQL;
      default:
        return H2;
    }
  }

  /** True when NULL sorts as the smallest value in ascending order. */
  public boolean nullsFirstAscending() {
    return nullsFirstAscending;
  }

  /** True when {@code integer / integer} is a DECIMAL (MySQL), false when it truncates. */
  boolean integerDivisionIsDecimal() {
    return integerDivisionIsDecimal;
  }

  /** How a value is rounded to a DECIMAL result column's scale. */
  RoundingMode rounding() {
    return rounding;
  }

  /** A DECIMAL quotient as the database computes it (before any rounding to a column's scale). */
  BigDecimal divide(BigDecimal x, BigDecimal y) {
    if (this == POSTGRESQL) {
      return PostgresNumeric.divide(x, y);
    }
    BigDecimal q = x.divide(y, quotient).stripTrailingZeros();
    int scale = Math.max(x.scale(), 0);
    return q.scale() < scale ? q.setScale(scale) : q;
  }
}
