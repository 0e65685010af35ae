package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardCursorTest {

  @Test
  void next_readsEachRowIntoOneReusedArray() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shard_cursor");
        Statement s = c.createStatement()) {
      ShardCursor cursor = new ShardCursor("s0",
          s.executeQuery("SELECT X, CAST(X AS DECIMAL(5,1)), 'v' || X FROM SYSTEM_RANGE(1, 2)"),
          null);
      assertEquals(3, cursor.width());
      assertTrue(cursor.next());
      Object[] first = cursor.row();
      assertEquals(List.of(1L, new BigDecimal("1.0"), "v1"), List.of(first));
      assertTrue(cursor.next());
      assertSame(first, cursor.row());
      assertEquals(List.of(2L, new BigDecimal("2.0"), "v2"), List.of(cursor.row()));
      assertFalse(cursor.next());
      cursor.close();
    }
  }

  @Test
  void close_closesResultSetThenTheGivenStatement() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:shard_cursor_close")) {
      Statement kept = c.createStatement();
      ResultSet rs1 = kept.executeQuery("SELECT 1");
      new ShardCursor("s0", rs1, null).close();
      assertTrue(rs1.isClosed());
      assertFalse(kept.isClosed());

      Statement owned = c.createStatement();
      ResultSet rs2 = owned.executeQuery("SELECT 1");
      ShardCursor cursor = new ShardCursor("s0", rs2, owned);
      cursor.close();
      cursor.close();
      assertTrue(rs2.isClosed());
      assertTrue(owned.isClosed());
    }
  }

  @Test
  void next_whenShardFails_namesShardAndKeepsStateCodeAndClass() throws SQLException {
    try (Connection c = DriverManager.getConnection(
            "jdbc:h2:mem:shard_cursor_lazy;LAZY_QUERY_EXECUTION=1");
        Statement s = c.createStatement()) {
      ShardCursor cursor = new ShardCursor("orders_3",
          s.executeQuery("SELECT 1 / (X - 3) FROM SYSTEM_RANGE(1, 5)"), null);
      assertTrue(cursor.next());
      assertTrue(cursor.next());
      SQLDataException e = assertThrows(SQLDataException.class, cursor::next);
      assertTrue(e.getMessage().startsWith("shard orders_3: Division by zero"), e.getMessage());
      assertEquals("22012", e.getSQLState());
      assertEquals(22012, e.getErrorCode());
      assertEquals(SQLDataException.class, e.getClass());
      assertTrue(e.getCause() instanceof SQLDataException);
      cursor.close();
    }
  }
}
