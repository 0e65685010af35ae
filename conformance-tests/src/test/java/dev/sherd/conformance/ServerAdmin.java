package dev.sherd.conformance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32;

/**
 * An admin connection to a PostgreSQL or MariaDB server: creates and drops the suite's databases,
 * and holds a server-wide named lock on the database set while a suite uses it.
 *
 * <p>The lock is why the database names can be fixed and readable ({@code sherd_conf_s0}): two
 * runs on one server (a developer and CI, or two terminals) would otherwise drop each other's
 * databases mid-run. It is a PostgreSQL advisory lock or a MariaDB {@code GET_LOCK}, both owned by
 * this connection, so a killed JVM releases it with its connection. A second run waits for the
 * first, bounded by {@link #LOCK_WAIT_SECONDS}. Not thread-safe.
 */
final class ServerAdmin implements AutoCloseable {

    static final int LOCK_WAIT_SECONDS = 900;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final Map<Backend, Optional<String>> REACHABILITY = new EnumMap<>(Backend.class);

    private final Backend backend;
    private final Connection admin;

    private ServerAdmin(Backend backend, Connection admin) {
        this.backend = backend;
        this.admin = admin;
    }

    static ServerAdmin connect(Backend backend) throws SQLException {
        Connection admin = open(backend);
        if (backend == Backend.MARIADB) {
            // DROP DATABASE waits for metadata locks, by default for a year; an XA branch a killed run
            // left prepared would hang the suite instead of failing it.
            try (Statement st = admin.createStatement()) {
                st.execute("SET SESSION lock_wait_timeout = " + LOCK_WAIT_SECONDS);
            }
        }
        return new ServerAdmin(backend, admin);
    }

    /** Empty when the server accepts an admin connection; otherwise why not. Asked once per JVM. */
    static synchronized Optional<String> unreachable(Backend backend) {
        return REACHABILITY.computeIfAbsent(backend, b -> {
            try {
                open(b).close();
                return Optional.<String>empty();
            } catch (SQLException e) {
                return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }

    private static Connection open(Backend backend) throws SQLException {
        return DriverManager.getConnection(backend.adminUrl(), properties(backend));
    }

    private static Properties properties(Backend backend) {
        Properties p = new Properties();
        p.setProperty("user", backend.user());
        p.setProperty("password", backend.password());
        if (backend == Backend.POSTGRESQL) {
            p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
            p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        } else {
            p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS * 1000));
        }
        return p;
    }

    /** Waits (bounded) for the server-wide lock named {@code name}; held until {@link #close()}. */
    void lock(String name) throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT_SECONDS * 1_000_000_000L;
        boolean announced = false;
        while (!tryLock(name)) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("another conformance run on " + backend.displayName() + " at " + backend.address()
                        + " held the lock '" + name + "' for more than " + LOCK_WAIT_SECONDS + " s; is a test JVM hanging?");
            }
            if (!announced) {
                System.out.println("Waiting for another conformance run on " + backend.displayName() + " that uses the databases "
                        + name + "_* (up to " + LOCK_WAIT_SECONDS + " s)");
                announced = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the lock '" + name + "'", e);
            }
        }
    }

    private boolean tryLock(String name) throws SQLException {
        String sql = backend == Backend.POSTGRESQL ? "SELECT pg_try_advisory_lock(?)" : "SELECT GET_LOCK(?, 0)";
        try (PreparedStatement ps = admin.prepareStatement(sql)) {
            if (backend == Backend.POSTGRESQL) {
                CRC32 crc = new CRC32();
                crc.update(name.getBytes(StandardCharsets.UTF_8));
                ps.setLong(1, crc.getValue());
            } else {
                ps.setString(1, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1); // PostgreSQL: boolean; MariaDB: 1, 0 or NULL
            }
        }
    }

    /** Drops the database if it exists and creates it empty. */
    void recreate(String database) throws SQLException {
        drop(database);
        try (Statement st = admin.createStatement()) {
            for (String sql : backend.createDatabase(database)) {
                st.execute(sql);
            }
        }
    }

    void drop(String database) throws SQLException {
        if (backend == Backend.POSTGRESQL) {
            rollBackPreparedTransactions(database);
        }
        try (Statement st = admin.createStatement()) {
            st.execute(backend.dropDatabase(database));
        }
    }

    /**
     * PostgreSQL refuses to drop a database that holds prepared (two-phase) transactions, which a
     * run killed between PREPARE and COMMIT leaves behind. They belong to that run's throwaway
     * database only, so rolling them back is safe; it has to happen in the database itself.
     */
    private void rollBackPreparedTransactions(String database) throws SQLException {
        List<String> gids = new ArrayList<>();
        try (PreparedStatement ps = admin.prepareStatement("SELECT gid FROM pg_prepared_xacts WHERE database = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    gids.add(rs.getString(1));
                }
            }
        }
        if (gids.isEmpty()) {
            return;
        }
        System.out.println("Rolling back " + gids.size() + " prepared transaction(s) left in " + database + " before dropping it: " + gids);
        try (Connection c = DriverManager.getConnection(backend.url(database), properties(backend));
             Statement st = c.createStatement()) {
            for (String gid : gids) {
                st.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            }
        }
    }

    @Override
    public void close() {
        try {
            admin.close(); // releases the lock
        } catch (SQLException ignored) {
            // the server closes the session either way
        }
    }
}
