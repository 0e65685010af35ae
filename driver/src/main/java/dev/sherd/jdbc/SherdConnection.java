package dev.sherd.jdbc;

import dev.sherd.jdbc.cache.CacheSession;
import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.exec.ShardSession;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.jdbc.runtime.ClusterRegistry;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.jdbc.tx.GlobalTransaction;
import dev.sherd.metadata.DialectFamily;
import dev.sherd.metadata.ShardSet;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A logical connection to a sharded cluster. It holds no physical connection while idle in
 * auto-commit mode: each statement borrows what it needs from the shard pools and returns it when
 * its result is closed. With auto-commit off it holds, per shard, the connection of the open
 * transaction's branch ({@link GlobalTransaction}), committed atomically across shards. Closing it closes its statements, rolls back an open
 * transaction and releases the cluster runtime. Like any JDBC connection, not thread-safe.
 */
public final class SherdConnection implements Connection, ShardSession {

  private final ClusterRuntime runtime;
  private final String url;
  private final SessionState session = new SessionState();
  private final Set<SherdStatement> statements =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private GlobalTransaction transaction;
  private boolean autoCommit = true;
  private boolean closed;
  private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
  private final Properties clientInfo = new Properties();
  private final CacheSession cacheSession; // result cache: opt-out, the transaction's writes

  SherdConnection(ClusterRuntime runtime, String url) {
    this.runtime = runtime;
    this.url = ClusterRegistry.describedUrl(url, runtime.config());
    this.cacheSession = new CacheSession(runtime.resultCache(), this::inTransaction,
        () -> session.isolation);
  }

  // ---- ShardSession -----------------------------------------------------------------------------

  @Override
  public ClusterRuntime runtime() {
    return runtime;
  }

  @Override
  public Lease lease(int shard) throws SQLException {
    checkOpen();
    if (transaction != null) {
      return transaction.lease(shard);
    }
    return borrow(shard);
  }

  /** A pooled connection with this session's settings, returned to the pool on release. */
  private Lease borrow(int shard) throws SQLException {
    java.sql.Connection c = runtime.pools().borrow(shard);
    try {
      session.applyTo(c);
    } catch (SQLException e) {
      c.close();
      throw ShardErrors.wrap(runtime.config().shard(shard).name(), e);
    }
    return new Lease(shard, c, true, runtime.pools());
  }

  @Override
  public boolean inTransaction() {
    return transaction != null;
  }

  @Override
  public void beforeWrite(ShardSet shards, String sql) throws SQLException {
    if (transaction != null) {
      transaction.beforeWrite(shards);
    }
  }

  @Override
  public CacheSession cacheSession() {
    return cacheSession;
  }

  @Override
  public ShardSession beforeDdl(ShardSet shards, String sql) throws SQLException {
    if (transaction == null) {
      return this;
    }
    if (runtime.config().dialect() == DialectFamily.POSTGRESQL) {
      transaction.beforeWrite(shards); // transactional DDL: part of the transaction's commit
      return this;
    }
    commit(); // H2 and MySQL commit the open transaction before DDL; so does the cluster
    return autoCommitView;
  }

  /**
   * This connection's session as if auto-commit were on, for DDL that H2 and MySQL run outside
   * any transaction even when the application's connection has auto-commit off.
   */
  private final ShardSession autoCommitView = new ShardSession() {
    @Override
    public ClusterRuntime runtime() {
      return runtime;
    }

    @Override
    public Lease lease(int shard) throws SQLException {
      return borrow(shard);
    }

    @Override
    public boolean inTransaction() {
      return false;
    }

    @Override
    public ShardSession beforeDdl(ShardSet shards, String sql) {
      return this;
    }

    @Override
    public void markRollbackOnly(String reason) {
      // no transaction
    }

    @Override
    public void beforeWrite(ShardSet shards, String sql) {
      // no transaction
    }

    @Override
    public void schemaChanged() {
      SherdConnection.this.schemaChanged();
    }

    @Override
    public CacheSession cacheSession() {
      return cacheSession;
    }
  };

  @Override
  public void markRollbackOnly(String reason) {
    if (transaction != null) {
      transaction.markRollbackOnly(reason);
    }
  }

  @Override
  public void schemaChanged() {
    runtime.schemaChanged();
  }

  String url() {
    return url;
  }

  void forget(SherdStatement statement) {
    statements.remove(statement);
  }

  void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLNonTransientConnectionException("connection is closed", "08003");
    }
  }

  // ---- statements -------------------------------------------------------------------------------

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return register(new SherdStatement(this));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency);
    return createStatement();
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    checkOpen();
    return register(new SherdPreparedStatement(this, sql, false));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    checkResultSetOptions(resultSetType, resultSetConcurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    checkOpen();
    return register(new SherdPreparedStatement(this, sql,
        autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
  }

  private <T extends SherdStatement> T register(T statement) {
    statements.add(statement);
    return statement;
  }

  private static void checkResultSetOptions(int type, int concurrency) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw new SQLFeatureNotSupportedException("only forward-only, read-only result sets are"
          + " supported (merged results stream from several shards)", "0A000");
    }
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw new SQLFeatureNotSupportedException("prepareCall: stored procedures are not routed"
        + " across shards", "0A000");
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions -----------------------------------------------------------------------------

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (autoCommit == this.autoCommit) {
      return;
    }
    if (autoCommit && transaction != null) {
      closeTransactionResults();
      cacheSession.endTransaction(transaction::commit); // JDBC: switching auto-commit on commits
      transaction = null;
    }
    this.autoCommit = autoCommit;
    if (!autoCommit) {
      transaction = new GlobalTransaction(runtime.transactions(), session);
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return autoCommit;
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    if (autoCommit) {
      throw new SQLException("commit() with auto-commit on", "25000");
    }
    closeTransactionResults();
    cacheSession.endTransaction(transaction::commit); // result cache: fences its writes
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    if (autoCommit) {
      throw new SQLException("rollback() with auto-commit on", "25000");
    }
    closeTransactionResults();
    cacheSession.endTransaction(transaction::rollback); // result cache: fences its writes
  }

  /**
   * Result sets are CLOSE_CURSORS_AT_COMMIT: a transaction's results read from its branches'
   * connections, which end with it.
   */
  private void closeTransactionResults() throws SQLException {
    for (SherdStatement s : new ArrayList<>(statements)) {
      s.closeResultsAtTransactionEnd();
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw savepoints();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw savepoints();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw savepoints();
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw savepoints();
  }

  private static SQLFeatureNotSupportedException savepoints() {
    return new SQLFeatureNotSupportedException("savepoints are not supported yet: a savepoint"
        + " would have to be set on every shard the transaction touches", "0A000");
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    if (transaction != null && !transaction.isEmpty()) {
      throw new SQLException("cannot change the isolation level inside an open transaction",
          "25001");
    }
    session.isolation = level;
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    if (session.isolation >= 0) {
      return session.isolation;
    }
    Lease lease = lease(runtime.config().defaultShard());
    try {
      return lease.connection().getTransactionIsolation();
    } finally {
      lease.release();
    }
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    session.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return session.readOnly;
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    SQLException failure = null;
    for (SherdStatement s : new ArrayList<>(statements)) {
      try {
        s.close();
      } catch (SQLException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (transaction != null) {
      try {
        cacheSession.endTransaction(transaction::rollback);
      } catch (SQLException e) {
        failure = failure == null ? e : failure;
      }
      transaction = null;
    }
    closed = true;
    ClusterRegistry.release(runtime);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("timeout must not be negative", "22023");
    }
    return !closed;
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    close();
  }

  // ---- metadata and properties ------------------------------------------------------------------

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return SherdDatabaseMetaData.of(this);
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
    String own = runtime.catalog();
    if (catalog != null && own != null && !catalog.equals(own)) {
      throw new SQLFeatureNotSupportedException("setCatalog(" + catalog + "): the cluster is one"
          + " logical catalog, " + own + "; other catalogs on the shard servers are not part of"
          + " it", "0A000");
    }
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return runtime.catalog();
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    String current = getSchema();
    if (!java.util.Objects.equals(schema, current)) {
      throw new SQLFeatureNotSupportedException("setSchema(" + schema + "): only the schema every"
          + " shard connection is already in (" + current + ") can be set; name the schema in"
          + " every shard's JDBC URL in the cluster config", "0A000");
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    Lease lease = lease(runtime.config().defaultShard());
    try {
      return lease.connection().getSchema();
    } finally {
      lease.release();
    }
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
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return Map.of();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    throw new SQLFeatureNotSupportedException("setTypeMap", "0A000");
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw new SQLFeatureNotSupportedException("only CLOSE_CURSORS_AT_COMMIT: a transaction's"
          + " result sets read from shard connections that end with it", "0A000");
    }
    this.holdability = holdability;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (CacheSession.PROPERTY.equals(name)) {
      cacheSession.apply(value); // sherd.cache=off: this connection does not use the result cache
    }
    clientInfo.setProperty(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    cacheSession.apply(properties.getProperty(CacheSession.PROPERTY)); // result cache opt-out
    clientInfo.clear();
    clientInfo.putAll(properties);
  }

  @Override
  public String getClientInfo(String name) {
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() {
    return (Properties) clientInfo.clone();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return 0;
  }

  // ---- object factories: values are created by the shard drivers, not here ----------------------

  @Override
  public Clob createClob() throws SQLException {
    throw factory("createClob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw factory("createBlob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw factory("createNClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw factory("createSQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw factory("createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw factory("createStruct");
  }

  private static SQLFeatureNotSupportedException factory(String method) {
    return new SQLFeatureNotSupportedException(method + ": bind a String or byte[] instead",
        "0A000");
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

  @Override
  public String toString() {
    return "SherdConnection[" + runtime.name() + (closed ? ", closed" : "") + "]";
  }
}
