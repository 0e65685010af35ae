package dev.sherd.sql;

import dev.sherd.metadata.BroadcastTable;
import dev.sherd.metadata.ShardedTable;
import dev.sherd.metadata.TableRule;
import dev.sherd.sql.plan.KeyPredicate;
import dev.sherd.sql.plan.TableRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

/**
 * Finds every table a statement reads, what its predicates say about sharding keys, and whether the
 * statement can be answered shard by shard.
 *
 * <p>The guarantee: when {@link Analysis#spreadReason} is null, every sharded table reference is in
 * one co-location group and connected to the others by equalities of sharding keys (join conditions,
 * WHERE conjuncts, IN-subqueries, correlations), no outer join preserves a table that is not sharded,
 * and no unlisted table is read — so each result row is computed from rows of a single shard and the
 * shards' results only need merging. Otherwise {@code spreadReason} says why, and the statement is
 * correct only when all of it routes to one shard. Unqualified columns are attributed only within
 * their own scope, and only to the one reference whose sharding key has that name (a table always has
 * its own key column, so the attribution cannot be wrong). Not thread-safe; one per analysis.
 */
final class QueryAnalyzer {

  /** One table (or derived source) in a FROM clause. */
  static final class Ref {
    final TableRule rule;       // null for an unlisted table or a derived source
    final boolean derived;      // a subquery in FROM or a CTE name
    final String alias;         // alias, or the table name as written
    final boolean aliasQuoted;
    final Scope scope;
    /** On the NULL-supplying side of an outer join. */
    final boolean nullable;
    /** True when its predicate restricts the statement's rows (outermost FROM, write target). */
    boolean restricts;
    KeyPredicate predicate = new KeyPredicate.Any();
    Ref component = this;       // union-find parent over key-equality edges

    Ref(TableRule rule, boolean derived, String alias, boolean aliasQuoted, Scope scope,
        boolean nullable) {
      this.rule = rule;
      this.derived = derived;
      this.alias = alias;
      this.aliasQuoted = aliasQuoted;
      this.scope = scope;
      this.nullable = nullable;
    }

    ShardedTable sharded() {
      return rule instanceof ShardedTable s ? s : null;
    }
  }

  /** The FROM clause of one SELECT, with a link to the enclosing query's scope. */
  static final class Scope {
    final Scope parent;
    final List<Ref> refs = new ArrayList<>();

    Scope(Scope parent) {
      this.parent = parent;
    }
  }

  /** What the analysis found. */
  static final class Analysis {
    final List<Ref> sharded = new ArrayList<>();
    /** Sharded references of the outermost FROM (candidates for GROUP BY push-down). */
    final List<Ref> topLevelSharded = new ArrayList<>();
    boolean readsUnlisted;
    boolean readsBroadcast;
    String spreadReason;
    /** Tables read, lower-cased (for EXPLAIN and cache invalidation). */
    final Set<String> tables = new HashSet<>();

    void spread(String reason) {
      if (spreadReason == null) {
        spreadReason = reason;
      }
    }

    List<TableRoute> routes() {
      List<TableRoute> routes = new ArrayList<>();
      for (Ref r : sharded) {
        routes.add(new TableRoute(r.sharded(), r.alias, r.predicate, r.restricts));
      }
      return routes;
    }
  }

  private final Names names;
  private final Analysis analysis = new Analysis();
  private final Set<String> cteNames = new HashSet<>();
  /** Subqueries that are positive top-level conjuncts (EXISTS, IN) of a restricting WHERE. */
  private final Set<SqlNode> positiveSubqueries =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  QueryAnalyzer(Names names) {
    this.names = names;
  }

  /** Analyses a query (SELECT, ORDER BY, set operation, WITH). */
  Analysis analyzeQuery(SqlNode query) {
    query(query, null, true);
    finish();
    return analysis;
  }

  /**
   * Analyses a write's target plus its condition and any expressions that may hold subqueries.
   * Returns the target's reference (first in {@code analysis.sharded} when it is sharded).
   */
  Analysis analyzeWrite(SqlIdentifier target, SqlIdentifier alias, SqlNode condition,
      List<SqlNode> expressions) {
    Scope scope = new Scope(null);
    addTable(scope, target, alias, false);
    Ref ref = scope.refs.get(0);
    ref.restricts = true;
    if (ref.sharded() != null) {
      ref.predicate = KeyPredicates.extract(condition, id -> isKeyOf(ref, id, scope));
    }
    expression(condition, scope, true);
    for (SqlNode e : expressions) {
      expression(e, scope, false);
    }
    finish();
    return analysis;
  }

  private void finish() {
    for (Ref r : analysis.sharded) {
      if (find(r) != find(analysis.sharded.get(0))) {
        analysis.spread("join of " + describe(analysis.sharded.get(0)) + " and " + describe(r)
            + " is not on their co-located sharding keys, so matching rows can be on different shards");
        break;
      }
    }
    if (analysis.readsUnlisted && !analysis.sharded.isEmpty()) {
      analysis.spread("statement reads a table that is not listed in the cluster config (it lives"
          + " only on the default shard) together with sharded table " + describe(analysis.sharded.get(0)));
    }
  }

  /** Analyses a query; returns the scope of its SELECT, or null for other query shapes. */
  private Scope query(SqlNode node, Scope outer, boolean top) {
    if (node instanceof SqlOrderBy orderBy) {
      Scope scope = query(orderBy.query, outer, top);
      for (SqlNode item : orderBy.orderList) {
        expression(item, scope == null ? new Scope(outer) : scope, false);
      }
      return scope;
    } else if (node instanceof SqlSelect select) {
      return select(select, outer, top);
    } else if (node instanceof SqlWith with) {
      for (SqlNode item : with.withList) {
        SqlWithItem w = (SqlWithItem) item;
        cteNames.add(w.name.getSimple().toLowerCase(java.util.Locale.ROOT));
        query(w.query, outer, false);
      }
      analysis.spread("WITH (common table expression) over sharded tables");
      query(with.body, outer, false);
    } else if (node instanceof SqlCall call && isSetOperation(call.getKind())) {
      analysis.spread(call.getKind() + " over sharded tables combines rows from several shards");
      for (SqlNode operand : call.getOperandList()) {
        query(operand, outer, false);
      }
    } else if (node instanceof SqlCall call && call.getKind() == SqlKind.VALUES) {
      expression(call, new Scope(outer), false);
    }
    return null;
  }

  private static boolean isSetOperation(SqlKind kind) {
    return kind == SqlKind.UNION || kind == SqlKind.INTERSECT || kind == SqlKind.EXCEPT;
  }

  private Scope select(SqlSelect select, Scope outer, boolean top) {
    Scope scope = new Scope(outer);
    List<SqlNode> onConditions = new ArrayList<>();
    if (select.getFrom() != null) {
      from(select.getFrom(), scope, onConditions, false);
    }
    if (top) {
      for (Ref r : scope.refs) {
        r.restricts = true;
        if (r.sharded() != null && !r.nullable) {
          analysis.topLevelSharded.add(r);
        }
      }
    }
    // Routing predicates: WHERE, and ON conditions of inner joins not under an outer join's
    // NULL-supplying side (there they do not filter the statement's rows).
    for (Ref r : scope.refs) {
      if (r.sharded() == null) {
        continue;
      }
      List<KeyPredicate> parts = new ArrayList<>();
      addPredicate(parts, KeyPredicates.extract(select.getWhere(), id -> isKeyOf(r, id, scope)));
      for (SqlNode on : onConditions) {
        addPredicate(parts, KeyPredicates.extract(on, id -> isKeyOf(r, id, scope)));
      }
      r.predicate = parts.isEmpty() ? new KeyPredicate.Any()
          : parts.size() == 1 ? parts.get(0) : new KeyPredicate.And(parts);
    }
    expression(select.getWhere(), scope, true);
    for (SqlNode item : select.getSelectList()) {
      expression(item, scope, false);
    }
    expression(select.getHaving(), scope, false);
    if (select.getGroup() != null) {
      for (SqlNode g : select.getGroup()) {
        expression(g, scope, false);
      }
    }
    return scope;
  }

  private static void addPredicate(List<KeyPredicate> parts, KeyPredicate p) {
    if (!(p instanceof KeyPredicate.Any)) {
      parts.add(p);
    }
  }

  /**
   * Adds the FROM item's references; collects the inner-join conditions that filter the rows;
   * records key equalities. {@code nullable}: the item is on an outer join's NULL-supplying side.
   */
  private void from(SqlNode node, Scope scope, List<SqlNode> innerConditions, boolean nullable) {
    if (node instanceof SqlJoin join) {
      JoinType type = join.getJoinType();
      boolean leftPreserved = type == JoinType.LEFT || type == JoinType.FULL;
      boolean rightPreserved = type == JoinType.RIGHT || type == JoinType.FULL;
      int before = scope.refs.size();
      from(join.getLeft(), scope, innerConditions, nullable || rightPreserved);
      int middle = scope.refs.size();
      from(join.getRight(), scope, innerConditions, nullable || leftPreserved);
      if (leftPreserved) {
        checkPreservedSide(scope.refs.subList(before, middle), join);
      }
      if (rightPreserved) {
        checkPreservedSide(scope.refs.subList(middle, scope.refs.size()), join);
      }
      SqlNode condition = join.getCondition();
      if (condition != null) {
        if (!nullable
            && (type == JoinType.INNER || type == JoinType.COMMA || type == JoinType.CROSS)) {
          innerConditions.add(condition);
        }
        equalities(condition, scope);
        expression(condition, scope, false);
      }
      return;
    }
    if (node instanceof SqlIdentifier id) {
      addTable(scope, id, null, nullable);
      return;
    }
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      SqlNode source = call.operand(0);
      SqlIdentifier alias = call.operand(1);
      if (source instanceof SqlIdentifier id) {
        addTable(scope, id, alias, nullable);
      } else {
        derived(source, scope, alias);
      }
      return;
    }
    derived(node, scope, null);
  }

  private void checkPreservedSide(List<Ref> side, SqlJoin join) {
    for (Ref r : side) {
      if (r.sharded() == null) {
        analysis.spread(join.getJoinType() + " JOIN preserving " + describe(r)
            + " across shards would emit its unmatched rows once per shard");
      }
    }
  }

  private void derived(SqlNode source, Scope scope, SqlIdentifier alias) {
    String name = alias == null ? "(derived)" : alias.getSimple();
    scope.refs.add(new Ref(null, true, name, alias != null && alias.isComponentQuoted(0), scope,
        false));
    int before = analysis.sharded.size();
    query(source, scope.parent, false);
    if (analysis.sharded.size() > before) {
      analysis.spread("derived table " + name + " over sharded tables");
    }
  }

  private void addTable(Scope scope, SqlIdentifier id, SqlIdentifier alias, boolean nullable) {
    int last = id.names.size() - 1;
    String written = id.names.get(last);
    String aliasName = alias == null ? written : alias.getSimple();
    boolean aliasQuoted = alias == null ? id.isComponentQuoted(last) : alias.isComponentQuoted(0);
    if (id.names.size() == 1 && cteNames.contains(written.toLowerCase(java.util.Locale.ROOT))) {
      scope.refs.add(new Ref(null, true, aliasName, aliasQuoted, scope, nullable));
      return;
    }
    Optional<TableRule> rule = names.table(id);
    Ref ref = new Ref(rule.orElse(null), false, aliasName, aliasQuoted, scope, nullable);
    scope.refs.add(ref);
    analysis.tables.add(rule.map(TableRule::name).orElse(written.toLowerCase(java.util.Locale.ROOT)));
    if (rule.isEmpty()) {
      analysis.readsUnlisted = true;
    } else if (rule.get() instanceof BroadcastTable) {
      analysis.readsBroadcast = true;
    } else {
      analysis.sharded.add(ref);
    }
  }

  /**
   * Walks an expression: records key equalities of its top-level conjuncts (when {@code conjuncts})
   * and analyses every subquery inside it with {@code scope} as the outer scope.
   */
  private void expression(SqlNode node, Scope scope, boolean conjuncts) {
    if (node == null) {
      return;
    }
    if (conjuncts) {
      equalities(node, scope);
      if (scope.refs.stream().anyMatch(r -> r.restricts)) {
        collectPositiveSubqueries(node);
      }
    }
    visitSubqueries(node, scope);
  }

  /**
   * A row of the statement qualifies only if its positive EXISTS/IN subquery finds a row, so that
   * subquery's key predicate restricts the statement as much as a WHERE predicate would.
   */
  private void collectPositiveSubqueries(SqlNode node) {
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call.getKind() == SqlKind.AND) {
      for (SqlNode operand : call.getOperandList()) {
        collectPositiveSubqueries(operand);
      }
    } else if (call.getKind() == SqlKind.EXISTS && isQuery(call.operand(0))) {
      positiveSubqueries.add(call.operand(0));
    } else if (call.getKind() == SqlKind.IN && call.operandCount() == 2 && isQuery(call.operand(1))) {
      positiveSubqueries.add(call.operand(1));
    }
  }

  private void visitSubqueries(SqlNode node, Scope scope) {
    if (node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
        || (node instanceof SqlCall c && isSetOperation(c.getKind()))) {
      subquery(node, scope, null);
      return;
    }
    if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        visitSubqueries(n, scope);
      }
      return;
    }
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call.getKind() == SqlKind.OVER) {
      analysis.spread("window function " + call.operand(0) + " across shards needs every shard's rows");
    }
    if ((call.getKind() == SqlKind.IN || call.getKind() == SqlKind.NOT_IN
        || call.getKind() == SqlKind.SOME || call.getKind() == SqlKind.ALL)
        && call.operandCount() == 2 && isQuery(call.operand(1))) {
      visitSubqueries(call.operand(0), scope);
      subquery(call.operand(1), scope, call.operand(0));
      return;
    }
    for (SqlNode operand : call.getOperandList()) {
      visitSubqueries(operand, scope);
    }
  }

  private static boolean isQuery(SqlNode node) {
    return node instanceof SqlSelect || node instanceof SqlOrderBy || node instanceof SqlWith
        || (node instanceof SqlCall c && isSetOperation(c.getKind()));
  }

  /**
   * A subquery is answerable shard by shard only when each of its sharded references is connected
   * by key equalities to the enclosing query (correlation, or {@code outerKey IN (SELECT innerKey)}).
   */
  private void subquery(SqlNode node, Scope outer, SqlNode inLeft) {
    int before = analysis.sharded.size();
    Scope inner = query(node, outer, false);
    if (inner != null && positiveSubqueries.contains(node)) {
      for (Ref r : inner.refs) {
        r.restricts = !r.nullable;
      }
    }
    if (inLeft instanceof SqlIdentifier leftId && inner != null && node instanceof SqlSelect select
        && select.getSelectList().size() == 1
        && select.getSelectList().get(0) instanceof SqlIdentifier rightId) {
      Ref left = resolveKey(leftId, outer);
      Ref right = resolveKey(rightId, inner);
      if (left != null && right != null) {
        connect(left, right);
      }
    }
    for (int i = before; i < analysis.sharded.size(); i++) {
      Ref r = analysis.sharded.get(i);
      if (!hasOuterConnection(r, before)) {
        analysis.spread("subquery over sharded table " + describe(r)
            + " is not correlated on the co-located sharding key, so it needs rows from every shard");
      }
    }
  }

  /** True when r's component contains a reference that existed before the subquery. */
  private boolean hasOuterConnection(Ref r, int firstSubqueryRef) {
    Ref root = find(r);
    for (int i = 0; i < firstSubqueryRef; i++) {
      if (find(analysis.sharded.get(i)) == root) {
        return true;
      }
    }
    return false;
  }

  /** Records {@code a.key = b.key} equalities among the top-level conjuncts of a condition. */
  private void equalities(SqlNode node, Scope scope) {
    if (!(node instanceof SqlCall call)) {
      return;
    }
    if (call.getKind() == SqlKind.AND) {
      for (SqlNode operand : call.getOperandList()) {
        equalities(operand, scope);
      }
    } else if (call.getKind() == SqlKind.EQUALS && call.operand(0) instanceof SqlIdentifier a
        && call.operand(1) instanceof SqlIdentifier b) {
      Ref ra = resolveKey(a, scope);
      Ref rb = resolveKey(b, scope);
      if (ra != null && rb != null && ra != rb) {
        connect(ra, rb);
      }
    }
  }

  private void connect(Ref a, Ref b) {
    if (a.sharded() != null && b.sharded() != null && a.sharded().isColocatedWith(b.sharded())) {
      find(a).component = find(b);
    }
  }

  private static Ref find(Ref r) {
    while (r.component != r) {
      r.component = r.component.component;
      r = r.component;
    }
    return r;
  }

  /** The sharded reference whose sharding key {@code id} names, or null. */
  private Ref resolveKey(SqlIdentifier id, Scope scope) {
    if (id.isStar()) {
      return null;
    }
    if (id.names.size() == 1) {
      Ref found = null;
      for (Ref r : scope.refs) {
        if (r.sharded() != null && names.matches(id, 0, r.sharded().shardingKey())) {
          if (found != null) {
            return null;
          }
          found = r;
        }
      }
      return found;
    }
    int n = id.names.size();
    for (Scope s = scope; s != null; s = s.parent) {
      for (Ref r : s.refs) {
        if (Names.sameName(id.names.get(n - 2), id.isComponentQuoted(n - 2), r.alias, r.aliasQuoted)) {
          return r.sharded() != null && names.matches(id, n - 1, r.sharded().shardingKey()) ? r : null;
        }
      }
    }
    return null;
  }

  private boolean isKeyOf(Ref ref, SqlIdentifier id, Scope scope) {
    return resolveKey(id, scope) == ref;
  }

  private static String describe(Ref r) {
    String table = r.rule == null ? (r.derived ? "derived table" : "unlisted table") : r.rule.name();
    return r.alias.equalsIgnoreCase(table) ? table : table + " " + r.alias;
  }
}
