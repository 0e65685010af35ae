package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.JdbcValues;
import dev.sherd.sql.plan.AggregateCall;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Folds the values of one aggregate call over the rows of one group (see {@link AggregateCall}):
 * COUNT sums per-shard counts as a Long; SUM adds per-shard sums, skipping NULLs and staying NULL
 * when all are NULL, typed as SQL types a SUM (integers give a Long, as SUM(INT) is BIGINT; any
 * DECIMAL a BigDecimal; floating a Double); MIN and MAX keep the extreme non-NULL value in the
 * {@link ValueComparator} order; the DISTINCT kinds count or sum each distinct non-NULL raw value
 * once, with SQL value equality ({@link ValueKey}). Not thread-safe: one per group.
 */
abstract class Accumulator {

  abstract void add(Object value) throws SQLException;

  abstract Object result();

  static Accumulator create(AggregateCall.Kind kind, ValueComparator comparator) {
    return switch (kind) {
      case COUNT -> new Count();
      case SUM -> new Sum();
      case MIN -> new Extreme(comparator, false);
      case MAX -> new Extreme(comparator, true);
      case COUNT_DISTINCT -> new Distinct(new Count(), comparator);
      case SUM_DISTINCT -> new Distinct(new Sum(), comparator);
    };
  }

  private static final class Count extends Accumulator {
    private long count;

    @Override void add(Object partial) throws SQLException {
      if (partial != null) {
        try {
          count = Math.addExact(count, JdbcValues.toLong(partial, "COUNT partial"));
        } catch (ArithmeticException e) {
          throw new SQLDataException("COUNT overflows BIGINT", "22003", e);
        }
      }
    }

    @Override Object result() {
      return count;
    }
  }

  private static final class Sum extends Accumulator {
    private Object sum;

    @Override void add(Object partial) throws SQLException {
      if (partial != null) { // adding to an integer zero gives the first partial its SUM type;
        // addition is the same in every dialect
        sum = SqlArithmetic.apply('+', sum == null ? 0L : sum, partial, MergeDialect.H2);
      }
    }

    @Override Object result() {
      return sum;
    }
  }

  private static final class Extreme extends Accumulator {
    private final ValueComparator comparator;
    private final boolean max;
    private Object best;

    Extreme(ValueComparator comparator, boolean max) {
      this.comparator = comparator;
      this.max = max;
    }

    @Override void add(Object partial) throws SQLException {
      if (partial == null) {
        return;
      }
      try {
        if (best == null || (max ? comparator.compare(partial, best) > 0
            : comparator.compare(partial, best) < 0)) {
          best = partial;
        }
      } catch (IncomparableValuesException e) {
        throw e.toSqlException();
      }
    }

    @Override Object result() {
      return best;
    }
  }

  private static final class Distinct extends Accumulator {
    private final Set<Object> seen = new HashSet<>();
    private final Accumulator of;
    private final ValueComparator order;

    Distinct(Accumulator of, ValueComparator order) {
      this.of = of;
      this.order = order;
    }

    @Override void add(Object value) throws SQLException {
      if (value != null && seen.add(ValueKey.normalize(value, order))) {
        of.add(of instanceof Count ? 1L : value);
      }
    }

    @Override Object result() {
      return of.result();
    }
  }
}
