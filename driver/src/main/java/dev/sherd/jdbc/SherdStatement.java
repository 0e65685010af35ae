package dev.sherd.jdbc;

import dev.sherd.jdbc.cache.CacheStatements;
import dev.sherd.jdbc.exec.Parameters;
import dev.sherd.jdbc.exec.PlanExecutor;
import dev.sherd.jdbc.exec.ResultOwner;
import dev.sherd.jdbc.exec.StatementOptions;
import dev.sherd.jdbc.exec.UpdateResult;
import dev.sherd.jdbc.meta.LocalStatement;
import dev.sherd.jdbc.meta.LocalStatements;
import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.TransactionPlan;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A logical statement. Every execution plans the SQL text (a plan-cache hit after the first time)
 * and hands the plan to {@link PlanExecutor}; the result set it returns holds the shard
 * connections it reads from until it is closed, which happens at the latest when the statement is
 * re-executed or closed. Like any JDBC statement, not thread-safe.
 */
public class SherdStatement implements Statement, ResultOwner {

  final SherdConnection connection;
  private ResultSet resultSet;
  private long updateCount = -1;
  private ResultSet generatedKeys;
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean replacingResults; // closing results for the next execution, not completion
  private int queryTimeout;
  private int fetchSize;
  private long maxRows;
  private final List<String> batch = new ArrayList<>();

  SherdStatement(SherdConnection connection) {
    this.connection = connection;
  }

  // ---- execution --------------------------------------------------------------------------------

  /** What the calling JDBC method accepts: checked before anything runs. */
  enum Expect { ANY, RESULT_SET, UPDATE_COUNT }

  /** Runs a plan; true when it produced a result set. */
  boolean run(StatementPlan plan, Parameters params, boolean wantKeys, Expect expect)
      throws SQLException {
    checkOpen();
    checkKind(plan, expect);
    closeResults();
    StatementOptions options = new StatementOptions(queryTimeout, fetchSize, maxRows, wantKeys);
    if (plan instanceof QueryPlan q) {
      // result cache (dev.sherd.jdbc.cache): a kept result when one is current, else the query
      resultSet = connection.runtime().resultCache().query(connection.cacheSession(), q,
          params.values(), params::sqlType, maxRows, queryTimeout, this,
          () -> PlanExecutor.query(connection, q, params, options, this));
      return true;
    }
    if (plan instanceof ExplainPlan e) {
      resultSet = PlanExecutor.explain(connection, e, params.values(), this);
      return true;
    }
    if (plan instanceof PassthroughPlan p) {
      PlanExecutor.Outcome outcome = PlanExecutor.passthrough(connection, p, params, options, this);
      resultSet = outcome.resultSet();
      updateCount = outcome.updateCount();
      return resultSet != null;
    }
    if (plan instanceof TransactionPlan t) {
      transactionControl(t);
      updateCount = 0;
      return false;
    }
    UpdateResult result = PlanExecutor.update(connection, plan, params, options);
    updateCount = result.count();
    generatedKeys = result.generatedKeys();
    return false;
  }

  /** executeQuery of a write and executeUpdate of a query fail before running, as JDBC requires. */
  private static void checkKind(StatementPlan plan, Expect expect) throws SQLException {
    boolean query = plan instanceof QueryPlan || plan instanceof ExplainPlan;
    boolean known = query || !(plan instanceof PassthroughPlan);
    if (known && expect == Expect.RESULT_SET && !query) {
      throw new SQLException("statement does not return a result set; use executeUpdate or"
          + " execute [SQL: " + plan.sql() + "]", "02000");
    }
    if (known && expect == Expect.UPDATE_COUNT && query) {
      throw new SQLException("statement returns a result set; use executeQuery or execute [SQL: "
          + plan.sql() + "]", "07000");
    }
  }

  private void transactionControl(TransactionPlan t) throws SQLException {
    switch (t.verb()) {
      case "COMMIT":
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        break;
      case "ROLLBACK":
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        break;
      case "BEGIN":
      case "START":
        connection.setAutoCommit(false);
        break;
      default:
        throw new SQLFeatureNotSupportedException(t.verb() + ": savepoints are not supported yet",
            "0A000");
    }
  }

  /** The plan of {@code sql}, once {@link #driverAnswered} (which checks it) found it planned. */
  StatementPlan plan(String sql) throws SQLException {
    // SHOW COLUMNS FROM t, DESCRIBE t...: read-only definitions, answered by the default shard
    StatementPlan definition = LocalStatements.plan(sql, connection.runtime().config());
    return definition != null ? definition : connection.runtime().planner().plan(sql);
  }

  /**
   * The statement the driver answers itself — {@code SHOW CACHE}, {@code SET …}, {@code USE …},
   * {@code SHOW SHARDING}… — or null when {@code sql} is planned.
   *
   * @throws SQLException for a SET the driver refuses, naming the setting
   */
  LocalStatement driverAnswered(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw new SQLException("SQL is null", "42000");
    }
    if (CacheStatements.isShowCache(sql)) { // the result cache's counters
      return (logical, session, owner) -> new PlanExecutor.Outcome(
          CacheStatements.showCache(connection.runtime().resultCache(), owner), -1);
    }
    return LocalStatements.recognize(sql, connection.runtime().config());
  }

  /** Runs a statement the driver answers itself; true when it produced a result set. */
  boolean runLocal(LocalStatement local) throws SQLException {
    checkOpen();
    closeResults();
    PlanExecutor.Outcome outcome = local.execute(connection, connection, this);
    resultSet = outcome.resultSet();
    updateCount = outcome.updateCount();
    return resultSet != null;
  }

  /** Runs SQL text without parameters; true when it produced a result set. */
  private boolean runText(String sql, boolean wantKeys, Expect expect) throws SQLException {
    LocalStatement local = driverAnswered(sql);
    if (local != null) {
      return runLocal(local);
    }
    StatementPlan plan = plan(sql);
    return run(plan, noParameters(plan), wantKeys, expect);
  }

  private Parameters noParameters(StatementPlan plan) throws SQLException {
    if (plan.parameterCount() > 0) {
      throw new SQLException("statement has " + plan.parameterCount() + " ? parameter(s): use a"
          + " PreparedStatement [SQL: " + plan.sql() + "]", "07001");
    }
    return Parameters.none();
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    if (!runText(sql, false, Expect.RESULT_SET)) {
      throw new SQLException("statement does not return a result set [SQL: " + sql + "]", "02000");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return toInt(executeLargeUpdate(sql));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return largeUpdate(sql, false);
  }

  private long largeUpdate(String sql, boolean keys) throws SQLException {
    if (runText(sql, keys, Expect.UPDATE_COUNT)) {
      closeResults();
      throw new SQLException("statement returns a result set; use executeQuery [SQL: " + sql
          + "]", "07000");
    }
    return updateCount;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return runText(sql, false, Expect.ANY);
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return toInt(largeUpdate(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS));
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return toInt(largeUpdate(sql, true));
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return toInt(largeUpdate(sql, true));
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return largeUpdate(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS);
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return largeUpdate(sql, true);
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return largeUpdate(sql, true);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return runText(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS, Expect.ANY);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return runText(sql, true, Expect.ANY);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return runText(sql, true, Expect.ANY);
  }

  static int toInt(long count) {
    return count > Integer.MAX_VALUE ? SUCCESS_NO_INFO : (int) count;
  }

  // ---- batches ----------------------------------------------------------------------------------

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] result = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      result[i] = toInt(counts[i]);
    }
    return result;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    long[] counts = new long[batch.size()];
    try {
      for (int i = 0; i < counts.length; i++) {
        try {
          counts[i] = largeUpdate(batch.get(i), false);
        } catch (SQLException e) {
          throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
              java.util.Arrays.copyOf(counts, i), e);
        }
      }
      return counts;
    } finally {
      batch.clear();
    }
  }

  // ---- results ----------------------------------------------------------------------------------

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return toInt(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return resultSet != null ? -1 : updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT && resultSet != null) {
      resultSet.close();
    }
    resultSet = null;
    updateCount = -1;
    return false;
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    if (generatedKeys == null) {
      throw new SQLException("no generated keys: execute with RETURN_GENERATED_KEYS (available"
          + " for statements that write to one shard)", "HY000");
    }
    return generatedKeys;
  }

  /** closeOnCompletion: the result set closed by the application closes the statement. */
  @Override
  public void resultClosed() throws SQLException {
    if (closeOnCompletion && !replacingResults && !closed) {
      close();
    }
  }

  /** The connection's transaction ended: result sets reading its branches close with it. */
  void closeResultsAtTransactionEnd() throws SQLException {
    ResultSet rs = resultSet;
    resultSet = null;
    if (rs != null) {
      rs.close();
    }
  }

  private void closeResults() throws SQLException {
    replacingResults = true;
    try {
      closeResultsNow();
    } finally {
      replacingResults = false;
    }
  }

  private void closeResultsNow() throws SQLException {
    updateCount = -1;
    ResultSet rs = resultSet;
    ResultSet keys = generatedKeys;
    resultSet = null;
    generatedKeys = null;
    if (rs != null) {
      rs.close();
    }
    if (keys != null) {
      keys.close();
    }
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("statement is closed", "HY010");
    }
    connection.checkOpen();
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    connection.forget(this);
    closeResults();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public void cancel() throws SQLException {
    throw new SQLFeatureNotSupportedException("cancel: use setQueryTimeout", "0A000");
  }

  // ---- settings ---------------------------------------------------------------------------------

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) {
      throw new SQLException("max rows must not be negative: " + max, "22023");
    }
    maxRows = max;
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) {
      throw new SQLException("query timeout must not be negative: " + seconds, "22023");
    }
    queryTimeout = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    throw new SQLFeatureNotSupportedException("setCursorName: positioned updates", "0A000");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD) {
      throw new SQLFeatureNotSupportedException("only FETCH_FORWARD is supported", "0A000");
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size must not be negative: " + rows, "22023");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
