package dev.sherd.jdbc.result;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The part of {@link ResultSet} that is the same for every forward-only result: getters by label
 * forward to the getters by index through {@link #findColumn(String)}; scrolling and the types Sherd
 * does not carry (REF, ROWID, SQLXML, NCLOB, DATALINK) throw {@link SQLFeatureNotSupportedException}
 * naming the method. Subclasses implement the getters by index and the cursor state. Not
 * thread-safe, like every JDBC result set.
 */
abstract class ForwardOnlyResultSet extends ReadOnlyResultSet {

  private static SQLFeatureNotSupportedException forwardOnly(String method) {
    return unsupported(method, "Sherd result sets are forward-only");
  }

  private static SQLFeatureNotSupportedException noSuchType(String method) {
    return unsupported(method, "Sherd does not carry this SQL type");
  }

  // ---- scrolling

  @Override public boolean isLast() throws SQLException {
    throw forwardOnly("isLast");
  }

  @Override public void beforeFirst() throws SQLException {
    throw forwardOnly("beforeFirst");
  }

  @Override public void afterLast() throws SQLException {
    throw forwardOnly("afterLast");
  }

  @Override public boolean first() throws SQLException {
    throw forwardOnly("first");
  }

  @Override public boolean last() throws SQLException {
    throw forwardOnly("last");
  }

  @Override public boolean absolute(int row) throws SQLException {
    throw forwardOnly("absolute");
  }

  @Override public boolean relative(int rows) throws SQLException {
    throw forwardOnly("relative");
  }

  @Override public boolean previous() throws SQLException {
    throw forwardOnly("previous");
  }

  // ---- types Sherd does not carry

  @Override public String getCursorName() throws SQLException {
    throw unsupported("getCursorName", "positioned updates need an updatable result set");
  }

  @Deprecated
  @Override public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    throw unsupported("getUnicodeStream", "it is deprecated; use getCharacterStream");
  }

  @Override public Ref getRef(int columnIndex) throws SQLException {
    throw noSuchType("getRef");
  }

  @Override public RowId getRowId(int columnIndex) throws SQLException {
    throw noSuchType("getRowId");
  }

  @Override public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw noSuchType("getSQLXML");
  }

  @Override public NClob getNClob(int columnIndex) throws SQLException {
    throw noSuchType("getNClob");
  }

  @Override public URL getURL(int columnIndex) throws SQLException {
    throw noSuchType("getURL");
  }

  // ---- getters by label

  @Override public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Override public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override public Blob getBlob(String columnLabel) throws SQLException {
    return getBlob(findColumn(columnLabel));
  }

  @Override public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override public Clob getClob(String columnLabel) throws SQLException {
    return getClob(findColumn(columnLabel));
  }

  @Override public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    return getDate(findColumn(columnLabel), cal);
  }

  @Override public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override public NClob getNClob(String columnLabel) throws SQLException {
    return getNClob(findColumn(columnLabel));
  }

  @Override public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override public Object getObject(String columnLabel, Map<String, Class<?>> map)
      throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override public Ref getRef(String columnLabel) throws SQLException {
    return getRef(findColumn(columnLabel));
  }

  @Override public RowId getRowId(String columnLabel) throws SQLException {
    return getRowId(findColumn(columnLabel));
  }

  @Override public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return getSQLXML(findColumn(columnLabel));
  }

  @Override public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    return getTime(findColumn(columnLabel), cal);
  }

  @Override public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(columnLabel), cal);
  }

  @Override public URL getURL(String columnLabel) throws SQLException {
    return getURL(findColumn(columnLabel));
  }

  @Deprecated
  @Override public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return getUnicodeStream(findColumn(columnLabel));
  }
}
