package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SET and USE as BI tools and client libraries send them: client settings accepted as no-ops,
 * connection settings applied to the logical connection, everything else refused by name before
 * anything is applied.
 */
class SessionStatementsTest {

  /** A logical connection that records what a statement does to it. */
  private final List<String> calls = new ArrayList<>();
  private final Connection connection = (Connection) Proxy.newProxyInstance(
      getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
        if (method.getName().equals("getCatalog")) {
          return "shop";
        }
        calls.add(method.getName() + "(" + args[0] + ")");
        return null;
      });

  private void run(String sql) throws SQLException {
    assertTrue(SessionStatements.handles(sql), sql);
    PlanOutcome.check(SessionStatements.parse(sql).execute(connection, null, null));
  }

  /** Every session statement answers with an update count of 0 and no result set. */
  private static final class PlanOutcome {
    static void check(dev.sherd.jdbc.exec.PlanExecutor.Outcome outcome) {
      assertEquals(null, outcome.resultSet());
      assertEquals(0, outcome.updateCount());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SET extra_float_digits = 3",
      "SET extra_float_digits TO -1",
      "SET application_name = 'DBeaver 24.1.0 - Main'",
      "set application_name to 'Metabase v0.50'",
      "SET client_encoding = 'UTF8'",
      "SET client_encoding TO UNICODE",
      "SET DateStyle = ISO",
      "SET datestyle TO 'ISO, MDY'",
      "SET DateStyle = ISO, MDY",
      "SET NAMES utf8mb4",
      "SET NAMES 'utf8'",
      "SET CHARACTER SET utf8mb4",
      "SET CHARSET utf8",
      "SET character_set_results = NULL",
      "SET character_set_client = utf8mb4, character_set_connection = utf8mb4",
      "SET SESSION application_name = 'x'",
      "SET @@session.character_set_results = NULL",
      "/* DBeaver */ SET NAMES utf8mb4;",
      "USE shop",
      "USE `shop`",
  })
  void clientSettings_areAcceptedAndChangeNothing(String sql) throws SQLException {
    run(sql);
    assertEquals(List.of(), calls, sql);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SET autocommit = 0                  | setAutoCommit(false)",
      "SET autocommit=1                    | setAutoCommit(true)",
      "SET AUTOCOMMIT TRUE                 | setAutoCommit(true)",
      "SET @@autocommit = OFF              | setAutoCommit(false)",
      "SET SESSION autocommit = ON         | setAutoCommit(true)",
      "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED | setTransactionIsolation(2)",
      "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE           | setTransactionIsolation(8)",
      "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL REPEATABLE READ"
          + " | setTransactionIsolation(4)",
      "SET transaction_isolation = 'READ-UNCOMMITTED'         | setTransactionIsolation(1)",
      "SET default_transaction_isolation TO 'read committed'  | setTransactionIsolation(2)",
      "SET SESSION TRANSACTION READ ONLY   | setReadOnly(true)",
      "SET tx_read_only = 0                | setReadOnly(false)",
  })
  void connectionSettings_areAppliedToTheLogicalConnection(String sql, String call)
      throws SQLException {
    run(sql);
    assertEquals(List.of(call), calls, sql);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SET autocommit = 0, NAMES utf8mb4   | setAutoCommit(false)",
      "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE"
          + " | setTransactionIsolation(2),setReadOnly(false)",
      "SET NAMES utf8mb4, autocommit = 1   | setAutoCommit(true)",
  })
  void severalClauses_areAllApplied(String sql, String expected) throws SQLException {
    run(sql);
    assertEquals(List.of(expected.split(",")), calls, sql);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SET sql_mode = 'ANSI_QUOTES'        | SET sql_mode: not supported: the setting would change"
          + " one pooled shard connection only",
      "SET search_path TO public, other    | SET search_path: not supported",
      "SET GLOBAL max_connections = 10     | SET GLOBAL max_connections: not supported",
      "SET @@global.autocommit = 0         | SET @@global: not supported",
      "SET @x = 1                          | SET @x: not supported: user variables",
      "SET TIME ZONE 'UTC'                 | SET TIME ZONE: not supported",
      "SET timezone = 'UTC'                | SET timezone: not supported",
      "SET NAMES latin1                    | SET NAMES latin1: not supported: only UTF-8",
      "SET NAMES utf8mb4 COLLATE utf8mb4_bin | SET NAMES … COLLATE: not supported",
      "SET client_encoding = 'LATIN1'      | SET client_encoding LATIN1: not supported",
      "SET DateStyle = 'German'            | SET DateStyle = German: not supported",
      "SET autocommit = maybe              | SET autocommit = maybe: not supported",
      "SET TRANSACTION ISOLATION LEVEL SNAPSHOT | SET TRANSACTION ISOLATION LEVEL SNAPSHOT: not"
          + " supported",
      "SET TRANSACTION DEFERRABLE          | SET TRANSACTION DEFERRABLE: not supported",
      "SET extra_float_digits = 'lots'     | SET extra_float_digits = lots: not supported",
      "SET autocommit = 0, sql_mode = ''   | SET sql_mode: not supported",
  })
  void otherSettings_areRefusedByName_beforeAnythingIsApplied(String sql, String message) {
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
        () -> run(sql));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals("0A000", e.getSQLState());
    assertEquals(List.of(), calls, "nothing applied");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SET", "SET autocommit =", "SET autocommit = 1 2", "USE", "USE a b",
      "SET = 1"})
  void unreadableStatements_areSyntaxErrors(String sql) {
    SQLSyntaxErrorException e = assertThrows(SQLSyntaxErrorException.class, () -> run(sql));
    assertTrue(e.getMessage().contains("[SQL: " + sql + "]"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"USE mysql", "USE \"SHOP\""})
  void use_ofAnotherDatabase_isRefused(String sql) {
    SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
        () -> run(sql));
    assertTrue(e.getMessage().contains("the cluster is one logical database, shop"),
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1", "SETTINGS", "  select 'SET x = 1'", "UPDATE t SET a = 1",
      "-- SET\nSELECT 1"})
  void otherStatements_areNotSessionStatements(String sql) {
    assertEquals(false, SessionStatements.handles(sql), sql);
  }
}
