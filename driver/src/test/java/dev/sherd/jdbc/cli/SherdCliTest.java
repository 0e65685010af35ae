package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** In-process runs of the command line against real demo clusters, through the real driver. */
class SherdCliTest {

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
  void demo_runsShowcaseWithExplainAndResultOfEveryExample() {
    CliRun run = CliRun.of("--demo");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    String out = run.out();
    assertTrue(out.contains("Loaded 8 countries"), run::toString);
    for (Showcase.Example example : Showcase.EXAMPLES) {
      int at = out.indexOf("SQL: " + example.sql());
      assertTrue(at >= 0, () -> "missing example " + example.title() + "\n" + run);
      int explain = out.indexOf("EXPLAIN:", at);
      int result = out.indexOf("Result:", at);
      assertTrue(explain > at && result > explain, () -> example.title() + "\n" + run);
      assertTrue(out.substring(explain, result).contains("STEP"), run::toString);
      assertTrue(out.substring(explain, result).contains("DETAIL"), run::toString);
    }
  }

  @Test
  void showcase_pointSelect_findsCustomer42() {
    CliRun run = CliRun.of("--demo");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    String out = run.out();
    int result = out.indexOf("Result:", out.indexOf("SQL: " + Showcase.EXAMPLES.get(0).sql()));
    String table = out.substring(result, out.indexOf("(", result));
    assertTrue(table.contains(" 42 | "), run::toString);
  }

  @Test
  void showcase_rowsPerShard_spreadShardedTablesAndCopyBroadcastOne() {
    CliRun run = CliRun.of("--demo");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    long[] totals = new long[3];
    for (String shard : DemoCluster.SHARDS) {
      String line = run.out().lines().filter(l -> l.startsWith(" " + shard + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no placement line for " + shard + "\n" + run));
      String[] cells = line.split("\\|");
      for (int i = 0; i < 3; i++) { // customers, orders, events
        long rows = Long.parseLong(cells[i + 1].trim());
        assertTrue(rows < List.of(DemoData.CUSTOMERS, DemoData.ORDERS, DemoData.EVENTS).get(i),
            () -> shard + " holds every row: " + line);
        totals[i] += rows;
      }
      assertEquals(DemoData.COUNTRIES, Integer.parseInt(cells[4].trim()), line);
    }
    assertEquals(DemoData.CUSTOMERS, totals[0]);
    assertEquals(DemoData.ORDERS, totals[1]);
    assertEquals(DemoData.EVENTS, totals[2]);
  }

  @Test
  void executeOnDemo_query_printsTable() {
    CliRun run = CliRun.of("--demo", "-e", "SELECT COUNT(*) AS n, SUM(id) AS s FROM customers");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains(" 50 | 1275\n"), run::toString);
    assertTrue(run.out().endsWith("(1 row)\n"), run::toString);
    assertFalse(run.out().contains("Loaded"), "-e prints only the statements' results");
  }

  @Test
  void executeOnDemo_selectOne_printsOneRow() {
    CliRun run = CliRun.of("-e", "SELECT 1", "--demo");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains(" 1\n(1 row)\n"), run::toString);
  }

  @Test
  void executeOnDemo_updateThenQuery_printsRowsAffectedThenNewValue() {
    CliRun run = CliRun.of("--demo",
        "-e", "UPDATE customers SET city = 'Oslo' WHERE id = 7",
        "-e", "UPDATE orders SET status = 'PAID' WHERE customer_id = 999",
        "-e", "SELECT city FROM customers WHERE id = 7");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("1 row affected\n0 rows affected\n"), run::toString);
    assertTrue(run.out().contains(" Oslo\n(1 row)\n"), run::toString);
  }

  @Test
  void executeOnDemo_error_printsSqlStateOnStderrStopsAndExitsOne() {
    CliRun run = CliRun.of("--demo", "-e", "SELECT * FROM no_such_table", "-e", "SELECT 1");
    assertEquals(SherdCli.EXIT_FAILED, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("ERROR 42"), run::toString);
    assertTrue(run.err().contains("in: SELECT * FROM no_such_table"), run::toString);
    assertEquals("", run.out(), "the statement after the failing one must not run");
  }

  @Test
  void executeOnDemo_inexactAcrossShards_isRefusedWith0A000() {
    CliRun run = CliRun.of("--demo", "-e", "SELECT MEDIAN(amount) FROM orders");
    assertEquals(SherdCli.EXIT_FAILED, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("ERROR 0A000: "), run::toString);
  }

  @Test
  void executeOnConfig_runsOnThatCluster() throws Exception {
    try (DemoCluster demo = DemoCluster.create()) {
      try (Connection c = DriverManager.getConnection(demo.url())) {
        DemoData.load(c);
      }
      CliRun run = CliRun.of("--config", demo.configFile().toString(),
          "-e", "SELECT COUNT(*) AS n FROM orders");
      assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
      assertTrue(run.out().contains(" " + DemoData.ORDERS + "\n(1 row)\n"), run::toString);
    }
  }

  @Test
  void executeOnConfig_missingFile_failsWithConnectionState() {
    CliRun run = CliRun.of("--config", "/nonexistent/cluster.yaml", "-e", "SELECT 1");
    assertEquals(SherdCli.EXIT_FAILED, run.exitCode(), run::toString);
    assertTrue(run.err().startsWith("ERROR 08"), run::toString);
  }

  @Test
  void usageError_exitsTwoAndPointsAtHelp() {
    CliRun run = CliRun.of("--bogus");
    assertEquals(SherdCli.EXIT_USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("unknown option --bogus"), run::toString);
    assertTrue(run.err().contains("--help"), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void help_printsUsageAndExitsZero() {
    CliRun run = CliRun.of("--help");
    assertEquals(SherdCli.EXIT_OK, run.exitCode(), run::toString);
    assertEquals(CliArguments.usage(), run.out());
  }
}
