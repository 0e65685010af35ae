package dev.sherd.jdbc.merge;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL's NUMERIC division, whose result scale the server chooses (numeric.c,
 * {@code select_div_scale}): enough for at least 16 significant digits, and never less than either
 * operand's display scale, with the quotient rounded half away from zero. PostgreSQL's AVG of an
 * integer or NUMERIC column is exactly this division of the sum by the count, which is why a merged
 * AVG can match it digit for digit. Thread-safe: stateless.
 */
final class PostgresNumeric {

  private static final int MIN_SIG_DIGITS = 16;
  private static final int DEC_DIGITS = 4; // PostgreSQL stores base-10000 digits
  private static final int MAX_DISPLAY_SCALE = 1000;

  private PostgresNumeric() {}

  static BigDecimal divide(BigDecimal x, BigDecimal y) {
    int qweight = weight(x) - weight(y);
    if (firstDigit(x) <= firstDigit(y)) {
      qweight--;
    }
    int scale = MIN_SIG_DIGITS - qweight * DEC_DIGITS;
    scale = Math.max(scale, Math.max(displayScale(x), displayScale(y)));
    scale = Math.max(scale, 0);
    scale = Math.min(scale, MAX_DISPLAY_SCALE);
    return x.divide(y, scale, RoundingMode.HALF_UP);
  }

  /** Display scale: the number of digits after the point, never negative. */
  private static int displayScale(BigDecimal v) {
    return Math.max(v.scale(), 0);
  }

  /** Weight of the first non-zero base-10000 digit (0 for zero). */
  private static int weight(BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    int exponent = v.precision() - v.scale() - 1; // position of the leading decimal digit
    return Math.floorDiv(exponent, DEC_DIGITS);
  }

  /** The first non-zero base-10000 digit (0 for zero). */
  private static int firstDigit(BigDecimal v) {
    if (v.signum() == 0) {
      return 0;
    }
    BigDecimal scaled = v.abs().movePointLeft(weight(v) * DEC_DIGITS);
    return scaled.setScale(0, RoundingMode.DOWN).intValueExact();
  }
}
