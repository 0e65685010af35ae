package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process shell sessions on demo clusters: scripted (piped) input, and a JLine terminal. */
class ShellTest {

  private static final String GROUP_BY =
      "SELECT status, COUNT(*) AS n\n  FROM orders\n GROUP BY status ORDER BY status;\n";

  private int runtimesBefore;

  @BeforeEach
  void countRuntimes() {
    runtimesBefore = ClusterRegistry.liveRuntimes();
  }

  @AfterEach
  void nothingLeftRunning() {
    assertEquals(runtimesBefore, ClusterRegistry.liveRuntimes(), "cluster runtimes left open");
  }

  @Test
  void pipedSession_runsCommandsScatterExplainAndErrors_untilQuit() {
    CliRun run = CliRun.withInput("tables\n"
        + "describe customers\n"
        + GROUP_BY
        + "EXPLAIN SELECT status, COUNT(*) FROM orders GROUP BY status;\n"
        + "SELECT * FROM no_such_table;\n"
        + "SELECT 'still here' AS after_error;\n"
        + "quit\n"
        + "SELECT 'never run' AS after_quit;\n");
    String out = run.out();

    String tables = between(out, " schema | table", "(4 rows)");
    assertTrue(tables.contains(" CUSTOMERS "), run::toString);
    assertTrue(tables.contains("sharded by hash(id) over 4 shards"), run::toString);
    assertTrue(tables.contains("broadcast to 4 shards"), run::toString);

    String describe = between(out, "Table PUBLIC.CUSTOMERS: sharded by hash(id)", "(4 rows)");
    assertTrue(describe.contains(" column "), run::toString);
    assertTrue(describe.matches("(?s).*\\n ID +\\| BIGINT +\\| NO .*sharding key.*"), run::toString);
    assertTrue(describe.contains(" COUNTRY_CODE "), run::toString);

    String groupBy = between(out, " STATUS    |  N", "(4 rows)");
    long total = groupBy.lines().filter(l -> l.contains("|")).skip(1)
        .mapToLong(l -> Long.parseLong(l.split("\\|")[1].trim())).sum();
    assertEquals(DemoData.ORDERS, total, run::toString);

    String explain = between(out, " STEP ", "rows)");
    assertTrue(explain.contains("s0,s1,s2,s3"), run::toString);
    assertTrue(explain.contains("scatter"), run::toString);
    assertTrue(explain.contains("merge"), run::toString);

    assertTrue(run.err().startsWith("ERROR 42S02: "), run::toString);
    assertTrue(run.err().contains("  in: SELECT * FROM no_such_table"), run::toString);
    assertFalse(run.err().contains("\tat "), () -> "no stack trace\n" + run);
    assertTrue(out.contains(" still here\n(1 row)\n"), run::toString);
    assertFalse(out.contains("never run"), run::toString);
    assertFalse(out.contains("sherd>"), () -> "piped input shows no prompt\n" + run);
    assertEquals(SherdCli.EXIT_FAILED, run.exitCode(), () -> "a failed statement fails a script\n" + run);
  }

  @Test
  void pipedSession_withoutErrors_exitsZeroAndPrintsUpdateCounts() {
    CliRun run = CliRun.withInput("UPDATE customers SET city = 'Oslo' WHERE id = 7;"
        + " UPDATE orders SET status = 'PAID' WHERE customer_id = 999;\n"
        + "SELECT city FROM customers WHERE id = 7;\n");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertEquals("1 row affected\n\n0 rows affected\n\n CITY\n------\n Oslo\n(1 row)\n\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void pipedSession_lastStatementWithoutSemicolon_runsAtEndOfInput() {
    CliRun run = CliRun.withInput("SELECT COUNT(*) AS n\nFROM customers");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains(" " + DemoData.CUSTOMERS + "\n(1 row)\n"), run::toString);
  }

  @Test
  void pipedSession_semicolonInStringAndComment_isOneStatement() {
    CliRun run = CliRun.withInput("SELECT 'a;b' AS s -- c;d\n;\n");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains(" a;b\n(1 row)\n"), run::toString);
  }

  @Test
  void pipedSession_onConfigFile_usesThatCluster() throws Exception {
    try (DemoCluster demo = DemoCluster.create()) {
      try (Connection c = DriverManager.getConnection(demo.url())) {
        DemoData.load(c);
      }
      CliRun run = CliRun.withInput("SELECT COUNT(*) AS n FROM events;\n",
          "--config", demo.configFile().toString());
      assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
      assertTrue(run.out().contains(" " + DemoData.EVENTS + "\n(1 row)\n"), run::toString);
    }
  }

  @Test
  void pipedSession_emptyInput_endsCleanly() {
    CliRun run = CliRun.of();
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  /**
   * The line editor path: keys typed on a JLine terminal. Enter on an unfinished statement opens a
   * continuation line, the statement runs once ended by ';', and it is one history entry.
   */
  @Test
  void terminalSession_multiLineStatementContinuesAndIsOneHistoryEntry(@TempDir Path dir)
      throws Exception {
    Path history = dir.resolve(TerminalInput.HISTORY_FILE);
    String typed = GROUP_BY
        + "SELECT * FROM no_such_table;\n"
        + "SELECT 1 != 2 AS bang;\n"
        + "\\d countries\n"
        + "\\q\n";
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    boolean ok;
    try (DemoCluster demo = DemoCluster.create();
         Connection c = DriverManager.getConnection(demo.url())) {
      DemoData.load(c);
      Terminal terminal = TerminalBuilder.builder().system(false).provider("exec").type("ansi")
          .size(new Size(120, 40))
          .streams(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen)
          .encoding(StandardCharsets.UTF_8).build();
      try (TerminalInput input = new TerminalInput(terminal, history)) {
        PrintStream out = input.output();
        ok = new Shell(input, out, out).run(c);
      }
    }
    // the terminal's line discipline writes line ends as \r\n
    String shown = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
    assertFalse(ok, "the failed statement is reported");
    assertTrue(shown.contains(Shell.PROMPT), shown);
    assertTrue(shown.contains("\n" + Shell.CONTINUATION + "  FROM orders\n"), shown);
    String groupBy = between(shown, " STATUS    |  N", "(4 rows)");
    assertEquals(1 + 4, groupBy.lines().filter(l -> l.contains("|")).count(), shown);
    assertTrue(shown.contains("ERROR 42S02: "), () -> "errors show on the screen\n" + shown);
    assertTrue(shown.toUpperCase(Locale.ROOT).contains(" TRUE\n(1 ROW)\n"),
        () -> "'!' is not history expansion\n" + shown);
    assertTrue(shown.contains("Table PUBLIC.COUNTRIES: broadcast to 4 shards"), shown);

    List<String> saved = Files.readAllLines(history);
    assertTrue(saved.stream().anyMatch(l -> l.contains("SELECT status") && l.contains("GROUP BY")),
        () -> "one entry for the multi-line statement: " + saved);
    assertTrue(saved.stream().anyMatch(l -> l.endsWith("\\d countries")), saved::toString);
  }

  @Test
  void statementParser_acceptsCommandsAndEndedStatementsOnly() {
    assertTrue(TerminalInput.StatementParser.complete("tables"));
    assertTrue(TerminalInput.StatementParser.complete("SELECT 1;"));
    assertTrue(TerminalInput.StatementParser.complete("SELECT 1;\nSELECT 2; -- done"));
    assertTrue(TerminalInput.StatementParser.complete(""));
    assertFalse(TerminalInput.StatementParser.complete("SELECT 1"));
    assertFalse(TerminalInput.StatementParser.complete("SELECT ';'"));
    assertFalse(TerminalInput.StatementParser.complete("SELECT 1; SELECT"));
  }

  @Test
  void historyFile_missing_isCreatedReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("h");
    assertEquals(Optional.of(file), TerminalInput.usableHistory(file));
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
  }

  @Test
  void historyFile_thatCannotBeWritten_isNone_soHistoryStaysInMemory(@TempDir Path dir)
      throws Exception {
    assertEquals(Optional.empty(), TerminalInput.usableHistory(dir.resolve("missing/h")));
    Files.createDirectory(dir.resolve("d"));
    assertEquals(Optional.empty(), TerminalInput.usableHistory(dir.resolve("d")));
  }

  /** The text from {@code start} to the end of the first {@code end} after it. */
  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertTrue(from >= 0, () -> "missing '" + start + "' in\n" + text);
    int to = text.indexOf(end, from);
    assertTrue(to >= 0, () -> "missing '" + end + "' after '" + start + "' in\n" + text);
    return text.substring(from, to + end.length());
  }
}
