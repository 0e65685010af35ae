package dev.sherd.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
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
 * add a column and an index, V3 seed rows) through the driver URL. Each shard is then read
 * directly: every one must have the tables, the column and the index; seed rows must sit on their
 * shards; Flyway's history table (not in the config) must live on the default shard only and agree
 * with what ran; a second migrate must find nothing to do.
 */
class FlywayClientTest {

    private static final String HISTORY = "\"flyway_schema_history\"";

    @TempDir
    Path dir;

    private ClientCluster cluster;

    @BeforeEach
    void start() {
        cluster = ClientCluster.start("flyway", dir);
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(cluster.url(), "sa", "")
                .locations("classpath:clients/flyway")
                .load();
    }

    @Test
    void migrate_throughTheDriver_reachesEveryShard() throws Exception {
        MigrateResult result = migrate();
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
                    + " (SELECT 1 FROM customers c WHERE c.id = o.customer_id)"), "V3: orders away from their customer on " + shard);
            orders += cluster.countOnShard(shard, "SELECT COUNT(*) FROM orders");
        }
        assertEquals(9, orders, "V3: orders over all shards");
    }

    @Test
    void history_livesOnTheDefaultShardAndMatchesWhatRan() throws Exception {
        migrate();
        for (String shard : ClientCluster.SHARDS) {
            long tables = cluster.countOnShard(shard, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = 'flyway_schema_history'");
            assertEquals(shard.equals(ClientCluster.DEFAULT_SHARD) ? 1 : 0, tables,
                    "Flyway's history table is not in the config, so it must live on the default shard only; shard " + shard);
        }
        List<String> history = new ArrayList<>();
        for (List<Object> row : cluster.queryShard(ClientCluster.DEFAULT_SHARD,
                "SELECT \"version\", \"success\" FROM " + HISTORY + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            history.add(row.get(0) + ":" + row.get(1));
        }
        assertEquals(List.of("1:TRUE", "2:TRUE", "3:TRUE"), history, "history rows on the default shard");

        List<String> applied = new ArrayList<>();
        for (MigrationInfo info : flyway().info().applied()) {
            if (info.getVersion() != null) {
                applied.add(info.getVersion() + ":" + info.getState());
            }
        }
        assertEquals(List.of("1:SUCCESS", "2:SUCCESS", "3:SUCCESS"), applied, "flyway info through the driver");
        flyway().validate();
        assertEquals(0, flyway().migrate().migrationsExecuted, "a second migrate must find nothing pending");
    }

    /** Runs migrate through the driver; a failure names what Flyway was doing and what the driver said. */
    private MigrateResult migrate() throws SQLException {
        try {
            return flyway().migrate();
        } catch (RuntimeException e) {
            String product;
            try (Connection c = DriverManager.getConnection(cluster.url())) {
                DatabaseMetaData m = c.getMetaData();
                product = "\"" + m.getDatabaseProductName() + "\" \"" + m.getDatabaseProductVersion() + "\"";
            }
            return fail("Flyway migrate through " + cluster.url() + " failed (driver's product name and version: "
                    + product + "): " + chain(e), e);
        }
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- caused by ").append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }
}
