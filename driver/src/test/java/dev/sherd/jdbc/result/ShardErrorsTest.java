package dev.sherd.jdbc.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardErrorsTest {

  @Test
  void wrap_keepsJdbc4SubclassStateCodeAndCause() {
    for (SQLException original : List.of(
        new SQLIntegrityConstraintViolationException("dup", "23505", 23505),
        new SQLSyntaxErrorException("bad", "42000", 42000),
        new SQLNonTransientConnectionException("gone", "08006", 1),
        new SQLTransactionRollbackException("deadlock", "40001", 40001),
        new SQLTimeoutException("slow", "57014", 2),
        new SQLException("plain", "HY000", 3))) {
      SQLException wrapped = ShardErrors.wrap("s2", original);
      assertEquals(original.getClass(), wrapped.getClass());
      assertEquals("shard s2: " + original.getMessage(), wrapped.getMessage());
      assertEquals(original.getSQLState(), wrapped.getSQLState());
      assertEquals(original.getErrorCode(), wrapped.getErrorCode());
      assertSame(original, wrapped.getCause());
    }
  }

  @Test
  void wrap_vendorSubclass_becomesItsStandardSuperclass() {
    SQLException vendor = new SQLSyntaxErrorException("x", "42S02", 42102) {};
    assertEquals(SQLSyntaxErrorException.class, ShardErrors.wrap("s0", vendor).getClass());
  }

  @Test
  void wrap_batchUpdateException_keepsUpdateCounts() {
    BatchUpdateException original = new BatchUpdateException("batch", "23505", 1,
        new long[] {1, -3}, null);
    BatchUpdateException wrapped = (BatchUpdateException) ShardErrors.wrap("s1", original);
    assertArrayEquals(new long[] {1, -3}, wrapped.getLargeUpdateCounts());
  }
}
