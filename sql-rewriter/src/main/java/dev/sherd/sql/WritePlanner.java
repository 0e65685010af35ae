package dev.sherd.sql;

import dev.sherd.metadata.BroadcastTable;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardedTable;
import dev.sherd.metadata.TableRule;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.Refusals;
import dev.sherd.sql.plan.RouteSpec;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.TableRoute;
import dev.sherd.sql.plan.WritePlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Plans INSERT, UPDATE and DELETE. The guarantees: an INSERT row lands on the shard its sharding
 * key maps to; an UPDATE never moves a row to another shard (refused); a broadcast table's copies
 * receive the same statement and stay identical, so a write that would compute different values per
 * shard (reading a sharded table) is refused; the statement text sent is the application's own
 * unless rows must be split per shard. Thread-safe.
 */
final class WritePlanner {

  private final ClusterConfig config;
  private final Names names;
  private final SqlDialects dialects;
  private final RouteFactory routes;

  WritePlanner(ClusterConfig config, Names names, SqlDialects dialects, RouteFactory routes) {
    this.config = config;
    this.names = names;
    this.dialects = dialects;
    this.routes = routes;
  }

  StatementPlan plan(String sql, StatementShape shape, SqlNode node) throws SQLException {
    if (node instanceof SqlInsert insert) {
      return insert(sql, shape, insert);
    }
    if (node instanceof SqlUpdate update) {
      List<SqlNode> sources = new ArrayList<>(update.getSourceExpressionList().getList());
      WritePlan.KeyChange keyChange = null;
      Optional<TableRule> rule = names.table((SqlIdentifier) update.getTargetTable());
      if (rule.isPresent() && rule.get() instanceof ShardedTable sharded) {
        SqlNodeList columns = update.getTargetColumnList();
        for (int i = 0; i < columns.size(); i++) {
          SqlIdentifier column = (SqlIdentifier) columns.get(i);
          if (names.matches(column, column.names.size() - 1, sharded.shardingKey())) {
            MergeExpr value = KeyPredicates.valueOf(sources.get(i));
            if (value == null) {
              throw Refusals.unsupported("UPDATE setting sharding key " + sharded.name() + "."
                  + sharded.shardingKey() + " to an expression could move rows to another shard");
            }
            keyChange = new WritePlan.KeyChange(sharded, value);
          }
        }
      }
      return updateOrDelete(sql, shape, (SqlIdentifier) update.getTargetTable(), update.getAlias(),
          update.getCondition(), sources, keyChange);
    }
    SqlDelete delete = (SqlDelete) node;
    return updateOrDelete(sql, shape, (SqlIdentifier) delete.getTargetTable(), delete.getAlias(),
        delete.getCondition(), List.of(), null);
  }

  private StatementPlan updateOrDelete(String sql, StatementShape shape, SqlIdentifier target,
      SqlIdentifier alias, SqlNode condition, List<SqlNode> sources, WritePlan.KeyChange keyChange)
      throws SQLException {
    QueryAnalyzer.Analysis analysis = new QueryAnalyzer(names)
        .analyzeWrite(target, alias, condition, sources);
    Optional<TableRule> rule = names.table(target);
    String table = rule.map(TableRule::name).orElse(lastName(target));
    ShardSql statement = ShardSql.verbatim(shape.body, shape.parameterCount);
    boolean broadcast = rule.isPresent() && rule.get() instanceof BroadcastTable;
    RouteSpec route;
    if (broadcast) {
      if (!analysis.sharded.isEmpty() || analysis.readsUnlisted) {
        throw Refusals.unsupported("write to broadcast table " + table + " that reads "
            + (analysis.sharded.isEmpty() ? "an unlisted" : "a sharded") + " table: the copies"
            + " on each shard would get different values");
      }
      route = RouteSpec.fixed(config.allShards());
    } else {
      route = routes.route(analysis, false);
    }
    return new WritePlan(sql, shape.parameterCount, route, statement, broadcast, Set.of(table),
        keyChange);
  }

  private StatementPlan insert(String sql, StatementShape shape, SqlInsert insert)
      throws SQLException {
    SqlIdentifier target = (SqlIdentifier) insert.getTargetTable();
    Optional<TableRule> rule = names.table(target);
    String table = rule.map(TableRule::name).orElse(lastName(target));
    SqlNode source = insert.getSource();
    boolean values = source.getKind() == SqlKind.VALUES;
    QueryAnalyzer.Analysis reads = new QueryAnalyzer(names).analyzeQuery(source);
    if (values && (!reads.sharded.isEmpty() || (rule.isPresent() && reads.readsUnlisted))) {
      throw Refusals.unsupported("INSERT into " + table + " with a subquery in VALUES reading "
          + (reads.sharded.isEmpty() ? "an unlisted" : "a sharded") + " table: its value would be"
          + " computed from one shard's rows only");
    }
    if (rule.isEmpty()) {
      RouteSpec route = RouteSpec.fixed(ShardSet.single(config.defaultShard()));
      if (!values && !reads.sharded.isEmpty()) {
        // The SELECT's predicates do not restrict the INSERT: an aggregate over no rows still
        // inserts one row, so a reference matching nothing needs no shard rather than none.
        List<TableRoute> routes = new ArrayList<>();
        for (TableRoute r : reads.routes()) {
          routes.add(new TableRoute(r.table(), r.alias(), r.predicate(), false));
        }
        route = new RouteSpec(ShardSet.single(config.defaultShard()), routes,
            "INSERT … SELECT into unlisted table " + table + " (default shard) reading sharded"
                + " table rows from other shards", false, -1);
      }
      return InsertPlan.fixed(sql, shape.parameterCount, table, route, false);
    }
    if (rule.get() instanceof BroadcastTable) {
      if (!values && (!reads.sharded.isEmpty() || reads.readsUnlisted)) {
        throw Refusals.unsupported("INSERT … SELECT into broadcast table " + table
            + " reading a sharded or unlisted table: the copies would differ");
      }
      return InsertPlan.fixed(sql, shape.parameterCount, table,
          RouteSpec.fixed(config.allShards()), true);
    }
    ShardedTable sharded = (ShardedTable) rule.get();
    if (!values) {
      throw Refusals.unsupported("INSERT … SELECT into sharded table " + table
          + ": rows are not routed one by one; insert VALUES");
    }
    SqlNodeList columns = insert.getTargetColumnList();
    if (columns == null) {
      throw Refusals.unsupported("INSERT into sharded table " + table + " without a column list:"
          + " name the columns so the sharding key " + sharded.shardingKey() + " can be found");
    }
    int keyPosition = -1;
    for (int i = 0; i < columns.size(); i++) {
      SqlIdentifier c = (SqlIdentifier) columns.get(i);
      if (names.matches(c, c.names.size() - 1, sharded.shardingKey())) {
        keyPosition = i;
      }
    }
    if (keyPosition < 0) {
      throw new java.sql.SQLIntegrityConstraintViolationException("INSERT into sharded table "
          + table + " does not set its sharding key " + sharded.shardingKey(), "23502");
    }
    List<SqlNode> rows = ((SqlBasicCall) source).getOperandList();
    List<MergeExpr> keys = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      SqlNode row = rows.get(r);
      SqlNode keyNode = row instanceof SqlCall call && call.getKind() == SqlKind.ROW
          ? call.operand(keyPosition) : row;
      MergeExpr key = KeyPredicates.valueOf(keyNode);
      if (key == null && keyNode instanceof SqlLiteral lit && lit.getValue() == null) {
        key = new MergeExpr.Literal(null);
      }
      if (key == null) {
        throw Refusals.unsupported("INSERT into " + table + " with sharding key " + keyNode
            + " in row " + (r + 1) + ": only a literal or a parameter can be routed");
      }
      keys.add(key);
    }
    int parameterCount = shape.parameterCount;
    return InsertPlan.sharded(sql, parameterCount, sharded, keys, subset -> {
      SqlNode[] chosen = new SqlNode[subset.length];
      for (int i = 0; i < subset.length; i++) {
        chosen[i] = rows.get(subset[i]);
      }
      SqlInsert part = new SqlInsert(SqlParserPos.ZERO, (SqlNodeList) insert.getOperandList().get(0),
          target, SqlStdOperatorTable.VALUES.createCall(SqlParserPos.ZERO, chosen), columns);
      return dialects.unparse(part, parameterCount, List.of(), null);
    });
  }

  private static String lastName(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
  }
}
