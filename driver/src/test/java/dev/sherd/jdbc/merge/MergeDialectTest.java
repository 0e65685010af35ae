package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MergeDialectTest {

  @Test
  void integerDivision_truncatesOnH2AndPostgres_isDecimalOnMysql() throws SQLException {
    assertEquals(3L, SqlArithmetic.apply('/', 7L, 2L, MergeDialect.H2));
    assertEquals(-3L, SqlArithmetic.apply('/', -7L, 2L, MergeDialect.POSTGRESQL));
    assertEquals(0, new BigDecimal("3.5").compareTo(
        (BigDecimal) SqlArithmetic.apply('/', 7L, 2L, MergeDialect.MYSQL)));
  }

  @Test
  void decimalDivision_postgresChoosesItsScale() throws SQLException {
    assertEquals(new BigDecimal("2.5000000000000000"),
        SqlArithmetic.apply('/', new BigDecimal("10.00"), 4L, MergeDialect.POSTGRESQL));
  }
}
