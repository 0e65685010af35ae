package dev.sherd.sql;

import dev.sherd.sql.plan.AggregateCall;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.MergeStep;
import dev.sherd.sql.plan.Refusals;
import dev.sherd.sql.plan.SortKey;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.Litmus;

/**
 * Turns a SELECT that is answerable shard by shard (see {@link QueryAnalyzer}) into the per-shard
 * SELECT and the merge steps that combine the shards' rows into exactly the one-database answer.
 *
 * <ul>
 *   <li>No aggregation, or GROUP BY on a sharding key (every group lives on one shard): the shards
 *   run the query themselves; ORDER BY becomes a streaming k-way merge (expressions not in the select
 *   list are added as hidden trailing columns), LIMIT n OFFSET m asks each shard for n+m rows and the
 *   merge skips and cuts, DISTINCT is applied again after the merge.</li>
 *   <li>Aggregation otherwise: shards return per-group partials (COUNT, SUM, MIN, MAX; AVG as SUM and
 *   COUNT; DISTINCT aggregates group by their argument), the merge folds them, then applies HAVING,
 *   the select list, ORDER BY, DISTINCT and LIMIT over the merged groups.</li>
 * </ul>
 * Anything it cannot merge exactly raises a refusal naming the construct. Not thread-safe.
 */
final class ScatterRewriter {

  /** What the rewrite produced. Hidden sort columns appear in sort keys as {@code -(j + 1)}. */
  record Result(SqlNode shardQuery, List<MergeExpr> computedParams, List<MergeStep> steps,
      int hiddenColumns, boolean aggregated) {}

  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final QueryAnalyzer.Analysis analysis;
  private final Names names;
  private final int parameterCount;
  private final List<MergeExpr> computedParams = new ArrayList<>();

  ScatterRewriter(QueryAnalyzer.Analysis analysis, Names names, int parameterCount) {
    this.analysis = analysis;
    this.names = names;
    this.parameterCount = parameterCount;
  }

  Result rewrite(SqlNode top) throws SQLFeatureNotSupportedException {
    SqlNode query = top;
    SqlNodeList orderList = null;
    SqlNode offset = null;
    SqlNode fetch = null;
    if (top instanceof SqlOrderBy ob) {
      query = ob.query;
      orderList = ob.orderList;
      offset = ob.offset;
      fetch = ob.fetch;
    }
    if (!(query instanceof SqlSelect select)) {
      throw Refusals.unsupported(query.getKind() + " across shards");
    }
    if (select.getOrderList() != null || select.getOffset() != null || select.getFetch() != null) {
      orderList = select.getOrderList();
      offset = select.getOffset();
      fetch = select.getFetch();
    }
    boolean grouped = (select.getGroup() != null && !select.getGroup().isEmpty())
        || AggregateCalls.contains(select.getSelectList()) || AggregateCalls.contains(select.getHaving())
        || AggregateCalls.contains(orderList);
    if (!grouped || groupsOnShardingKey(select)) {
      return pushedDown(select, orderList, offset, fetch, grouped);
    }
    return new AggregateRewrite(select, orderList, offset, fetch).rewrite();
  }

  // ---- shards compute the rows themselves -------------------------------------------------------

  private Result pushedDown(SqlSelect select, SqlNodeList orderList, SqlNode offset, SqlNode fetch,
      boolean grouped) throws SQLFeatureNotSupportedException {
    List<MergeStep> steps = new ArrayList<>();
    List<SqlNode> hidden = new ArrayList<>();
    boolean distinct = select.isDistinct();
    List<SqlNode> items = select.getSelectList().getList();
    if (orderList != null && !orderList.isEmpty()) {
      List<SortKey> keys = new ArrayList<>();
      for (SqlNode item : orderList) {
        SortKey.NullOrder nulls = nullOrder(item);
        boolean desc = isDescending(item);
        SqlNode expr = stripOrdering(item);
        int index = selectIndex(expr, items);
        if (index < 0) {
          if (distinct && !computedFromSelectItems(expr, items)) {
            throw Refusals.unsupported("ORDER BY " + expr + " which is not in the SELECT DISTINCT list");
          }
          hidden.add(aliasTarget(expr, items));
          index = -hidden.size();
        }
        keys.add(new SortKey(index, desc, nulls));
      }
      steps.add(new MergeStep.MergeSorted(keys));
    }
    if (distinct && !selectsShardingKey(items)) {
      steps.add(new MergeStep.Distinct());
    }
    MergeExpr offsetValue = limitValue(offset, "OFFSET");
    MergeExpr fetchValue = limitValue(fetch, "FETCH/LIMIT");
    SqlNode shardFetch = null;
    if (offsetValue != null || fetchValue != null) {
      steps.add(new MergeStep.Limit(offsetValue, fetchValue));
      if (fetchValue != null) {
        shardFetch = perShardFetch(offsetValue, fetchValue);
      }
    }
    if (!hidden.isEmpty()) {
      steps.add(new MergeStep.DropHiddenColumns(hidden.size()));
    }
    boolean changed = !hidden.isEmpty() || offset != null;
    SqlNode shardQuery = null;
    if (changed) {
      SqlNodeList selectList = select.getSelectList();
      if (!hidden.isEmpty()) {
        selectList = new SqlNodeList(POS);
        selectList.addAll(items);
        selectList.addAll(hidden);
      }
      SqlSelect s = copy(select, selectList, select.getGroup(), select.getHaving(), true);
      shardQuery = orderList == null && shardFetch == null ? s
          : new SqlOrderBy(POS, s, orderList == null ? SqlNodeList.EMPTY : orderList, null, shardFetch);
    }
    return new Result(shardQuery, List.copyOf(computedParams), steps, hidden.size(), false);
  }

  /** Each shard returns offset + fetch rows; the merge skips the offset once. */
  private SqlNode perShardFetch(MergeExpr offset, MergeExpr fetch) {
    if (offset == null) {
      return fetchNode(fetch);
    }
    if (offset instanceof MergeExpr.Literal o && fetch instanceof MergeExpr.Literal f) {
      return SqlLiteral.createExactNumeric(
          String.valueOf((Long) o.value() + (Long) f.value()), POS);
    }
    return newParameter(new MergeExpr.Arithmetic('+', offset, fetch));
  }

  private SqlNode fetchNode(MergeExpr fetch) {
    if (fetch instanceof MergeExpr.Literal f) {
      return SqlLiteral.createExactNumeric(String.valueOf(f.value()), POS);
    }
    return newParameter(fetch);
  }

  private SqlNode newParameter(MergeExpr value) {
    computedParams.add(value);
    return new SqlDynamicParam(parameterCount + computedParams.size() - 1, POS);
  }

  private static MergeExpr limitValue(SqlNode node, String clause)
      throws SQLFeatureNotSupportedException {
    if (node == null) {
      return null;
    }
    MergeExpr v = KeyPredicates.valueOf(node);
    if (v instanceof MergeExpr.Param || (v instanceof MergeExpr.Literal l && l.value() instanceof Long)) {
      return v;
    }
    throw Refusals.unsupported(clause + " " + node + " across shards: only an integer or a parameter");
  }

  /** The index of the select item {@code expr} refers to (ordinal, alias, same expression), or -1. */
  private int selectIndex(SqlNode expr, List<SqlNode> items) {
    if (expr instanceof SqlNumericLiteral n && n.isInteger()) {
      int ordinal = n.intValue(true);
      return ordinal >= 1 ? ordinal - 1 : -1;
    }
    int found = -1;
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      if (item instanceof SqlIdentifier id && id.isStar()) {
        return -1; // positions after a * are unknown until the shard answers
      }
      if (matchesItem(expr, item)) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * True when {@code expr} is computed from the select items alone (e.g. {@code x IS NULL} for
   * a selected x): as a hidden column it cannot make two DISTINCT rows differ.
   */
  private static boolean computedFromSelectItems(SqlNode expr, List<SqlNode> items) {
    if (expr instanceof SqlIdentifier id) {
      if (id.isStar()) {
        return false;
      }
      for (SqlNode item : items) {
        if (matchesItem(id, item)) {
          return true;
        }
      }
      return false;
    }
    if (expr instanceof SqlSelect || AggregateCalls.isAggregate(expr)
        || expr.getKind() == SqlKind.OVER) {
      return false;
    }
    if (expr instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null && !computedFromSelectItems(operand, items)) {
          return false;
        }
      }
    }
    return true;
  }

  /** ORDER BY an alias sorts by the aliased expression: that is what a hidden column must hold. */
  private static SqlNode aliasTarget(SqlNode expr, List<SqlNode> items) {
    if (expr instanceof SqlIdentifier id && id.isSimple()) {
      for (SqlNode item : items) {
        if (item.getKind() == SqlKind.AS) {
          SqlIdentifier alias = ((SqlCall) item).operand(1);
          if (Names.sameName(alias.getSimple(), alias.isComponentQuoted(0), id.getSimple(),
              id.isComponentQuoted(0))) {
            return ((SqlCall) item).operand(0);
          }
        }
      }
    }
    return expr;
  }

  private static boolean matchesItem(SqlNode expr, SqlNode item) {
    SqlNode itemExpr = item;
    if (item.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) item;
      itemExpr = as.operand(0);
      SqlIdentifier alias = as.operand(1);
      if (expr instanceof SqlIdentifier id && id.isSimple() && Names.sameName(alias.getSimple(),
          alias.isComponentQuoted(0), id.getSimple(), id.isComponentQuoted(0))) {
        return true;
      }
    }
    if (expr.equalsDeep(itemExpr, Litmus.IGNORE)) {
      return true;
    }
    if (expr instanceof SqlIdentifier a && itemExpr instanceof SqlIdentifier b && item == itemExpr
        && !a.isStar() && !b.isStar() && (a.isSimple() || b.isSimple())) {
      int la = a.names.size() - 1;
      int lb = b.names.size() - 1;
      return Names.sameName(a.names.get(la), a.isComponentQuoted(la), b.names.get(lb),
          b.isComponentQuoted(lb));
    }
    return false;
  }

  private boolean groupsOnShardingKey(SqlSelect select) {
    if (select.getGroup() == null) {
      return false;
    }
    for (SqlNode g : select.getGroup()) {
      if (g instanceof SqlIdentifier id && namesTopLevelKey(id)) {
        return true;
      }
    }
    return false;
  }

  private boolean selectsShardingKey(List<SqlNode> items) {
    for (SqlNode item : items) {
      SqlNode e = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      if (e instanceof SqlIdentifier id && namesTopLevelKey(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code id} names the sharding key of exactly one of the outermost FROM's sharded
   * tables (qualified by its alias, or unqualified: then any other owner would make it ambiguous to
   * the database itself).
   */
  private boolean namesTopLevelKey(SqlIdentifier id) {
    if (id.isStar()) {
      return false;
    }
    int n = id.names.size();
    int matches = 0;
    for (QueryAnalyzer.Ref r : analysis.topLevelSharded) {
      if (names.matches(id, n - 1, r.sharded().shardingKey()) && (n == 1 || Names.sameName(
          id.names.get(n - 2), id.isComponentQuoted(n - 2), r.alias, r.aliasQuoted))) {
        matches++;
      }
    }
    return matches == 1;
  }

  // ---- partial aggregation ----------------------------------------------------------------------

  /** One rewrite of an aggregating SELECT into per-shard partials and a merge. */
  private final class AggregateRewrite {
    private final SqlSelect select;
    private final SqlNodeList orderList;
    private final SqlNode offset;
    private final SqlNode fetch;
    private final List<SqlNode> groupExprs = new ArrayList<>();
    private final List<SqlNode> shardItems = new ArrayList<>();
    private final List<AggregateCall> calls = new ArrayList<>();
    private final List<SqlNode> distinctArgs = new ArrayList<>();
    private final Map<String, MergeExpr> aggregateRefs = new LinkedHashMap<>();
    private final List<Runnable> deferredDistinctColumns = new ArrayList<>();

    AggregateRewrite(SqlSelect select, SqlNodeList orderList, SqlNode offset, SqlNode fetch) {
      this.select = select;
      this.orderList = orderList;
      this.offset = offset;
      this.fetch = fetch;
    }

    Result rewrite() throws SQLFeatureNotSupportedException {
      List<SqlNode> items = select.getSelectList().getList();
      if (select.getGroup() != null) {
        for (SqlNode g : select.getGroup()) {
          if (g instanceof SqlNumericLiteral n && n.isInteger()) {
            g = stripAlias(items.get(n.intValue(true) - 1));
          } else if (g instanceof SqlCall c && (c.getKind() == SqlKind.ROLLUP
              || c.getKind() == SqlKind.CUBE || c.getKind() == SqlKind.GROUPING_SETS)) {
            throw Refusals.unsupported(c.getKind() + " across shards");
          }
          groupExprs.add(g);
          shardItems.add(g);
        }
      }
      // Collect aggregates everywhere first: their partial columns follow the group columns.
      List<MergeExpr> projection = new ArrayList<>();
      for (SqlNode item : items) {
        if (item instanceof SqlIdentifier id && id.isStar()) {
          throw Refusals.unsupported("SELECT * with GROUP BY or aggregates across shards");
        }
        projection.add(toMergeExpr(stripAlias(item)));
      }
      MergeExpr having = select.getHaving() == null ? null : toMergeExpr(select.getHaving());
      List<SortKey> sortKeys = new ArrayList<>();
      int visible = projection.size();
      if (orderList != null) {
        for (SqlNode item : orderList) {
          SqlNode expr = stripOrdering(item);
          int index = selectIndex(expr, items);
          if (index < 0) {
            projection.add(toMergeExpr(aliasTarget(expr, items)));
            index = projection.size() - 1;
          }
          sortKeys.add(new SortKey(index, isDescending(item), nullOrder(item)));
        }
      }
      // Distinct arguments come last: shards group by them too.
      shardItems.addAll(distinctArgs);
      for (Runnable r : deferredDistinctColumns) {
        r.run();
      }
      List<MergeStep> steps = new ArrayList<>();
      int[] groupColumns = new int[groupExprs.size()];
      for (int i = 0; i < groupColumns.length; i++) {
        groupColumns[i] = i;
      }
      steps.add(new MergeStep.Aggregate(groupColumns, List.copyOf(calls)));
      if (having != null) {
        steps.add(new MergeStep.Filter(having));
      }
      steps.add(new MergeStep.Project(projection));
      if (!sortKeys.isEmpty()) {
        steps.add(new MergeStep.Sort(sortKeys));
      }
      if (select.isDistinct()) {
        if (projection.size() > visible) {
          throw Refusals.unsupported("ORDER BY an expression not in the SELECT DISTINCT list");
        }
        steps.add(new MergeStep.Distinct());
      }
      MergeExpr offsetValue = limitValue(offset, "OFFSET");
      MergeExpr fetchValue = limitValue(fetch, "FETCH/LIMIT");
      if (offsetValue != null || fetchValue != null) {
        steps.add(new MergeStep.Limit(offsetValue, fetchValue));
      }
      if (projection.size() > visible) {
        steps.add(new MergeStep.DropHiddenColumns(projection.size() - visible));
      }
      SqlNodeList shardSelect = new SqlNodeList(shardItems, POS);
      List<SqlNode> shardGroup = new ArrayList<>(groupExprs);
      shardGroup.addAll(distinctArgs);
      SqlSelect shardQuery = copy(select, shardSelect,
          shardGroup.isEmpty() ? null : new SqlNodeList(shardGroup, POS), null, false);
      return new Result(shardQuery, List.copyOf(computedParams), steps, 0, true);
    }

    /** Converts an expression over group columns and aggregates into a merge expression. */
    private MergeExpr toMergeExpr(SqlNode node) throws SQLFeatureNotSupportedException {
      int group = groupIndex(node);
      if (group >= 0) {
        return new MergeExpr.Ref(group);
      }
      if (AggregateCalls.isAggregate(node)) {
        return aggregate((SqlCall) node);
      }
      if (node instanceof SqlDynamicParam || node instanceof SqlLiteral) {
        MergeExpr v = KeyPredicates.valueOf(node);
        if (v != null) {
          return v;
        }
        if (node instanceof SqlLiteral lit && lit.getValue() == null) {
          return new MergeExpr.Literal(null);
        }
      }
      if (node instanceof SqlBasicCall call) {
        switch (call.getKind()) {
          case PLUS: return arithmetic('+', call);
          case MINUS: return arithmetic('-', call);
          case TIMES: return arithmetic('*', call);
          case DIVIDE: return arithmetic('/', call);
          case MOD: return arithmetic('%', call);
          case MINUS_PREFIX: return new MergeExpr.Negate(toMergeExpr(call.operand(0)));
          case PLUS_PREFIX: return toMergeExpr(call.operand(0));
          case EQUALS: return compare("=", call);
          case NOT_EQUALS: return compare("<>", call);
          case LESS_THAN: return compare("<", call);
          case LESS_THAN_OR_EQUAL: return compare("<=", call);
          case GREATER_THAN: return compare(">", call);
          case GREATER_THAN_OR_EQUAL: return compare(">=", call);
          case AND:
          case OR: {
            List<MergeExpr> operands = new ArrayList<>();
            for (SqlNode o : call.getOperandList()) {
              operands.add(toMergeExpr(o));
            }
            return new MergeExpr.Logical(call.getKind() == SqlKind.AND, operands);
          }
          case NOT: return new MergeExpr.Not(toMergeExpr(call.operand(0)));
          case IS_NULL: return new MergeExpr.IsNull(toMergeExpr(call.operand(0)), false);
          case IS_NOT_NULL: return new MergeExpr.IsNull(toMergeExpr(call.operand(0)), true);
          default:
            break;
        }
      }
      if (node instanceof SqlIdentifier) {
        throw Refusals.unsupported("column " + node + " is neither grouped nor aggregated");
      }
      throw Refusals.unsupported("expression " + node
          + " over aggregated values across shards (the merge evaluates only arithmetic, comparisons,"
          + " AND/OR/NOT and IS NULL)");
    }

    private MergeExpr arithmetic(char op, SqlBasicCall call) throws SQLFeatureNotSupportedException {
      return new MergeExpr.Arithmetic(op, toMergeExpr(call.operand(0)), toMergeExpr(call.operand(1)));
    }

    private MergeExpr compare(String op, SqlBasicCall call) throws SQLFeatureNotSupportedException {
      return new MergeExpr.Compare(op, toMergeExpr(call.operand(0)), toMergeExpr(call.operand(1)));
    }

    /** The group column {@code node} is: the same expression, else the one column of that name. */
    private int groupIndex(SqlNode node) {
      for (int i = 0; i < groupExprs.size(); i++) {
        if (node.equalsDeep(groupExprs.get(i), Litmus.IGNORE)) {
          return i;
        }
      }
      int found = -1;
      if (node instanceof SqlIdentifier) {
        for (int i = 0; i < groupExprs.size(); i++) {
          if (groupExprs.get(i) instanceof SqlIdentifier && matchesItem(node, groupExprs.get(i))) {
            if (found >= 0) {
              return -1;
            }
            found = i;
          }
        }
      }
      return found;
    }

    private MergeExpr aggregate(SqlCall call) throws SQLFeatureNotSupportedException {
      String key = call.toString();
      MergeExpr known = aggregateRefs.get(key);
      if (known != null) {
        return known;
      }
      String name = AggregateCalls.name(call);
      if (!AggregateCalls.MERGEABLE.contains(name) || call.getKind() == SqlKind.FILTER
          || call.getKind() == SqlKind.WITHIN_GROUP) {
        throw Refusals.unsupported("aggregate " + call + " across shards cannot be merged from"
            + " per-shard partials");
      }
      boolean distinct = AggregateCalls.isDistinct(call) && !name.equals("MIN") && !name.equals("MAX");
      MergeExpr result;
      if (distinct) {
        SqlNode arg = call.operand(0);
        int argColumn = distinctColumn(arg);
        switch (name) {
          case "COUNT":
            result = deferred(AggregateCall.Kind.COUNT_DISTINCT, argColumn);
            break;
          case "SUM":
            result = deferred(AggregateCall.Kind.SUM_DISTINCT, argColumn);
            break;
          default: { // AVG(DISTINCT x)
            MergeExpr.Ref sum = (MergeExpr.Ref) deferred(AggregateCall.Kind.SUM_DISTINCT, argColumn);
            MergeExpr.Ref count = (MergeExpr.Ref) deferred(AggregateCall.Kind.COUNT_DISTINCT, argColumn);
            result = new MergeExpr.Avg(sum.index(), count.index());
          }
        }
      } else if (name.equals("AVG")) {
        SqlNode arg = call.operand(0);
        MergeExpr.Ref sum = partial(AggregateCall.Kind.SUM, SqlStdOperatorTable.SUM.createCall(POS, arg));
        MergeExpr.Ref count = partial(AggregateCall.Kind.COUNT,
            SqlStdOperatorTable.COUNT.createCall(POS, arg));
        result = new MergeExpr.Avg(sum.index(), count.index());
      } else {
        AggregateCall.Kind kind = AggregateCall.Kind.valueOf(name);
        result = partial(kind, call);
      }
      aggregateRefs.put(key, result);
      return result;
    }

    /** A per-shard partial aggregate column folded by the merge; returns its merged-row reference. */
    private MergeExpr.Ref partial(AggregateCall.Kind kind, SqlNode shardCall) {
      String key = kind + ":" + shardCall;
      MergeExpr known = aggregateRefs.get(key);
      if (known instanceof MergeExpr.Ref ref) {
        return ref;
      }
      shardItems.add(shardCall);
      calls.add(new AggregateCall(kind, shardItems.size() - 1));
      MergeExpr.Ref ref = new MergeExpr.Ref(groupExprs.size() + calls.size() - 1);
      aggregateRefs.put(key, ref);
      return ref;
    }

    /** Index among the distinct arguments (shards group by each). */
    private int distinctColumn(SqlNode arg) {
      for (int i = 0; i < distinctArgs.size(); i++) {
        if (distinctArgs.get(i).equalsDeep(arg, Litmus.IGNORE)) {
          return i;
        }
      }
      distinctArgs.add(arg);
      return distinctArgs.size() - 1;
    }

    /**
     * A distinct aggregate reads a raw argument column that is placed after all partials; its
     * AggregateCall is completed once the number of partial columns is final.
     */
    private MergeExpr deferred(AggregateCall.Kind kind, int argIndex) {
      String key = kind + ":distinct:" + argIndex;
      MergeExpr known = aggregateRefs.get(key);
      if (known != null) {
        return known;
      }
      int callIndex = calls.size();
      calls.add(null);
      deferredDistinctColumns.add(() -> calls.set(callIndex,
          new AggregateCall(kind, shardItems.size() - distinctArgs.size() + argIndex)));
      MergeExpr.Ref ref = new MergeExpr.Ref(groupExprs.size() + callIndex);
      aggregateRefs.put(key, ref);
      return ref;
    }
  }

  // ---- small tree helpers -----------------------------------------------------------------------

  /** A new SELECT sharing the unchanged parts of {@code s} (the cached tree is never mutated). */
  private static SqlSelect copy(SqlSelect s, SqlNodeList selectList, SqlNodeList group,
      SqlNode having, boolean keepKeywords) {
    SqlNodeList keywords = keepKeywords ? (SqlNodeList) s.getOperandList().get(0) : SqlNodeList.EMPTY;
    return new SqlSelect(POS, keywords, selectList, s.getFrom(), s.getWhere(), group, having,
        s.getWindowList(), s.getQualify(), null, null, null, s.getHints());
  }

  private static SqlNode stripAlias(SqlNode item) {
    return item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
  }

  private static SqlNode stripOrdering(SqlNode item) {
    while (item.getKind() == SqlKind.DESCENDING || item.getKind() == SqlKind.NULLS_FIRST
        || item.getKind() == SqlKind.NULLS_LAST) {
      item = ((SqlCall) item).operand(0);
    }
    return item;
  }

  private static boolean isDescending(SqlNode item) {
    while (item.getKind() == SqlKind.NULLS_FIRST || item.getKind() == SqlKind.NULLS_LAST) {
      item = ((SqlCall) item).operand(0);
    }
    return item.getKind() == SqlKind.DESCENDING;
  }

  private static SortKey.NullOrder nullOrder(SqlNode item) {
    if (item.getKind() == SqlKind.NULLS_FIRST) {
      return SortKey.NullOrder.FIRST;
    }
    if (item.getKind() == SqlKind.NULLS_LAST) {
      return SortKey.NullOrder.LAST;
    }
    return SortKey.NullOrder.DEFAULT;
  }
}
