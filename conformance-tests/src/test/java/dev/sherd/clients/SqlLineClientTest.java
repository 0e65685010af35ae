package dev.sherd.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * SQLLine, a real JDBC shell, connected with the driver URL: lists the tables, describes one, and
 * runs a scatter GROUP BY and a routed query. Each run is a fresh {@link SqlLine} with a script
 * ({@code --run}), CSV output and no history file; the test asserts on what it printed.
 */
class SqlLineClientTest {

    @TempDir
    static Path dir;

    private static ClientCluster cluster;

    @BeforeAll
    static void createCluster() throws Exception {
        System.setProperty(SqlLine.SQLLINE_BASE_DIR, dir.toString()); // its settings directory, not ~/.sqlline
        cluster = ClientCluster.start("sqlline", dir);
        cluster.executeThroughDriver(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, tier VARCHAR(10), balance DECIMAL(10,2))",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, amount DECIMAL(10,2))",
                "CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(40))",
                "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100))",
                "INSERT INTO countries (code, name) VALUES ('FR', 'France'), ('JP', 'Japan')",
                "INSERT INTO notes (id, body) VALUES (1, 'only on the default shard')");
        StringBuilder insert = new StringBuilder("INSERT INTO customers (id, name, tier, balance) VALUES ");
        for (int id = 1; id <= 40; id++) {
            String tier = id % 4 == 0 ? "gold" : id % 2 == 0 ? "silver" : "bronze";
            insert.append(id == 1 ? "" : ", ").append("(").append(id).append(", 'customer ").append(id)
                    .append("', '").append(tier).append("', ").append(id).append(".50)");
        }
        cluster.executeThroughDriver(insert.toString());
        for (String shard : ClientCluster.SHARDS) {
            assertTrue(cluster.countOnShard(shard, "SELECT COUNT(*) FROM customers") > 0,
                    "setup: shard " + shard + " holds no customers, so the GROUP BY below would not be a scatter");
        }
    }

    @AfterAll
    static void closeCluster() throws Exception {
        System.clearProperty(SqlLine.SQLLINE_BASE_DIR);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void tables_listsEachTableOnce() throws Exception {
        Run run = sqlline("!tables");
        List<String> publicTables = new ArrayList<>();
        for (String line : run.lines()) {
            List<String> cells = csv(line);
            // TABLE_CAT, TABLE_SCHEM, TABLE_NAME, TABLE_TYPE, ...
            if (cells.size() > 3 && cells.get(1).equalsIgnoreCase("PUBLIC")) {
                publicTables.add(cells.get(2).toLowerCase(Locale.ROOT));
            }
        }
        assertEquals(List.of("countries", "customers", "notes", "orders"), publicTables.stream().sorted().toList(),
                "!tables must list each logical table of schema PUBLIC exactly once\n" + run);
    }

    @Test
    void query_qualifiedAsTablesReportsIt_countsEveryShard() throws Exception {
        // A shell or IDE qualifies generated SQL with the catalog and schema metadata reported.
        String qualified = null;
        Run tables = sqlline("!tables");
        for (String line : tables.lines()) {
            List<String> cells = csv(line);
            if (cells.size() > 3 && cells.get(2).equalsIgnoreCase("CUSTOMERS")) {
                String catalog = cells.get(0);
                qualified = (catalog.isEmpty() || catalog.equals("null") ? "" : "\"" + catalog + "\".")
                        + "\"" + cells.get(1) + "\".\"" + cells.get(2) + "\"";
            }
        }
        assertTrue(qualified != null, "!tables did not list CUSTOMERS\n" + tables);
        Run run = sqlline("SELECT COUNT(*) AS n FROM " + qualified + ";");
        assertEquals(List.of("'N'", "'40'"), run.nonEmptyLines(),
                "SELECT COUNT(*) FROM " + qualified + " (the catalog and schema that !tables reported) must count"
                        + " the customers of every shard\n" + run);
    }

    @Test
    void describe_showsTheColumnsOfALogicalTable() throws Exception {
        Run run = sqlline("!describe CUSTOMERS");
        List<String> columns = new ArrayList<>();
        for (String line : run.lines()) {
            List<String> cells = csv(line);
            // TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, DATA_TYPE, TYPE_NAME, ...
            if (cells.size() > 5 && cells.get(2).equalsIgnoreCase("CUSTOMERS")) {
                columns.add(cells.get(3).toLowerCase(Locale.ROOT) + " " + cells.get(5).toUpperCase(Locale.ROOT));
            }
        }
        assertEquals(List.of("id BIGINT", "name CHARACTER VARYING", "tier CHARACTER VARYING", "balance DECIMAL"),
                columns, "!describe must show each column of customers once, in table order\n" + run);
    }

    @Test
    void query_scatterGroupBy_printsTheMergedRows() throws Exception {
        Run run = sqlline("SELECT tier, COUNT(*) AS n, SUM(balance) AS total FROM customers GROUP BY tier ORDER BY tier;");
        // bronze: odd ids 1..39 (20 rows), silver: 2,6,...,38 (10), gold: 4,8,...,40 (10); balance = id + 0.50
        assertEquals(List.of("'TIER','N','TOTAL'", "'bronze','20','410.00'", "'gold','10','225.00'",
                        "'silver','10','205.00'"), run.nonEmptyLines(),
                "the merged GROUP BY over four shards must print one row per tier with exact totals\n" + run);
    }

    @Test
    void query_routedByKeyAndBroadcast_printsTheirRows() throws Exception {
        Run run = sqlline("SELECT name, tier FROM customers WHERE id = 17;",
                "SELECT name FROM countries WHERE code = 'JP';");
        assertTrue(run.lines().contains("'customer 17','bronze'"), "a query routed by id must print its row\n" + run);
        assertTrue(run.lines().contains("'Japan'"), "a broadcast read must print its row\n" + run);
    }

    /** Runs SQLLine on {@code commands} (one per line) with the driver URL, CSV output, no history. */
    private static Run sqlline(String... commands) throws IOException {
        Path script = Files.createTempFile(dir, "script", ".sql");
        Files.write(script, List.of(commands));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SqlLine sqlLine = new SqlLine();
        sqlLine.setOutputStream(new PrintStream(out, true, StandardCharsets.UTF_8));
        sqlLine.setErrorStream(new PrintStream(err, true, StandardCharsets.UTF_8));
        String[] args = {
            "-d", "dev.sherd.jdbc.SherdDriver",
            "-u", cluster.url(),
            "-n", "sa",
            "-p", "",
            "--outputformat=csv",
            "--silent=true",
            "--color=false",
            "--run=" + script,
        };
        SqlLine.Status status = sqlLine.begin(args, new ByteArrayInputStream(new byte[0]), false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Splits one SQLLine CSV line ({@code 'a','b'}); quotes inside values are not expected here. */
    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        if (!line.startsWith("'")) {
            return cells;
        }
        for (String cell : line.split("','", -1)) {
            cells.add(cell.replace("'", ""));
        }
        return cells;
    }

    private record Run(SqlLine.Status status, String output, String errors) {
        List<String> lines() {
            return output.lines().map(String::strip).toList();
        }

        List<String> nonEmptyLines() {
            return lines().stream().filter(l -> !l.isEmpty()).toList();
        }

        @Override
        public String toString() {
            return "--- SQLLine status " + status + ", output:\n" + output + "--- errors:\n" + errors;
        }
    }
}
