package dev.sherd.jdbc.result;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
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

/**
 * The write half of {@link ResultSet}, rejected: Sherd result sets are {@code CONCUR_READ_ONLY}, so
 * every update, insert, delete and refresh method throws {@link SQLFeatureNotSupportedException}
 * naming the method (SQLState {@code 0A000}). The {@code updateObject} variants taking a
 * {@code SQLType} keep the interface's default, which throws the same exception. Not thread-safe.
 */
abstract class ReadOnlyResultSet implements ResultSet {

  static SQLFeatureNotSupportedException unsupported(String method, String why) {
    return new SQLFeatureNotSupportedException(method + " is not supported: " + why, "0A000");
  }

  private static SQLFeatureNotSupportedException readOnly(String method) {
    return unsupported(method, "Sherd result sets are read-only");
  }

  @Override public boolean rowUpdated() throws SQLException {
    throw readOnly("rowUpdated");
  }

  @Override public boolean rowInserted() throws SQLException {
    throw readOnly("rowInserted");
  }

  @Override public boolean rowDeleted() throws SQLException {
    throw readOnly("rowDeleted");
  }

  @Override public void insertRow() throws SQLException {
    throw readOnly("insertRow");
  }

  @Override public void updateRow() throws SQLException {
    throw readOnly("updateRow");
  }

  @Override public void deleteRow() throws SQLException {
    throw readOnly("deleteRow");
  }

  @Override public void refreshRow() throws SQLException {
    throw readOnly("refreshRow");
  }

  @Override public void cancelRowUpdates() throws SQLException {
    throw readOnly("cancelRowUpdates");
  }

  @Override public void moveToInsertRow() throws SQLException {
    throw readOnly("moveToInsertRow");
  }

  @Override public void moveToCurrentRow() throws SQLException {
    throw readOnly("moveToCurrentRow");
  }

  @Override public void updateArray(int columnIndex, Array x) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override public void updateArray(String columnLabel, Array x) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override public void updateAsciiStream(int columnIndex, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override public void updateAsciiStream(int columnIndex, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override public void updateAsciiStream(String columnLabel, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override public void updateAsciiStream(String columnLabel, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override public void updateBinaryStream(int columnIndex, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override public void updateBinaryStream(int columnIndex, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override public void updateBinaryStream(String columnLabel, InputStream x, int length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override public void updateBinaryStream(String columnLabel, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override public void updateBlob(int columnIndex, InputStream x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override public void updateBlob(int columnIndex, Blob x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override public void updateBlob(int columnIndex, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override public void updateBlob(String columnLabel, InputStream x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override public void updateBlob(String columnLabel, Blob x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override public void updateBlob(String columnLabel, InputStream x, long length)
      throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override public void updateByte(int columnIndex, byte x) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override public void updateByte(String columnLabel, byte x) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override public void updateCharacterStream(int columnIndex, Reader reader) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override public void updateCharacterStream(int columnIndex, Reader reader, int length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override public void updateCharacterStream(int columnIndex, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override public void updateCharacterStream(String columnLabel, Reader reader)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override public void updateCharacterStream(String columnLabel, Reader reader, int length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override public void updateCharacterStream(String columnLabel, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override public void updateClob(int columnIndex, Reader reader) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override public void updateClob(int columnIndex, Clob x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override public void updateClob(int columnIndex, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateClob");
  }

  @Override public void updateClob(String columnLabel, Reader reader) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override public void updateClob(String columnLabel, Clob x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override public void updateClob(String columnLabel, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateClob");
  }

  @Override public void updateDate(int columnIndex, Date x) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override public void updateDate(String columnLabel, Date x) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override public void updateDouble(int columnIndex, double x) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override public void updateDouble(String columnLabel, double x) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override public void updateFloat(int columnIndex, float x) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override public void updateFloat(String columnLabel, float x) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override public void updateInt(int columnIndex, int x) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override public void updateInt(String columnLabel, int x) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override public void updateLong(int columnIndex, long x) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override public void updateLong(String columnLabel, long x) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override public void updateNCharacterStream(int columnIndex, Reader reader) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override public void updateNCharacterStream(int columnIndex, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override public void updateNCharacterStream(String columnLabel, Reader reader)
      throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override public void updateNCharacterStream(String columnLabel, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override public void updateNClob(int columnIndex, NClob x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override public void updateNClob(int columnIndex, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override public void updateNClob(String columnLabel, NClob x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override public void updateNClob(String columnLabel, Reader reader, long length)
      throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override public void updateNString(int columnIndex, String x) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override public void updateNString(String columnLabel, String x) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override public void updateNull(int columnIndex) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override public void updateNull(String columnLabel) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override public void updateObject(int columnIndex, Object x) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override public void updateObject(int columnIndex, Object x, int scaleOrLength)
      throws SQLException {
    throw readOnly("updateObject");
  }

  @Override public void updateObject(String columnLabel, Object x) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override public void updateObject(String columnLabel, Object x, int scaleOrLength)
      throws SQLException {
    throw readOnly("updateObject");
  }

  @Override public void updateRef(int columnIndex, Ref x) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override public void updateRef(String columnLabel, Ref x) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override public void updateRowId(int columnIndex, RowId x) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override public void updateRowId(String columnLabel, RowId x) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override public void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override public void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override public void updateShort(int columnIndex, short x) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override public void updateShort(String columnLabel, short x) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override public void updateString(int columnIndex, String x) throws SQLException {
    throw readOnly("updateString");
  }

  @Override public void updateString(String columnLabel, String x) throws SQLException {
    throw readOnly("updateString");
  }

  @Override public void updateTime(int columnIndex, Time x) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override public void updateTime(String columnLabel, Time x) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    throw readOnly("updateTimestamp");
  }

  @Override public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    throw readOnly("updateTimestamp");
  }
}
