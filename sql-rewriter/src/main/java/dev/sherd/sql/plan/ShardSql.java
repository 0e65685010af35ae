package dev.sherd.sql.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL text sent to a shard and, for each {@code ?} in it (in order), the expression that gives
 * its value from the logical statement's parameters: usually {@link MergeExpr.Param} (a parameter of
 * the original statement, possibly at another position — unparsing can reorder them), sometimes a
 * computed value such as {@code offset + fetch} for a per-shard LIMIT. Parameter values are never
 * pasted into the text. Immutable.
 */
public record ShardSql(String sql, List<MergeExpr> parameters) {

  public ShardSql {
    parameters = List.copyOf(parameters);
  }

  /** The statement's own text with its parameters in their own order. */
  public static ShardSql verbatim(String sql, int parameterCount) {
    List<MergeExpr> params = new ArrayList<>(parameterCount);
    for (int i = 0; i < parameterCount; i++) {
      params.add(new MergeExpr.Param(i));
    }
    return new ShardSql(sql, params);
  }

  /** True when the parameters are the original ones in their original order. */
  public boolean bindsVerbatim() {
    for (int i = 0; i < parameters.size(); i++) {
      if (!(parameters.get(i) instanceof MergeExpr.Param p) || p.index() != i) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return sql;
  }
}
