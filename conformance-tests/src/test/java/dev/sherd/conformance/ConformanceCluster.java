package dev.sherd.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two worlds the suite compares, on one {@link Backend}: four shards behind a Sherd cluster
 * config, and one plain oracle database (or, for the harness self-test, two oracles and no shards).
 *
 * <p>On H2 the databases are in memory with names unique per instance, so test classes never see
 * each other's rows; {@link #close()} shuts them down. On PostgreSQL and MariaDB they are databases
 * on the local server named after the suite ({@code sherd_conf_s0} .. {@code sherd_conf_s3},
 * {@code sherd_conf_oracle}), dropped and created empty when the cluster is created and dropped
 * again by {@link #close()} unless {@code -Dsherd.keepDatabases=true} (to look at them after a
 * failure). While a cluster exists it holds a server-wide lock on its suite's names, so two runs
 * on one server wait for each other instead of dropping each other's databases.
 *
 * <p>Topology: customers hash on id, orders hash on customer_id co-located with customers, events
 * range on {@code at} with one quarter of 2024 per shard (first and last range unbounded),
 * countries broadcast, ledger hash on customer_id co-located with customers (listed in the config but
 * created by the corpus's DDL section), everything else on the default shard {@code s0}. Not thread-safe.
 */
final class ConformanceCluster implements AutoCloseable {

    static final List<String> SHARDS = List.of("s0", "s1", "s2", "s3");
    static final String DEFAULT_SHARD = "s0";
    /** Quarter boundaries of the events ranges: shard i holds [BOUNDS[i-1], BOUNDS[i]). */
    static final List<String> EVENT_BOUNDS = List.of("2024-04-01", "2024-07-01", "2024-10-01");

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int POOL_TIMEOUT_MILLIS = 10_000;
    private static final String ORACLE = "oracle";
    private static final String SECOND_ORACLE = "oracle2";

    private final Backend backend;
    private final String prefix;
    private final List<String> roles;
    private final Path configFile;
    private final ServerAdmin admin;
    private final List<Connection> opened = new ArrayList<>();

    private ConformanceCluster(Backend backend, String prefix, List<String> roles, Path configFile, ServerAdmin admin) {
        this.backend = backend;
        this.prefix = prefix;
        this.roles = roles;
        this.configFile = configFile;
        this.admin = admin;
    }

    /** Four shards, a config naming them, and an oracle: what the driver is compared in. */
    static ConformanceCluster forDriver(Backend backend, String suite) {
        List<String> roles = new ArrayList<>(SHARDS);
        roles.add(ORACLE);
        return create(backend, suite, roles, true);
    }

    /** Two plain databases and no shards: the harness compared with itself. */
    static ConformanceCluster forTwoOracles(Backend backend, String suite) {
        return create(backend, suite, List.of(ORACLE, SECOND_ORACLE), false);
    }

    private static ConformanceCluster create(Backend backend, String suite, List<String> roles, boolean withConfig) {
        if (!suite.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("suite name must be a lower-case identifier: " + suite);
        }
        String prefix = "sherd_" + suite;
        if (!backend.isServer()) {
            prefix += "_" + Long.toString(System.currentTimeMillis(), 36) + "_" + ProcessHandle.current().pid() + "_" + INSTANCES.incrementAndGet();
        }
        ServerAdmin admin = null;
        Path file = null;
        try {
            if (backend.isServer()) {
                admin = ServerAdmin.connect(backend);
                admin.lock(prefix);
                for (String role : roles) {
                    admin.recreate(prefix + "_" + role);
                }
            }
            if (withConfig) {
                file = Files.createTempFile("sherd-conformance-" + prefix + "-", ".yaml");
            }
            ConformanceCluster cluster = new ConformanceCluster(backend, prefix, List.copyOf(roles), file, admin);
            if (file != null) {
                Files.writeString(file, cluster.config());
            }
            return cluster;
        } catch (SQLException e) {
            if (admin != null) {
                admin.close();
            }
            throw new IllegalStateException("cannot prepare the " + backend.displayName() + " databases " + prefix + "_* at "
                    + backend.address() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            if (admin != null) {
                admin.close();
            }
            throw new UncheckedIOException(e);
        }
    }

    Backend backend() {
        return backend;
    }

    String config() {
        StringBuilder y = new StringBuilder("# generated by dev.sherd.conformance.ConformanceCluster (").append(prefix).append(")\n");
        y.append("shards:\n");
        for (String s : SHARDS) {
            // A leaked shard connection should fail a test in seconds, not stall every later one for 30 s.
            y.append("  ").append(s).append(": { url: \"").append(shardUrl(s)).append("\", user: ").append(backend.user())
                    .append(", password: \"").append(backend.password()).append("\", pool: { connectionTimeout: ")
                    .append(POOL_TIMEOUT_MILLIS).append(" } }\n");
        }
        y.append("default-shard: ").append(DEFAULT_SHARD).append('\n');
        y.append("tables:\n");
        y.append("  customers: { sharding-key: id, algorithm: hash }\n");
        y.append("  orders:    { sharding-key: customer_id, algorithm: hash, colocated-with: customers }\n");
        y.append("  events:\n    sharding-key: at\n    algorithm: range\n    ranges:\n");
        y.append("      - { shard: s0, to: \"").append(EVENT_BOUNDS.get(0)).append("\" }\n");
        y.append("      - { shard: s1, from: \"").append(EVENT_BOUNDS.get(0)).append("\", to: \"").append(EVENT_BOUNDS.get(1)).append("\" }\n");
        y.append("      - { shard: s2, from: \"").append(EVENT_BOUNDS.get(1)).append("\", to: \"").append(EVENT_BOUNDS.get(2)).append("\" }\n");
        y.append("      - { shard: s3, from: \"").append(EVENT_BOUNDS.get(2)).append("\" }\n");
        y.append("  countries: { broadcast: true }\n");
        // Listed but not created by the load: the corpus creates, alters and drops it through the driver.
        y.append("  ledger:    { sharding-key: customer_id, algorithm: hash, colocated-with: customers }\n");
        return y.toString();
    }

    Path configFile() {
        if (configFile == null) {
            throw new IllegalStateException("a cluster of two oracles has no shards and no config");
        }
        return configFile;
    }

    String shardUrl(String shard) {
        return backend.url(database(shard));
    }

    String oracleUrl() {
        return backend.url(database(ORACLE));
    }

    private String database(String role) {
        if (!roles.contains(role)) {
            throw new IllegalArgumentException("this cluster has no database " + role + " (it has " + roles + ")");
        }
        return prefix + "_" + role;
    }

    /** The driver under test: {@code jdbc:sherd:<config file>}. */
    Connection openDriver() throws SQLException {
        return track(DriverManager.getConnection("jdbc:sherd:" + configFile()));
    }

    Connection openOracle() throws SQLException {
        return open(ORACLE);
    }

    Connection openSecondOracle() throws SQLException {
        return open(SECOND_ORACLE);
    }

    /** A direct connection to one shard database, bypassing the driver (placement checks). */
    Connection openShard(String shard) throws SQLException {
        if (!SHARDS.contains(shard)) {
            throw new IllegalArgumentException("no shard " + shard + " in " + SHARDS);
        }
        return open(shard);
    }

    private Connection open(String role) throws SQLException {
        return track(DriverManager.getConnection(backend.url(database(role)), backend.user(), backend.password()));
    }

    String describe() {
        return backend.displayName() + " databases " + prefix + "_{" + String.join(",", roles) + "} at " + backend.address()
                + (configFile == null ? "" : ", config " + configFile);
    }

    private Connection track(Connection c) {
        opened.add(c);
        return c;
    }

    @Override
    public void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing is best effort; the databases go below
            }
        }
        if (backend.isServer()) {
            dropDatabases();
        } else {
            shutDownH2();
        }
        if (configFile != null) {
            try {
                Files.deleteIfExists(configFile);
            } catch (IOException ignored) {
                // a stray temp file is harmless
            }
        }
    }

    private void dropDatabases() {
        try {
            if (Boolean.getBoolean("sherd.keepDatabases")) {
                System.out.println("Kept for inspection (-Dsherd.keepDatabases=true): " + describe());
                return;
            }
            for (String role : roles) {
                try {
                    admin.drop(database(role));
                } catch (SQLException e) {
                    System.out.println("could not drop " + database(role) + " on " + backend.displayName() + ": " + e.getMessage()
                            + " (the next run drops it)");
                }
            }
        } finally {
            admin.close();
        }
    }

    private void shutDownH2() {
        for (String role : roles) {
            // IFEXISTS: do not create a database only to shut it down
            try (Connection c = DriverManager.getConnection(backend.url(database(role)) + ";IFEXISTS=TRUE", backend.user(), backend.password());
                 Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // never opened
            }
        }
    }
}
