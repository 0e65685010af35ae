package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionFunctionsTest {

  private final Planner planner = new Planner(PlannerGoldenTest.cluster(), 100);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT set_config('search_path', ?, false)       | set_config",
      "SELECT pg_advisory_lock(42)                      | pg_advisory_lock",
      "select PG_ADVISORY_UNLOCK(42)                    | pg_advisory_unlock",
      "SELECT GET_LOCK('job', 10)                       | get_lock",
      "SELECT setseed(0.5)                              | setseed",
      "SELECT id FROM customers WHERE pg_try_advisory_lock(id) | pg_try_advisory_lock",
      "UPDATE customers SET name = set_config('x.y', 'z', false) WHERE id = 1 | set_config",
  })
  void sessionChangingCalls_areRefusedNamingTheFunction(String sql, String function) {
    assertEquals(function, SessionFunctions.firstIn(sql));
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
        () -> planner.plan(sql));
    assertTrue(e.getMessage().contains(function + "()"), e.getMessage());
    assertEquals("0A000", e.getSQLState());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 'set_config(1)' FROM customers",
      "SELECT id FROM customers -- pg_advisory_lock(1)",
      "SELECT c.get_lock FROM customers c",
      "SELECT pg_advisory_xact_lock(42)",
      "SELECT current_setting('search_path')",
  })
  void otherCalls_arePlannedAsUsual(String sql) throws Exception {
    assertNull(SessionFunctions.firstIn(sql), sql);
    planner.plan(sql);
  }
}
