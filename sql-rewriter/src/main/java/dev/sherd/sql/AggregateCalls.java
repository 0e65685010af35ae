package dev.sherd.sql;

import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;

/**
 * Recognises aggregate calls in an unvalidated tree, where Calcite has not resolved functions yet:
 * by name, as CALCITE-NOTES advises. Stateless.
 */
final class AggregateCalls {

  /** Aggregates the merge layer computes exactly from per-shard partials. */
  static final Set<String> MERGEABLE = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG");

  /** Aggregates that exist but cannot be merged from partials: refused across shards. */
  private static final Set<String> OTHERS = Set.of("STDDEV", "STDDEV_POP", "STDDEV_SAMP",
      "VARIANCE", "VAR_POP", "VAR_SAMP", "LISTAGG", "GROUP_CONCAT", "STRING_AGG", "ARRAY_AGG",
      "BIT_AND", "BIT_OR", "BIT_XOR", "BIT_AND_AGG", "BIT_OR_AGG", "BIT_XOR_AGG", "BOOL_AND",
      "BOOL_OR", "EVERY", "ANY_VALUE", "MEDIAN", "MODE", "PERCENTILE_CONT", "PERCENTILE_DISC",
      "COLLECT", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "COVAR_POP", "COVAR_SAMP", "CORR",
      "REGR_SLOPE", "REGR_INTERCEPT", "REGR_COUNT", "HISTOGRAM", "ENVELOPE", "RANK", "DENSE_RANK",
      "PERCENT_RANK", "CUME_DIST", "SOME", "ARBITRARY", "APPROX_COUNT_DISTINCT");

  private AggregateCalls() {}

  static String name(SqlCall call) {
    return call.getOperator().getName().toUpperCase(Locale.ROOT);
  }

  static boolean isAggregate(SqlNode node) {
    if (!(node instanceof SqlCall call) || call.getKind() == SqlKind.OVER) {
      return false;
    }
    String name = name(call);
    return MERGEABLE.contains(name) || OTHERS.contains(name)
        || call.getKind() == SqlKind.FILTER || call.getKind() == SqlKind.WITHIN_GROUP;
  }

  static boolean isDistinct(SqlCall call) {
    SqlLiteral q = call.getFunctionQuantifier();
    return q != null && q.getValue() == SqlSelectKeyword.DISTINCT;
  }

  /** True when {@code node} contains an aggregate call at this query level (not in a subquery). */
  static boolean contains(SqlNode node) {
    if (node == null || node instanceof SqlSelect) {
      return false;
    }
    if (isAggregate(node)) {
      return true;
    }
    if (node instanceof org.apache.calcite.sql.SqlNodeList list) {
      for (SqlNode n : list) {
        if (contains(n)) {
          return true;
        }
      }
      return false;
    }
    if (node instanceof SqlCall call) {
      if (call.getKind() == SqlKind.OVER) {
        return false;
      }
      for (SqlNode operand : call.getOperandList()) {
        if (contains(operand)) {
          return true;
        }
      }
    }
    return false;
  }
}
