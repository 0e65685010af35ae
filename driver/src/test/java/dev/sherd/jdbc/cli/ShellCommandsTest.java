package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.cli.ShellCommands.Command;
import dev.sherd.jdbc.cli.ShellCommands.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandsTest {

  private static DemoCluster demo;
  private static Connection connection;

  @BeforeAll
  static void loadDemo() throws Exception {
    demo = DemoCluster.create();
    connection = DriverManager.getConnection(demo.url());
    DemoData.load(connection);
  }

  @AfterAll
  static void closeDemo() throws Exception {
    connection.close();
    demo.close();
  }

  private static String run(String line) throws SQLException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      new ShellCommands(out).run(ShellCommands.parse(line).orElseThrow(), connection);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "\\h", "HELP", "help;", "  help  "})
  void parse_helpSpellings_areHelp(String line) {
    assertEquals(Optional.of(new Command(Kind.HELP, null)), ShellCommands.parse(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quit", "exit", "\\q", "Quit;", "exit ;"})
  void parse_quitSpellings_areQuit(String line) {
    assertEquals(Optional.of(new Command(Kind.QUIT, null)), ShellCommands.parse(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tables", "\\d", "tables;", "\\d ;"})
  void parse_tablesSpellings_areTables(String line) {
    assertEquals(Optional.of(new Command(Kind.TABLES, null)), ShellCommands.parse(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"describe customers", "\\d customers", "DESCRIBE customers;", "\\d  customers "})
  void parse_describeSpellings_nameTheTable(String line) {
    assertEquals(Optional.of(new Command(Kind.DESCRIBE, "customers")), ShellCommands.parse(line));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1;", "help me", "quit now", "tables t", "describe", "", "EXPLAIN SELECT 1",
      "exiting;"})
  void parse_anythingElse_isSql(String line) {
    assertEquals(Optional.empty(), ShellCommands.parse(line));
  }

  @Test
  void help_listsEveryCommand() throws SQLException {
    String help = run("help");
    for (String command : List.of("help", "\\h", "tables", "\\d", "describe T", "\\d T", "quit",
        "exit", "\\q", "EXPLAIN")) {
      assertTrue(help.contains(command), command);
    }
  }

  @Test
  void tables_listsEachDemoTableOnceWithWhereItsRowsLive() throws SQLException {
    String out = run("tables");
    for (String table : List.of("COUNTRIES", "CUSTOMERS", "EVENTS", "ORDERS")) {
      assertEquals(1, out.lines().filter(l -> l.contains(" " + table + " ")).count(), out);
    }
    assertTrue(out.contains("sharded by range(at) over 4 shards"), out);
    assertTrue(out.endsWith("(4 rows)\n"), out);
  }

  @Test
  void describe_showsPlacementTitleTypesAndShardingKey() throws SQLException {
    String out = run("describe orders");
    assertTrue(out.startsWith("Table PUBLIC.ORDERS: sharded by hash(customer_id) over 4 shards"), out);
    assertTrue(out.matches("(?s).*\\n CUSTOMER_ID +\\| BIGINT +\\| NO +\\| +\\| sharding key.*"), out);
    assertTrue(out.contains(" AMOUNT "), out);
    assertTrue(out.matches("(?s).*\\| (DECIMAL|NUMERIC)\\(10,2\\) .*"), out);
    assertTrue(out.endsWith("(5 rows)\n"), out);
  }

  @Test
  void describe_qualifiedAndQuotedNames_findTheTable() throws SQLException {
    assertTrue(run("\\d public.customers").startsWith("Table PUBLIC.CUSTOMERS"));
    assertTrue(run("\\d \"CUSTOMERS\"").startsWith("Table PUBLIC.CUSTOMERS"));
    assertTrue(run("\\d \"customers\"").startsWith("No table named \"customers\""),
        "a quoted name keeps its case");
  }

  @Test
  void describe_unknownTable_saysSoAndPointsAtTables() throws SQLException {
    assertEquals("No table named nope (tables lists them).\n", run("describe nope"));
  }

  @Test
  void describe_underscoreInName_isNoWildcard() throws SQLException {
    // CUSTOMERS has no underscore; "CUSTOMER_" would match CUSTOMERS if '_' were a wildcard.
    assertTrue(run("\\d customer_").startsWith("No table named customer_"));
  }

  @Test
  void escape_wildcardsAndEscape_areEscaped() {
    assertEquals("A\\_B\\%C\\\\D", ShellCommands.escape("A_B%C\\D", "\\"));
    assertEquals("A_B", ShellCommands.escape("A_B", ""));
    assertEquals("A_B", ShellCommands.escape("A_B", null));
  }
}
