package dev.sherd.jdbc;

import dev.sherd.jdbc.exec.Parameters;
import dev.sherd.jdbc.exec.PlanExecutor;
import dev.sherd.jdbc.exec.StatementOptions;
import dev.sherd.jdbc.meta.LocalStatement;
import dev.sherd.jdbc.meta.SherdParameterMetaData;
import dev.sherd.jdbc.meta.StatementDescriber;
import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.StatementPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;

/**
 * A logical prepared statement: the SQL is planned once, at prepare time (a plan-cache hit when
 * the text was seen before); each execution binds the parameter values into that plan. Parameter
 * values are never pasted into SQL text: every shard statement is itself prepared and bound.
 * A statement the driver answers itself ({@code SET …}, {@code SHOW SHARDING}…: no parameters)
 * is recognised at prepare time and answered at each execution, as {@code Statement.execute}
 * would. Not thread-safe.
 */
public final class SherdPreparedStatement extends SherdStatement implements PreparedStatement {

  private final StatementPlan plan; // null for a statement the driver answers itself
  private final LocalStatement local; // null for a planned statement
  private final String sql;
  private final boolean returnGeneratedKeys;
  private Parameters params;
  private final List<Parameters> batch = new ArrayList<>();

  SherdPreparedStatement(SherdConnection connection, String sql, boolean returnGeneratedKeys)
      throws SQLException {
    super(connection);
    this.local = driverAnswered(sql);
    this.plan = local == null ? plan(sql) : null;
    this.sql = sql;
    this.returnGeneratedKeys = returnGeneratedKeys;
    this.params = new Parameters(local == null ? plan.parameterCount() : 0);
  }

  // ---- execution --------------------------------------------------------------------------------

  @Override
  public ResultSet executeQuery() throws SQLException {
    params.checkAllSet();
    if (!(local != null ? runLocal(local) : run(plan, params, false, Expect.RESULT_SET))) {
      throw new SQLException("statement does not return a result set [SQL: " + sql + "]",
          "02000");
    }
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return toInt(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    params.checkAllSet();
    if (local != null ? runLocal(local)
        : run(plan, params, returnGeneratedKeys, Expect.UPDATE_COUNT)) {
      getResultSet().close();
      throw new SQLException("statement returns a result set; use executeQuery [SQL: "
          + sql + "]", "07000");
    }
    return getLargeUpdateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    params.checkAllSet();
    return local != null ? runLocal(local)
        : run(plan, params, returnGeneratedKeys, Expect.ANY);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    params.checkAllSet();
    batch.add(params.copy());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    try {
      if (batch.isEmpty()) {
        return new long[0];
      }
      if (local != null) {
        throw new BatchUpdateException("a statement the driver answers itself cannot be batched"
            + " [SQL: " + sql + "]", "0A000", 0, new long[0], null);
      }
      if (plan instanceof QueryPlan || plan instanceof ExplainPlan) {
        throw new BatchUpdateException("a query cannot be batched [SQL: " + sql + "]",
            "07000", 0, new long[0], null);
      }
      return PlanExecutor.batch(connection, plan, batch,
          new StatementOptions(getQueryTimeout(), 0, 0, false));
    } finally {
      batch.clear();
    }
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

  private SQLException notOnPrepared() {
    return new SQLException("this method takes SQL text, which a PreparedStatement already has",
        "HY000");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw notOnPrepared();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    throw notOnPrepared();
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    throw notOnPrepared();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw notOnPrepared();
  }

  // ---- metadata ---------------------------------------------------------------------------------

  /** The result's columns as the default shard describes this statement; null for non-queries. */
  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return local != null ? null : StatementDescriber.resultColumns(connection, plan);
  }

  /** The parameters as the default shard describes this statement (unknown where it cannot). */
  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return local != null ? SherdParameterMetaData.unknown(0)
        : StatementDescriber.parameters(connection, plan);
  }

  // ---- parameters -------------------------------------------------------------------------------

  private void set(int index, Object value) throws SQLException {
    checkOpen();
    params.set(index, value);
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    params.clear();
  }

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    checkOpen();
    params.set(index, null, sqlType);
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    setNull(index, sqlType);
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDate(int index, Date x, Calendar cal) throws SQLException {
    set(index, x == null || cal == null ? x
        : LocalDate.ofInstant(Instant.ofEpochMilli(x.getTime()), zone(cal)));
  }

  /** The Calendar's zone says how to read the instant as a wall-clock time (JDBC semantics). */
  @Override
  public void setTime(int index, Time x, Calendar cal) throws SQLException {
    set(index, x == null || cal == null ? x
        : LocalTime.ofInstant(Instant.ofEpochMilli(x.getTime()), zone(cal)));
  }

  @Override
  public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
    set(index, x == null || cal == null ? x : LocalDateTime.ofInstant(x.toInstant(), zone(cal)));
  }

  private static ZoneId zone(Calendar cal) {
    return cal.getTimeZone().toZoneId();
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType) throws SQLException {
    checkOpen();
    params.set(index, x, targetSqlType);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(index, x, targetSqlType);
  }

  @Override
  public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
    setObject(index, x, targetSqlType.getVendorTypeNumber());
  }

  @Override
  public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(index, x, targetSqlType.getVendorTypeNumber());
  }

  @Override
  public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
    setAsciiStream(index, x);
  }

  @Override
  public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
    setAsciiStream(index, x);
  }

  @Override
  public void setAsciiStream(int index, InputStream x) throws SQLException {
    set(index, x == null ? null
        : new String(readAll(x), java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
    throw new SQLFeatureNotSupportedException("setUnicodeStream is deprecated", "0A000");
  }

  @Override
  public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
    setBinaryStream(index, x);
  }

  @Override
  public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
    setBinaryStream(index, x);
  }

  @Override
  public void setBinaryStream(int index, InputStream x) throws SQLException {
    set(index, x == null ? null : readAll(x));
  }

  @Override
  public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setCharacterStream(int index, Reader reader) throws SQLException {
    set(index, reader == null ? null : readAll(reader));
  }

  @Override
  public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
    setCharacterStream(index, value);
  }

  @Override
  public void setNCharacterStream(int index, Reader value) throws SQLException {
    setCharacterStream(index, value);
  }

  @Override
  public void setClob(int index, Clob x) throws SQLException {
    set(index, x == null ? null : x.getSubString(1, (int) x.length()));
  }

  @Override
  public void setClob(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setClob(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setNClob(int index, NClob value) throws SQLException {
    setClob(index, value);
  }

  @Override
  public void setNClob(int index, Reader reader, long length) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setNClob(int index, Reader reader) throws SQLException {
    setCharacterStream(index, reader);
  }

  @Override
  public void setBlob(int index, Blob x) throws SQLException {
    set(index, x == null ? null : x.getBytes(1, (int) x.length()));
  }

  @Override
  public void setBlob(int index, InputStream inputStream, long length) throws SQLException {
    setBinaryStream(index, inputStream);
  }

  @Override
  public void setBlob(int index, InputStream inputStream) throws SQLException {
    setBinaryStream(index, inputStream);
  }

  @Override
  public void setRef(int index, Ref x) throws SQLException {
    throw new SQLFeatureNotSupportedException("setRef", "0A000");
  }

  @Override
  public void setArray(int index, Array x) throws SQLException {
    throw new SQLFeatureNotSupportedException("setArray", "0A000");
  }

  @Override
  public void setURL(int index, URL x) throws SQLException {
    set(index, x == null ? null : x.toString());
  }

  @Override
  public void setRowId(int index, RowId x) throws SQLException {
    throw new SQLFeatureNotSupportedException("setRowId: row ids are per shard", "0A000");
  }

  @Override
  public void setSQLXML(int index, SQLXML xmlObject) throws SQLException {
    set(index, xmlObject == null ? null : xmlObject.getString());
  }

  private static byte[] readAll(InputStream in) throws SQLException {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new SQLException("cannot read the parameter stream: " + e.getMessage(), "22000", e);
    }
  }

  private static String readAll(Reader reader) throws SQLException {
    try (reader) {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      for (int n; (n = reader.read(buf)) > 0; ) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      throw new SQLException("cannot read the parameter reader: " + e.getMessage(), "22000", e);
    }
  }

  @Override
  public String toString() {
    return "SherdPreparedStatement[" + sql + "]";
  }

}
