package dev.sherd.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.jdbc.SherdDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway runs {@code src/test/resources/clients/flyway} (V1 create sharded and broadcast tables, V2
 * add a column and an index, V3 seed rows) through the driver, configured as users configure it:
 * {@code flyway.url=jdbc:sherd:…} (the driver ships a Flyway database plugin for that prefix) or a
 * {@code SherdDataSource}, with Flyway's defaults otherwise — each migration in a transaction, no
 * baseline. Each shard is then read directly: every one must have the tables, the column and the
 * index; seed rows must sit on their shards; Flyway's history table (not in the config) must live on
 * the default shard only and agree with what ran; a second migrate must find nothing to do.
 */
class FlywayClientTest {

    private static final String MIGRATIONS = "classpath:clients/flyway";

    @TempDir
    Path dir;

    private ClientCluster cluster;
    private SherdDataSource dataSource;

    @BeforeEach
    void start() {
        cluster = ClientCluster.start("flyway", dir);
        dataSource = new SherdDataSource(cluster.url());
    }

    @AfterEach
    void stop() throws Exception {
        dataSource.close();
        cluster.close();
    }

    /** Flyway on the driver URL, as the Flyway CLI, its Maven and Gradle plugins and most configs name a database. */
    private Flyway flywayOnTheUrl() {
        try {
            return Flyway.configure().dataSource(cluster.url(), "sa", "").locations(MIGRATIONS).load();
        } catch (RuntimeException e) {
            return fail("Flyway cannot open " + cluster.url() + ": it picks a database plugin by URL prefix before"
                    + " connecting (" + chain(e) + ")", e);
        }
    }

    @Test
    void migrate_withTheDriverUrl_runsTheMigrations() {
        assertEquals(3, migrate(flywayOnTheUrl()).migrationsExecuted);
    }

    @Test
    void migrate_withASherdDataSource_runsTheMigrations() {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load();
        assertEquals(3, migrate(flyway).migrationsExecuted);
    }

    @Test
    void newCluster_looksEmptyToFlyway() throws Exception {
        // Flyway's H2 support asks this (through the driver) before it creates its history table,
        // and refuses a non-empty schema without a baseline.
        String query = "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'";
        List<String> visible = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, "PUBLIC");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    visible.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of(), visible, "a cluster nobody created a table in must look empty to Flyway: \"" + query
                + "\" ('PUBLIC') through the driver answered these tables");
    }

    // ---- what the migrations did -------------------------------------------------------------------

    @Test
    void migrate_reachesEveryShard() throws Exception {
        MigrateResult result = migrate(flywayOnTheUrl());
        assertEquals(3, result.migrationsExecuted, "migrations executed");
        assertTrue(result.success, "migrate result");

        for (String shard : ClientCluster.SHARDS) {
            try (Connection c = cluster.openShard(shard)) {
                DatabaseMetaData m = c.getMetaData();
                for (String table : List.of("CUSTOMERS", "ORDERS", "COUNTRIES")) {
                    try (var rs = m.getTables(null, "PUBLIC", table, null)) {
                        assertTrue(rs.next(), "V1: table " + table + " missing on shard " + shard);
                    }
                }
                try (var rs = m.getColumns(null, "PUBLIC", "CUSTOMERS", "COUNTRY")) {
                    assertTrue(rs.next(), "V2: column customers.country missing on shard " + shard);
                }
            }
            assertEquals(1, cluster.countOnShard(shard, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE INDEX_NAME = 'IDX_ORDERS_CUSTOMER' AND TABLE_NAME = 'ORDERS'"),
                    "V2: index idx_orders_customer missing on shard " + shard);
            assertEquals(2, cluster.countOnShard(shard, "SELECT COUNT(*) FROM countries"),
                    "V3: broadcast countries on shard " + shard);
        }

        TreeSet<String> homes = new TreeSet<>();
        for (long id = 1; id <= 8; id++) {
            String home = cluster.shardOf("customers", id);
            homes.add(home);
            assertEquals(List.of(home), cluster.shardsWhere("SELECT COUNT(*) FROM customers WHERE id = " + id),
                    "V3: customer " + id);
        }
        assertTrue(homes.size() > 1, "the seed customers must span several shards to test anything: " + homes);
        long orders = 0;
        for (String shard : ClientCluster.SHARDS) {
            assertEquals(0, cluster.countOnShard(shard, "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS"
                    + " (SELECT 1 FROM customers c WHERE c.id = o.customer_id)"),
                    "V3: orders away from their customer on " + shard);
            orders += cluster.countOnShard(shard, "SELECT COUNT(*) FROM orders");
        }
        assertEquals(9, orders, "V3: orders over all shards");
    }

    @Test
    void history_livesOnTheDefaultShardAndMatchesWhatRan() throws Exception {
        migrate(flywayOnTheUrl());
        for (String shard : ClientCluster.SHARDS) {
            long tables = cluster.countOnShard(shard, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'flyway_schema_history'");
            assertEquals(shard.equals(ClientCluster.DEFAULT_SHARD) ? 1 : 0, tables,
                    "Flyway's history table is not in the config, so it must live on the default shard only; shard " + shard);
        }
        List<String> history = new ArrayList<>();
        for (List<Object> row : cluster.queryShard(ClientCluster.DEFAULT_SHARD, "SELECT \"version\", \"success\""
                + " FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL' ORDER BY \"installed_rank\"")) {
            history.add(row.get(0) + (Boolean.TRUE.equals(row.get(1)) ? ":ok" : ":failed"));
        }
        assertEquals(List.of("1:ok", "2:ok", "3:ok"), history, "history rows on the default shard");

        Flyway flyway = flywayOnTheUrl();
        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway.info().applied()) {
            applied.add(info.getVersion() + ":" + info.getState());
        }
        assertEquals(List.of("1:SUCCESS", "2:SUCCESS", "3:SUCCESS"), applied,
                "flyway info through the driver");
        flyway.validate();
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second migrate must find nothing pending");
    }

    /** Runs migrate; a failure names the driver's product identity and every cause Flyway reported. */
    private MigrateResult migrate(Flyway flyway) {
        try {
            return flyway.migrate();
        } catch (RuntimeException e) {
            String product;
            try (Connection c = DriverManager.getConnection(cluster.url())) {
                DatabaseMetaData m = c.getMetaData();
                product = "\"" + m.getDatabaseProductName() + "\" \"" + m.getDatabaseProductVersion() + "\"";
            } catch (SQLException metadata) {
                product = "unknown: " + metadata;
            }
            return fail("Flyway migrate through " + cluster.url() + " failed (the driver's DatabaseMetaData product"
                    + " name and version: " + product + "): " + chain(e), e);
        }
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- caused by ").append(c.getClass().getSimpleName()).append(": ")
                    .append(c.getMessage());
        }
        return sb.toString();
    }
}
