package dev.sherd.sql.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Human-readable merge steps for EXPLAIN: columns as {@code #1, #2…} (1-based, of the rows the
 * step reads), hidden sort columns as {@code hidden#1}, parameters as {@code ?1}. Stateless.
 */
public final class MergeDescriptions {

  private MergeDescriptions() {}

  public static String describe(MergeStep step) {
    if (step instanceof MergeStep.MergeSorted s) {
      return "merge-sort the shards' sorted streams by " + keys(s.keys());
    } else if (step instanceof MergeStep.Aggregate a) {
      StringBuilder sb = new StringBuilder("aggregate");
      if (a.groupColumns().length > 0) {
        sb.append(" groups of");
        for (int g : a.groupColumns()) {
          sb.append(' ').append(column(g));
        }
      } else {
        sb.append(" all rows into one");
      }
      sb.append(": ").append(a.calls().stream().map(MergeDescriptions::call)
          .collect(Collectors.joining(", ")));
      return sb.toString();
    } else if (step instanceof MergeStep.Filter f) {
      return "keep rows where " + expr(f.predicate());
    } else if (step instanceof MergeStep.Project p) {
      return "compute " + p.expressions().stream().map(MergeDescriptions::expr)
          .collect(Collectors.joining(", "));
    } else if (step instanceof MergeStep.Sort s) {
      return "sort in memory by " + keys(s.keys());
    } else if (step instanceof MergeStep.Distinct) {
      return "remove duplicate rows";
    } else if (step instanceof MergeStep.Limit l) {
      String skip = l.offset() == null ? "" : "skip " + expr(l.offset());
      String keep = l.fetch() == null ? "" : "keep " + expr(l.fetch());
      return skip.isEmpty() ? keep : keep.isEmpty() ? skip : skip + ", then " + keep;
    } else if (step instanceof MergeStep.DropHiddenColumns d) {
      return "drop " + d.count() + " hidden sort column" + (d.count() == 1 ? "" : "s");
    }
    return step.toString();
  }

  private static String keys(List<SortKey> keys) {
    return keys.stream().map(k -> column(k.column()) + (k.descending() ? " DESC" : " ASC")
        + (k.nulls() == SortKey.NullOrder.DEFAULT ? "" : " NULLS " + k.nulls()))
        .collect(Collectors.joining(", "));
  }

  private static String call(AggregateCall c) {
    String col = column(c.column());
    switch (c.kind()) {
      case COUNT: return "COUNT = sum of " + col;
      case SUM: return "SUM = sum of " + col;
      case MIN: return "MIN of " + col;
      case MAX: return "MAX of " + col;
      case COUNT_DISTINCT: return "COUNT(DISTINCT " + col + ")";
      default: return "SUM(DISTINCT " + col + ")";
    }
  }

  private static String column(int index) {
    return index >= 0 ? "#" + (index + 1) : "hidden#" + (-index);
  }

  static String expr(MergeExpr e) {
    if (e instanceof MergeExpr.Ref r) {
      return column(r.index());
    } else if (e instanceof MergeExpr.Literal l) {
      return l.value() instanceof String s ? "'" + s + "'" : String.valueOf(l.value());
    } else if (e instanceof MergeExpr.Param p) {
      return "?" + (p.index() + 1);
    } else if (e instanceof MergeExpr.Avg a) {
      return "AVG = " + column(a.sumIndex()) + " / " + column(a.countIndex());
    } else if (e instanceof MergeExpr.Arithmetic a) {
      return "(" + expr(a.left()) + " " + a.op() + " " + expr(a.right()) + ")";
    } else if (e instanceof MergeExpr.Negate n) {
      return "-" + expr(n.operand());
    } else if (e instanceof MergeExpr.Compare c) {
      return expr(c.left()) + " " + c.op() + " " + expr(c.right());
    } else if (e instanceof MergeExpr.Logical l) {
      return "(" + l.operands().stream().map(MergeDescriptions::expr)
          .collect(Collectors.joining(l.and() ? " AND " : " OR ")) + ")";
    } else if (e instanceof MergeExpr.Not n) {
      return "NOT " + expr(n.operand());
    } else if (e instanceof MergeExpr.IsNull n) {
      return expr(n.operand()) + (n.negated() ? " IS NOT NULL" : " IS NULL");
    }
    return e.toString();
  }
}
