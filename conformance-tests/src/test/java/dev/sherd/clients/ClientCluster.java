package dev.sherd.clients;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ConfigException;
import dev.sherd.metadata.ShardedTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Four H2 in-memory shards behind a Sherd cluster config written to a test's temporary directory,
 * for running real client libraries against the driver. Database names carry the test's name and a
 * per-JVM counter, so test classes never see each other's rows. Direct shard connections bypass the
 * driver: they are how a test checks where rows and tables really are. {@link #close()} shuts every
 * shard database down. Not thread-safe.
 */
final class ClientCluster implements AutoCloseable {

    static final List<String> SHARDS = List.of("s0", "s1", "s2", "s3");
    static final String DEFAULT_SHARD = "s0";

    /** customers hash on id, orders co-located on customer_id, countries broadcast. */
    static final String STANDARD_TABLES = """
              customers: { sharding-key: id, algorithm: hash }
              orders:    { sharding-key: customer_id, algorithm: hash, colocated-with: customers }
              countries: { broadcast: true }
            """;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String prefix;
    private final Path configFile;
    private final ClusterConfig config;

    private ClientCluster(String prefix, Path configFile, ClusterConfig config) {
        this.prefix = prefix;
        this.configFile = configFile;
        this.config = config;
    }

    /** A cluster with {@link #STANDARD_TABLES}. */
    static ClientCluster start(String name, Path dir) {
        return start(name, dir, STANDARD_TABLES);
    }

    /** A cluster whose {@code tables:} section is {@code tablesYaml} (entries indented by two). */
    static ClientCluster start(String name, Path dir, String tablesYaml) {
        String prefix = "cl_" + name + "_" + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet();
        StringBuilder y = new StringBuilder("shards:\n");
        for (String s : SHARDS) {
            y.append("  ").append(s).append(": { url: \"").append(shardUrl(prefix, s))
                    .append("\", user: sa, password: \"\" }\n");
        }
        y.append("default-shard: ").append(DEFAULT_SHARD).append('\n');
        y.append("tables:\n").append(tablesYaml);
        try {
            Path file = dir.resolve(name + "-cluster.yaml");
            Files.writeString(file, y);
            return new ClientCluster(prefix, file, ClusterConfig.load(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException("the test's cluster config is invalid: " + e.getMessage(), e);
        }
    }

    private static String shardUrl(String prefix, String shard) {
        return "jdbc:h2:mem:" + prefix + "_" + shard + ";DB_CLOSE_DELAY=-1";
    }

    /** The driver URL, {@code jdbc:sherd:<config file>}. */
    String url() {
        return "jdbc:sherd:" + configFile;
    }

    Path configFile() {
        return configFile;
    }

    String shardUrl(String shard) {
        return shardUrl(prefix, shard);
    }

    /**
     * The shard the config places {@code key} of sharded {@code table} on, computed by the metadata
     * directory (not by the driver's router), so placement checks do not trust what they check.
     */
    String shardOf(String table, Object key) {
        ShardedTable rule = (ShardedTable) config.tableRule(table)
                .orElseThrow(() -> new IllegalArgumentException("no rule for table " + table));
        return config.shard(rule.function().shardOf(key)).name();
    }

    /** Runs statements through the driver in auto-commit mode (test setup). */
    void executeThroughDriver(String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** A direct connection to one shard database, bypassing the driver. */
    Connection openShard(String shard) throws SQLException {
        if (!SHARDS.contains(shard)) {
            throw new IllegalArgumentException("no shard " + shard + " in " + SHARDS);
        }
        return DriverManager.getConnection(shardUrl(shard), "sa", "");
    }

    /** The rows {@code sql} returns on one shard, read directly; each row as a list of column values. */
    List<List<Object>> queryShard(String shard, String sql) throws SQLException {
        try (Connection c = openShard(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int width = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(width);
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The single number {@code sql} returns on one shard, read directly. */
    long countOnShard(String shard, String sql) throws SQLException {
        List<List<Object>> rows = queryShard(shard, sql);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one value from " + shard + " for " + sql + ", got " + rows);
        }
        return ((Number) rows.get(0).get(0)).longValue();
    }

    /** The shards on which {@code sql} (a query returning one count) answers more than zero. */
    List<String> shardsWhere(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String shard : SHARDS) {
            if (countOnShard(shard, sql) > 0) {
                found.add(shard);
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        for (String shard : SHARDS) {
            try (Connection c = openShard(shard); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    @Override
    public String toString() {
        return "ClientCluster[" + configFile + "]";
    }
}
