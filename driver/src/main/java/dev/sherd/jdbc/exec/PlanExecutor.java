package dev.sherd.jdbc.exec;

import dev.sherd.jdbc.cache.WriteFence;
import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.ShardCursor;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.sql.ExplainRenderer;
import dev.sherd.sql.plan.DdlPlan;
import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.InsertPlan;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.WritePlan;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point from the JDBC statements into execution: one method per kind of outcome.
 * Stateless; everything per execution comes in as arguments.
 */
public final class PlanExecutor {

  private PlanExecutor() {}

  /** Runs a SELECT. */
  public static ResultSet query(ShardSession session, QueryPlan plan, Parameters params,
      StatementOptions options, Statement owner) throws SQLException {
    return QueryRunner.run(session, plan, params, options, owner);
  }

  /** Runs an INSERT, UPDATE, DELETE or DDL plan. */
  public static UpdateResult update(ShardSession session, StatementPlan plan, Parameters params,
      StatementOptions options) throws SQLException {
    // result cache (dev.sherd.jdbc.cache): the written tables' generations move before and after
    WriteFence fence = session.runtime().resultCache().beginWrite(session.cacheSession(), plan);
    try {
      return updateUnfenced(session, plan, params, options);
    } finally {
      fence.close();
    }
  }

  private static UpdateResult updateUnfenced(ShardSession session, StatementPlan plan,
      Parameters params, StatementOptions options) throws SQLException {
    if (plan instanceof WritePlan w) {
      return WriteRunner.write(session, w, params, options);
    }
    if (plan instanceof InsertPlan i) {
      return WriteRunner.insert(session, i, params, options);
    }
    if (plan instanceof DdlPlan d) {
      return WriteRunner.ddl(session, d, options);
    }
    throw new SQLException("not an update statement: " + plan.sql(), "42000");
  }

  /** Runs a batch of parameter sets of one write plan. */
  public static long[] batch(ShardSession session, StatementPlan plan, List<Parameters> batch,
      StatementOptions options) throws SQLException {
    // result cache (dev.sherd.jdbc.cache): the written tables' generations move before and after
    WriteFence fence = session.runtime().resultCache().beginWrite(session.cacheSession(), plan);
    try {
      return BatchRunner.run(session, plan, batch, options);
    } finally {
      fence.close();
    }
  }

  /** A statement passed through to one shard: its result set or its update count. */
  public record Outcome(ResultSet resultSet, long updateCount) {}

  public static Outcome passthrough(ShardSession session, PassthroughPlan plan, Parameters params,
      StatementOptions options, Statement owner) throws SQLException {
    // result cache (dev.sherd.jdbc.cache): a statement that may write outdates every kept result
    WriteFence fence = session.runtime().resultCache().beginWrite(session.cacheSession(), plan);
    try {
      return passthroughUnfenced(session, plan, params, options, owner);
    } finally {
      fence.close();
    }
  }

  private static Outcome passthroughUnfenced(ShardSession session, PassthroughPlan plan,
      Parameters params, StatementOptions options, Statement owner) throws SQLException {
    String name = session.runtime().config().shard(plan.shard()).name();
    Lease lease = session.lease(plan.shard());
    ShardSql sql = ShardSql.verbatim(plan.sql(), plan.parameterCount());
    ShardStatement statement = null;
    try {
      statement = ShardStatements.prepareOnce(lease, sql, params, options);
      if (statement.execute()) {
        ResultSet rs = statement.physical().getResultSet();
        return new Outcome(new CursorResultSet(new ShardCursor(name, rs, statement),
            ColumnInfo.from(rs.getMetaData()), owner, lease::release), -1);
      }
      long count = statement.physical().getLargeUpdateCount();
      statement.close();
      lease.release();
      return new Outcome(null, count);
    } catch (SQLException e) {
      if (statement != null) {
        statement.close();
      }
      lease.release();
      throw ShardErrors.wrap(name, e);
    }
  }

  /** EXPLAIN: the plan's description as a result set; nothing is executed. */
  public static ResultSet explain(ShardSession session, ExplainPlan plan, Object[] params,
      Statement owner) throws SQLException {
    List<String[]> rows = new ExplainRenderer(session.runtime().config()).render(plan, params);
    List<Object[]> data = new ArrayList<>(rows);
    List<ColumnInfo> columns = new ArrayList<>();
    for (String label : ExplainRenderer.COLUMNS) {
      columns.add(new ColumnInfo(label, label, "", "", "", Types.VARCHAR, "CHARACTER VARYING",
          String.class.getName(), Integer.MAX_VALUE, 0, 80, ResultSetMetaData.columnNullable,
          false, false, true, false));
    }
    return new CursorResultSet(new ListCursor(data, columns.size()), columns, owner, null);
  }
}
