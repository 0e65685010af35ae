package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SherdResultSetMetaDataTest {

  @Test
  void description_matchesTheShardsMetaData() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:metadata");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE M(ID BIGINT AUTO_INCREMENT PRIMARY KEY, NAME VARCHAR(20) NOT NULL,"
          + " AMOUNT DECIMAL(12,2), AT TIMESTAMP)");
      try (ResultSet rs = s.executeQuery("SELECT ID, NAME AS LABEL, AMOUNT, AT, COUNT(*) OVER ()"
          + " FROM M")) {
        ResultSetMetaData h2 = rs.getMetaData();
        ResultSetMetaData ours = new SherdResultSetMetaData(ColumnInfo.from(h2));
        assertEquals(h2.getColumnCount(), ours.getColumnCount());
        for (int i = 1; i <= h2.getColumnCount(); i++) {
          assertEquals(h2.getColumnLabel(i), ours.getColumnLabel(i));
          assertEquals(h2.getColumnName(i), ours.getColumnName(i));
          assertEquals(h2.getTableName(i), ours.getTableName(i));
          assertEquals(h2.getSchemaName(i), ours.getSchemaName(i));
          assertEquals(h2.getCatalogName(i), ours.getCatalogName(i));
          assertEquals(h2.getColumnType(i), ours.getColumnType(i));
          assertEquals(h2.getColumnTypeName(i), ours.getColumnTypeName(i));
          assertEquals(h2.getColumnClassName(i), ours.getColumnClassName(i));
          assertEquals(h2.getPrecision(i), ours.getPrecision(i));
          assertEquals(h2.getScale(i), ours.getScale(i));
          assertEquals(h2.getColumnDisplaySize(i), ours.getColumnDisplaySize(i));
          assertEquals(h2.isNullable(i), ours.isNullable(i));
          assertEquals(h2.isSigned(i), ours.isSigned(i));
          assertEquals(h2.isAutoIncrement(i), ours.isAutoIncrement(i));
          assertEquals(h2.isCaseSensitive(i), ours.isCaseSensitive(i));
          assertEquals(h2.isCurrency(i), ours.isCurrency(i));
          assertTrue(ours.isSearchable(i));
          assertTrue(ours.isReadOnly(i));
          assertFalse(ours.isWritable(i));
          assertFalse(ours.isDefinitelyWritable(i));
        }
      }
    }
  }

  @Test
  void columnIndex_outOfRange_fails07009() {
    ResultSetMetaData md = new SherdResultSetMetaData(java.util.List.of(Columns.bigint("A")));
    assertEquals("07009", assertThrows(SQLException.class, () -> md.getColumnLabel(2))
        .getSQLState());
    assertEquals("07009", assertThrows(SQLException.class, () -> md.isReadOnly(0)).getSQLState());
  }
}
