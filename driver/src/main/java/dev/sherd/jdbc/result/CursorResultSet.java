package dev.sherd.jdbc.result;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * The JDBC {@link ResultSet} over a {@link RowCursor}: what the application sees of a (possibly
 * merged) query result.
 *
 * <p>Design: every method has the same shape, as in H2's JDBC layer — check the result set is open
 * ({@code 24000} "result set is closed" otherwise), check there is a current row where the method
 * reads one ({@code 24000}), check the column index ({@code 07009}), then convert with
 * {@link JdbcValues}. All the work of producing rows lives behind the cursor. Guarantees:
 * {@link #close()} closes the cursor and then runs {@code onClose} exactly once, even when closing
 * the cursor fails; labels are looked up case-insensitively and the first column with a label wins;
 * values convert exactly as H2, the reference shard database, converts them (checked getter by
 * getter against H2's own result set).
 *
 * <p>Forward-only, read-only ({@code TYPE_FORWARD_ONLY}, {@code CONCUR_READ_ONLY},
 * {@code CLOSE_CURSORS_AT_COMMIT}). Not thread-safe, like every JDBC result set.
 */
public final class CursorResultSet extends ForwardOnlyResultSet {

  private static final String INVALID_CURSOR_STATE = "24000";

  private final RowCursor cursor;
  private final List<ColumnInfo> columns;
  private final Statement statement;
  private final AutoCloseable onClose;
  private final String[] where;
  private final boolean[] decfloat;
  private Map<String, Integer> indexByLabel;
  private ResultSetMetaData metaData;

  private Object[] row;
  private int rowNumber;
  private boolean peeked;
  private boolean peekedRow;
  private boolean afterLast;
  private boolean closed;
  private boolean wasNull;
  private int fetchSize;

  /**
   * @param cursor    the rows; owned by the result set from now on
   * @param columns   one entry per cursor column: labels and types reported to the application
   * @param statement what {@link #getStatement()} returns; may be null
   * @param onClose   run exactly once when the result set closes, after the cursor; may be null
   * @throws IllegalArgumentException when {@code columns} does not describe every cursor column
   */
  public CursorResultSet(RowCursor cursor, List<ColumnInfo> columns, Statement statement,
      AutoCloseable onClose) {
    if (columns.size() != cursor.width()) {
      throw new IllegalArgumentException("the cursor has " + cursor.width()
          + " columns but " + columns.size() + " column descriptions were given");
    }
    this.cursor = cursor;
    this.columns = List.copyOf(columns);
    this.statement = statement;
    this.onClose = onClose;
    this.where = new String[columns.size()];
    this.decfloat = new boolean[columns.size()];
    for (int i = 0; i < where.length; i++) {
      where[i] = "column " + columns.get(i).label();
      decfloat[i] = "DECFLOAT".equalsIgnoreCase(columns.get(i).typeName());
    }
  }

  // ---- cursor

  @Override public boolean next() throws SQLException {
    checkOpen();
    boolean hasRow;
    if (peeked) {
      peeked = false;
      hasRow = peekedRow;
    } else {
      hasRow = !afterLast && cursor.next();
    }
    if (hasRow) {
      row = cursor.row();
      rowNumber++;
    } else {
      row = null;
      afterLast = true;
    }
    return hasRow;
  }

  @Override public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    row = null;
    SQLException failure = null;
    try {
      cursor.close();
    } catch (SQLException e) {
      failure = e;
    }
    if (onClose != null) {
      try {
        onClose.close();
      } catch (Exception e) {
        SQLException wrapped = e instanceof SQLException s ? s
            : new SQLException("closing the result set failed: " + e, e);
        if (failure == null) {
          failure = wrapped;
        } else {
          failure.addSuppressed(wrapped);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override public boolean isClosed() {
    return closed;
  }

  @Override public int getRow() throws SQLException {
    checkOpen();
    return row == null ? 0 : rowNumber;
  }

  /** True before the first row of a non-empty result; reads ahead one row to know. */
  @Override public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    if (rowNumber > 0 || afterLast) {
      return false;
    }
    if (!peeked) {
      peekedRow = cursor.next();
      peeked = true;
    }
    return peekedRow;
  }

  @Override public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override public boolean isFirst() throws SQLException {
    checkOpen();
    return row != null && rowNumber == 1;
  }

  @Override public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    if (indexByLabel == null) {
      indexByLabel = new HashMap<>();
      for (int i = columns.size() - 1; i >= 0; i--) { // the first column with a label wins
        indexByLabel.put(columns.get(i).label().toUpperCase(Locale.ROOT), i + 1);
      }
    }
    Integer index = columnLabel == null ? null
        : indexByLabel.get(columnLabel.toUpperCase(Locale.ROOT));
    if (index == null) {
      throw new SQLSyntaxErrorException("column '" + columnLabel + "' not found; available: "
          + columns.stream().map(ColumnInfo::label).toList(), "42S22");
    }
    return index;
  }

  // ---- getters

  @Override public String getString(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return decfloat[columnIndex - 1] && v instanceof BigDecimal d ? d.toString()
        : JdbcValues.toString(v, where[columnIndex - 1]);
  }

  @Override public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override public boolean getBoolean(int columnIndex) throws SQLException {
    return JdbcValues.toBoolean(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public byte getByte(int columnIndex) throws SQLException {
    return JdbcValues.toByte(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public short getShort(int columnIndex) throws SQLException {
    return JdbcValues.toShort(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public int getInt(int columnIndex) throws SQLException {
    return JdbcValues.toInt(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public long getLong(int columnIndex) throws SQLException {
    return JdbcValues.toLong(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public float getFloat(int columnIndex) throws SQLException {
    return JdbcValues.toFloat(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public double getDouble(int columnIndex) throws SQLException {
    return JdbcValues.toDouble(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return JdbcValues.toBigDecimal(value(columnIndex), where[columnIndex - 1]);
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(columnIndex);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override public byte[] getBytes(int columnIndex) throws SQLException {
    return JdbcValues.toBytes(value(columnIndex), where[columnIndex - 1]);
  }

  @Override public Date getDate(int columnIndex) throws SQLException {
    return getDate(columnIndex, null);
  }

  @Override public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    return TemporalValues.toDate(value(columnIndex), cal, where[columnIndex - 1]);
  }

  @Override public Time getTime(int columnIndex) throws SQLException {
    return getTime(columnIndex, null);
  }

  @Override public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    return TemporalValues.toTime(value(columnIndex), cal, where[columnIndex - 1]);
  }

  @Override public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return getTimestamp(columnIndex, null);
  }

  @Override public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    return TemporalValues.toTimestamp(value(columnIndex), cal, where[columnIndex - 1]);
  }

  @Override public Object getObject(int columnIndex) throws SQLException {
    return value(columnIndex);
  }

  @Override public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return JdbcValues.toObject(value(columnIndex), type, where[columnIndex - 1]);
  }

  @Override public Object getObject(int columnIndex, Map<String, Class<?>> map)
      throws SQLException {
    if (map != null && !map.isEmpty()) {
      throw unsupported("getObject with a type map", "Sherd has no user-defined types");
    }
    return getObject(columnIndex);
  }

  @Override public Array getArray(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v == null || v instanceof Array) {
      return (Array) v;
    }
    throw JdbcValues.cannotConvert(v, "ARRAY", where[columnIndex - 1]);
  }

  @Override public Clob getClob(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v == null || v instanceof Clob) {
      return (Clob) v;
    }
    return new SerialClob(JdbcValues.toString(v, where[columnIndex - 1]).toCharArray());
  }

  @Override public Blob getBlob(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v == null || v instanceof Blob) {
      return (Blob) v;
    }
    return new SerialBlob(JdbcValues.toBytes(v, where[columnIndex - 1]));
  }

  @Override public Reader getCharacterStream(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v instanceof Clob c) {
      return c.getCharacterStream();
    }
    String s = JdbcValues.toString(v, where[columnIndex - 1]);
    return s == null ? null : new StringReader(s);
  }

  @Override public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override public InputStream getBinaryStream(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v instanceof Blob b) {
      return b.getBinaryStream();
    }
    byte[] bytes = JdbcValues.toBytes(v, where[columnIndex - 1]);
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  // ---- result set properties

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    if (metaData == null) {
      metaData = new SherdResultSetMetaData(columns);
    }
    return metaData;
  }

  @Override public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override public int getHoldability() throws SQLException {
    checkOpen();
    return CLOSE_CURSORS_AT_COMMIT;
  }

  @Override public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  @Override public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw new SQLFeatureNotSupportedException("fetch direction " + direction
          + " is not supported: Sherd result sets are forward-only (FETCH_FORWARD = "
          + FETCH_FORWARD + ")", "0A000");
    }
  }

  /** A hint only: rows are already fetched by the shard result sets with their own fetch size. */
  @Override public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new SQLException("fetch size must be >= 0, was " + rows, "HY024");
    }
    fetchSize = rows;
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("CursorResultSet does not wrap " + iface, "HY000");
  }

  @Override public boolean isWrapperFor(Class<?> iface) {
    return iface != null && iface.isInstance(this);
  }

  // ---- checks

  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (row == null) {
      throw new SQLException(afterLast ? "no current row: the result set is after the last row"
          : "no current row: call next() first", INVALID_CURSOR_STATE);
    }
    if (columnIndex < 1 || columnIndex > where.length) {
      throw new SQLException("column index " + columnIndex + " is out of range 1.." + where.length,
          "07009");
    }
    Object v = row[columnIndex - 1];
    wasNull = v == null;
    return v;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw new SQLException("result set is closed", INVALID_CURSOR_STATE);
    }
  }
}
