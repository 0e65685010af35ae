package dev.sherd.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sherd.jdbc.SherdConnection;
import dev.sherd.jdbc.SherdDataSource;
import dev.sherd.jdbc.runtime.ClusterRegistry;
import dev.sherd.jdbc.runtime.ShardPools;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's {@link JdbcTemplate} over a HikariCP pool whose {@code dataSource} is a
 * {@link SherdDataSource}: queryForObject, query with a RowMapper, update, batchUpdate and error
 * translation, TransactionTemplate on one shard; after each test both the Hikari pool and the driver's shard pools must be idle, and
 * closing both data sources must leave no cluster runtime behind.
 */
class SpringJdbcClientTest {

    private record Customer(long id, String name, String tier, BigDecimal balance) {}

    private static final RowMapper<Customer> CUSTOMER = (rs, n) ->
            new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("tier"), rs.getBigDecimal("balance"));

    @TempDir
    Path dir;

    private ClientCluster cluster;
    private SherdDataSource sherd;
    private HikariDataSource hikari;
    private ShardPools shardPools;
    private int runtimesBefore;
    private JdbcTemplate jdbc;

    @BeforeEach
    void start() throws Exception {
        runtimesBefore = ClusterRegistry.liveRuntimes();
        cluster = ClientCluster.start("spring", dir);
        cluster.executeThroughDriver(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, tier VARCHAR(10), balance DECIMAL(10,2))",
                "CREATE TABLE countries (code CHAR(2) PRIMARY KEY, name VARCHAR(40))");
        sherd = new SherdDataSource();
        sherd.setUrl(cluster.url());
        HikariConfig config = new HikariConfig();
        config.setDataSource(sherd);
        config.setPoolName("spring-client-test");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        hikari = new HikariDataSource(config);
        try (Connection c = sherd.getConnection()) {
            shardPools = c.unwrap(SherdConnection.class).runtime().pools();
        }
        jdbc = new JdbcTemplate(hikari);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            assertEquals(0, hikari.getHikariPoolMXBean().getActiveConnections(), "Hikari connections still borrowed");
            for (int i = 0; i < ClientCluster.SHARDS.size(); i++) {
                assertEquals(0, shardPools.activeConnections(i),
                        "driver connections of shard " + ClientCluster.SHARDS.get(i) + " still borrowed");
            }
        } finally {
            hikari.close();
            sherd.close();
            cluster.close();
        }
        assertEquals(runtimesBefore, ClusterRegistry.liveRuntimes(),
                "closing Hikari and the SherdDataSource must release the cluster runtime");
    }

    @Test
    void updateAndQueries_roundTripThroughThePool() throws Exception {
        for (long id = 1; id <= 12; id++) {
            assertEquals(1, jdbc.update("INSERT INTO customers (id, name, tier, balance) VALUES (?, ?, ?, ?)",
                    id, "c" + id, id % 2 == 0 ? "even" : "odd", new BigDecimal(id + ".25")));
        }
        List<String> holders = cluster.shardsWhere("SELECT COUNT(*) FROM customers");
        assertTrue(holders.size() > 1, "12 keys must spread over several shards, found on " + holders);

        assertEquals(12, jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class));
        assertEquals("c5", jdbc.queryForObject("SELECT name FROM customers WHERE id = ?", String.class, 5L));
        assertEquals(new BigDecimal("43.50"), // ids 2, 4, ..., 12 plus 6 x 0.25
                jdbc.queryForObject("SELECT SUM(balance) FROM customers WHERE tier = ?", BigDecimal.class, "even"));

        List<Customer> top = jdbc.query(
                "SELECT id, name, tier, balance FROM customers WHERE balance > ? ORDER BY balance DESC LIMIT 3",
                CUSTOMER, new BigDecimal("2"));
        assertEquals(List.of(12L, 11L, 10L), top.stream().map(Customer::id).toList());
        assertEquals(new Customer(12, "c12", "even", new BigDecimal("12.25")), top.get(0));

        List<Map<String, Object>> perTier = jdbc.queryForList(
                "SELECT tier, COUNT(*) AS n, MAX(balance) AS top FROM customers GROUP BY tier ORDER BY tier");
        assertEquals(2, perTier.size());
        assertEquals("even", perTier.get(0).get("TIER"));
        assertEquals(6L, ((Number) perTier.get(0).get("N")).longValue());
        assertEquals(new BigDecimal("12.25"), perTier.get(0).get("TOP"));

        assertEquals(6, jdbc.update("UPDATE customers SET tier = 'gold' WHERE tier = ?", "odd"));
        assertEquals(1, jdbc.update("DELETE FROM customers WHERE id = ?", 3L));
        assertEquals(5, jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE tier = 'gold'", Integer.class));
    }

    @Test
    void batchUpdate_groupsRowsPerShard() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 100; id < 120; id++) {
            rows.add(new Object[] {id, "b" + id, "batch", BigDecimal.ONE});
        }
        int[] counts = jdbc.batchUpdate("INSERT INTO customers (id, name, tier, balance) VALUES (?, ?, ?, ?)", rows);
        int[] ones = new int[20];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, counts, "one update count per batched row, in order");
        for (long id = 100; id < 120; id++) {
            String home = cluster.shardOf("customers", id);
            assertEquals(1, cluster.countOnShard(home, "SELECT COUNT(*) FROM customers WHERE id = " + id),
                    "customer " + id + " on " + home);
        }
        assertEquals(20, jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE tier = 'batch'", Long.class));

        int[] broadcast = jdbc.batchUpdate("INSERT INTO countries (code, name) VALUES ('FR', 'France')",
                "INSERT INTO countries (code, name) VALUES ('JP', 'Japan')");
        assertArrayEquals(new int[] {1, 1}, broadcast, "broadcast writes report the logical count");
        for (String shard : ClientCluster.SHARDS) {
            assertEquals(2, cluster.countOnShard(shard, "SELECT COUNT(*) FROM countries"), "countries on " + shard);
        }
    }

    @Test
    void transactionTemplate_oneShard_commitsOrRollsBackAsAUnit() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(hikari));
        String home = cluster.shardOf("customers", 500L);
        long sibling = 501;
        while (!cluster.shardOf("customers", sibling).equals(home)) {
            sibling++;
        }
        long second = sibling;
        tx.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO customers (id, name) VALUES (?, ?)", 500L, "committed");
            jdbc.update("UPDATE customers SET tier = 'tx' WHERE id = ?", 500L);
            jdbc.update("INSERT INTO customers (id, name, tier) VALUES (?, ?, 'tx')", second, "committed too");
        });
        assertEquals(2, cluster.countOnShard(home, "SELECT COUNT(*) FROM customers WHERE tier = 'tx'"));

        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM customers WHERE id = ?", 500L);
            assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE tier = 'tx'", Integer.class),
                    "the transaction sees its own delete");
            status.setRollbackOnly();
        });
        assertEquals(2, cluster.countOnShard(home, "SELECT COUNT(*) FROM customers WHERE tier = 'tx'"),
                "a rolled-back delete must leave the row on " + home);
    }

    @Test
    void duplicateKey_isTranslatedToDuplicateKeyException() {
        jdbc.update("INSERT INTO customers (id, name) VALUES (?, ?)", 7L, "first");
        // What the same code gets on a plain H2 data source.
        assertThrows(DuplicateKeyException.class,
                () -> jdbc.update("INSERT INTO customers (id, name) VALUES (?, ?)", 7L, "again"));
    }
}
