package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.sql.plan.QueryPlan;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the planner tells the driver's result cache: non-deterministic calls and the opt-out hint. */
class CacheabilityMarksTest {

  private final Planner planner = new Planner(PlannerGoldenTest.cluster(), 100);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT NOW() FROM customers | NOW",
      "SELECT id FROM customers WHERE created < CURRENT_TIMESTAMP | CURRENT_TIMESTAMP",
      "SELECT id FROM customers WHERE created < current_date | CURRENT_DATE",
      "SELECT rand() AS r, id FROM customers | RAND",
      "SELECT RANDOM_UUID() | RANDOM_UUID",
      "SELECT NEXT VALUE FOR seq | NEXT VALUE FOR",
      "SELECT nextval('seq') | NEXTVAL",
      "SELECT id FROM customers ORDER BY RANDOM() | RANDOM",
      "SELECT LOCALTIMESTAMP | LOCALTIMESTAMP",
      "SELECT * FROM information_schema.sessions | INFORMATION_SCHEMA",
      "SELECT pid, query FROM pg_stat_activity | PG_STAT_ACTIVITY"})
  void firstIn_findsClockRandomAndSequenceCalls(String sql, String expected) {
    assertEquals(expected, NondeterministicFunctions.firstIn(sql));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, name FROM customers WHERE id = ?",
      "SELECT c.uuid, c.rand FROM customers c",            // columns named like functions
      "SELECT 'now()' AS s FROM customers",                 // inside a string literal
      "SELECT id FROM customers -- ORDER BY rand()\n",      // inside a comment
      "SELECT \"NOW\"(1) FROM customers",                   // quoted: a user's own function
      "SELECT COUNT(*), SUM(balance) FROM customers GROUP BY city"})
  void firstIn_ignoresColumnsLiteralsAndComments(String sql) {
    assertNull(NondeterministicFunctions.firstIn(sql));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT /* sherd:no_cache */ id FROM customers",
      "SELECT /*+ sherd_no_cache */ id FROM customers",
      "/* SHERD:NO_CACHE */ SELECT id FROM customers",
      "SELECT id FROM customers -- sherd:no_cache",
      "SELECT id FROM customers /* reporting; sherd:no_cache; owner=bi */"})
  void noCacheHint_isFoundInAnyComment(String sql) {
    assertTrue(NoCacheHint.in(sql));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id FROM customers",
      "SELECT 'sherd:no_cache' AS s FROM customers",
      "SELECT \"sherd:no_cache\" FROM customers",
      "SELECT id FROM customers /* sherd:cache */"})
  void noCacheHint_isNotFoundOutsideComments(String sql) {
    assertFalse(NoCacheHint.in(sql));
  }

  @Test
  void queryPlan_carriesTheMarks() throws SQLException {
    QueryPlan plain = (QueryPlan) planner.plan("SELECT id FROM customers WHERE id = ?");
    assertFalse(plain.nondeterministic());
    assertFalse(plain.noCacheHint());
    QueryPlan clock = (QueryPlan) planner.plan("SELECT id, NOW() FROM customers WHERE id = ?");
    assertTrue(clock.nondeterministic());
    QueryPlan hinted = (QueryPlan) planner.plan(
        "SELECT /* sherd:no_cache */ id FROM customers WHERE id = ?");
    assertTrue(hinted.noCacheHint());
    assertFalse(hinted.nondeterministic());
    QueryPlan optimizerHint = (QueryPlan) planner.plan(
        "SELECT /*+ sherd_no_cache */ city, COUNT(*) FROM customers GROUP BY city");
    assertTrue(optimizerHint.noCacheHint());
  }
}
