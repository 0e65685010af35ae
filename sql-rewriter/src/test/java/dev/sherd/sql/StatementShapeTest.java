package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.sql.StatementShape.DdlObject;
import dev.sherd.sql.StatementShape.Identifier;
import dev.sherd.sql.StatementShape.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementShapeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT 1                                   | QUERY",
      "  with x AS (SELECT 1) SELECT * FROM x     | QUERY",
      "(SELECT 1) UNION (SELECT 2)                | QUERY",
      "VALUES (1)                                 | QUERY",
      "/* c */ insert into t values (1)           | INSERT",
      "UPDATE t SET a = 1                         | UPDATE",
      "DELETE FROM t                              | DELETE",
      "MERGE INTO t KEY (id) VALUES (1)           | UPSERT",
      "REPLACE INTO t VALUES (1)                  | UPSERT",
      "CREATE TABLE t (id INT)                    | DDL",
      "TRUNCATE TABLE t                           | DDL",
      "COMMIT                                     | TRANSACTION",
      "start transaction                          | TRANSACTION",
      "SAVEPOINT s                                | TRANSACTION",
      "SET SCHEMA x                               | SESSION",
      "USE db                                     | SESSION",
      "EXPLAIN SELECT 1                           | EXPLAIN",
      "SHOW TABLES                                | OTHER",
      "CALL f(1)                                  | OTHER",
      "-- only a comment                          | OTHER"})
  void kind_fromTheFirstToken(String sql, Kind kind) {
    assertEquals(kind, StatementShape.of(sql).kind);
  }

  @Test
  void trailingSemicolons_removedFromTheBody() {
    StatementShape s = StatementShape.of("SELECT ';' FROM t ;; -- done");
    assertEquals("SELECT ';' FROM t", s.body);
  }

  @Test
  void parameterCount_ignoresLiteralsCommentsAndQuotedNames() {
    assertEquals(2, StatementShape.of(
        "SELECT \"?\" FROM t WHERE a = '?' /* ? */ AND b = ? AND c = ? -- ?").parameterCount);
  }

  @Test
  void explain_bodyIsTheInnerStatement() {
    assertEquals("SELECT * FROM t WHERE id = ?", StatementShape.of("EXPLAIN SELECT * FROM t WHERE id = ?;").body);
    assertEquals("SELECT 1", StatementShape.of("explain plan for SELECT 1").body);
    assertEquals("", StatementShape.of("EXPLAIN").body);
  }

  @Test
  void explain_parameterCountIsTheInnerStatements() {
    assertEquals(1, StatementShape.of("EXPLAIN PLAN FOR SELECT * FROM t WHERE id = ?").parameterCount);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT * FROM t WHERE id = 1 FOR UPDATE              | SELECT * FROM t WHERE id = 1 | FOR UPDATE",
      "SELECT * FROM t FOR UPDATE NOWAIT;                   | SELECT * FROM t              | FOR UPDATE NOWAIT",
      "SELECT * FROM t FOR SHARE                            | SELECT * FROM t              | FOR SHARE",
      "SELECT * FROM t FOR NO KEY UPDATE                    | SELECT * FROM t              | FOR NO KEY UPDATE",
      "SELECT * FROM t LOCK IN SHARE MODE                   | SELECT * FROM t              | LOCK IN SHARE MODE",
      "SELECT * FROM t ORDER BY a LIMIT 3  for update of t  | SELECT * FROM t ORDER BY a LIMIT 3 | for update of t"})
  void lockClause_atDepthZero_isCutOffTheBody(String sql, String body, String lock) {
    StatementShape s = StatementShape.of(sql);
    assertEquals(Kind.QUERY, s.kind);
    assertEquals(body, s.body);
    assertEquals(lock, s.lockClause);
  }

  @Test
  void lockClause_insideParenthesesOrLiterals_isNotOne() {
    StatementShape nested = StatementShape.of(
        "SELECT * FROM t WHERE id IN (SELECT id FROM u FOR UPDATE)");
    assertNull(nested.lockClause);
    assertEquals("SELECT * FROM t WHERE id IN (SELECT id FROM u FOR UPDATE)", nested.body);
    assertNull(StatementShape.of("SELECT 'FOR UPDATE' FROM t").lockClause);
    assertNull(StatementShape.of("SELECT SUBSTRING(name FROM 1 FOR 2) FROM t").lockClause);
    assertNull(StatementShape.of("SELECT * FROM t -- FOR UPDATE").lockClause);
  }

  @Test
  void lockClause_onlyForQueries() {
    assertNull(StatementShape.of("UPDATE t SET a = 1 WHERE b IN (SELECT 1) FOR UPDATE").lockClause);
  }

  // ---- DDL ---------------------------------------------------------------------------------------

  private static List<Identifier> ddlTables(String sql) {
    return StatementShape.of(sql).ddlTables;
  }

  private static Identifier plain(String upper) {
    return new Identifier(upper, false);
  }

  @Test
  void createTable_withInlinePrimaryKeyAndDefaults() {
    StatementShape s = StatementShape.of(
        "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(9) DEFAULT 'x' NOT NULL)");
    assertEquals(DdlObject.TABLE, s.ddlObject);
    assertEquals(List.of(plain("CUSTOMERS")), s.ddlTables);
    assertFalse(s.ddlReadsTables);
  }

  @Test
  void createTable_ifNotExists_andModifiers() {
    assertEquals(List.of(plain("T")), ddlTables("CREATE TABLE IF NOT EXISTS t (id INT)"));
    assertEquals(List.of(plain("T")), ddlTables("CREATE GLOBAL TEMPORARY TABLE t (id INT)"));
    assertEquals(List.of(plain("T")), ddlTables("CREATE MEMORY TABLE IF NOT EXISTS t (id INT)"));
  }

  @Test
  void schemaQualifiedNames_keepTheLastPart() {
    assertEquals(List.of(plain("ORDERS")), ddlTables("CREATE TABLE public.orders (id INT)"));
    assertEquals(List.of(new Identifier("Orders", true)),
        ddlTables("CREATE TABLE IF NOT EXISTS \"db\".\"s\".\"Orders\" (id INT)"));
  }

  @Test
  void quotedTableName_keepsCaseAndIsMarkedQuoted() {
    assertEquals(List.of(new Identifier("My \"T\"", true)),
        ddlTables("CREATE TABLE \"My \"\"T\"\"\" (id INT)"));
  }

  @Test
  void dropTable_ifExists_list() {
    StatementShape s = StatementShape.of("DROP TABLE IF EXISTS a, s.b, \"C\" CASCADE");
    assertEquals(DdlObject.TABLE, s.ddlObject);
    assertEquals(List.of(plain("A"), plain("B"), new Identifier("C", true)), s.ddlTables);
  }

  @Test
  void truncateAndAlter_nameTheirTable() {
    assertEquals(List.of(plain("EVENTS")), ddlTables("TRUNCATE TABLE events"));
    assertEquals(List.of(plain("ORDERS")), ddlTables("ALTER TABLE IF EXISTS orders ADD COLUMN x INT"));
  }

  @Test
  void createIndex_namesTheTableAfterOn() {
    StatementShape s = StatementShape.of("CREATE UNIQUE INDEX IF NOT EXISTS idx ON s.orders (amount)");
    assertEquals(DdlObject.INDEX, s.ddlObject);
    assertEquals(List.of(plain("ORDERS")), s.ddlTables);
    assertEquals(List.of(plain("T")), ddlTables("CREATE INDEX ON t (a)"));
  }

  @Test
  void dropIndex_namesNoTable() {
    StatementShape s = StatementShape.of("DROP INDEX IF EXISTS idx");
    assertEquals(DdlObject.INDEX, s.ddlObject);
    assertTrue(s.ddlTables.isEmpty());
  }

  @Test
  void createTableAsSelect_andViews_readTables() {
    assertTrue(StatementShape.of("CREATE TABLE a AS SELECT * FROM b").ddlReadsTables);
    assertFalse(StatementShape.of("CREATE TABLE a (s VARCHAR(9) DEFAULT 'SELECT')").ddlReadsTables);
    StatementShape view = StatementShape.of("CREATE OR REPLACE VIEW v AS SELECT * FROM b");
    assertEquals(DdlObject.VIEW, view.ddlObject);
    assertTrue(view.ddlReadsTables);
  }

  @Test
  void otherDdlObjects() {
    assertEquals(DdlObject.SEQUENCE, StatementShape.of("CREATE SEQUENCE IF NOT EXISTS s").ddlObject);
    assertEquals(DdlObject.SCHEMA, StatementShape.of("DROP SCHEMA s").ddlObject);
    assertEquals(DdlObject.TABLE, StatementShape.of("COMMENT ON TABLE t IS 'x'").ddlObject);
    assertEquals("T", StatementShape.of("COMMENT ON COLUMN s.t.c IS 'x'").ddlTables.get(0).name());
    assertEquals(DdlObject.OTHER, StatementShape.of("CREATE").ddlObject);
  }

  @Test
  void identifiers_includeQuotedOnesButNotLiterals() {
    List<Identifier> ids = StatementShape.of("MERGE INTO \"Orders\" KEY (id) VALUES ('customers')")
        .identifiers;
    assertTrue(ids.contains(new Identifier("Orders", true)));
    assertFalse(ids.stream().anyMatch(i -> i.name().equalsIgnoreCase("customers")));
  }
}
