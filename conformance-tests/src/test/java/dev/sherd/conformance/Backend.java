package dev.sherd.conformance;

import java.util.List;
import java.util.Locale;

/**
 * The database family the suite runs on: the shards and the oracle are both of this family, so
 * every comparison is the driver over four shards against one plain database of the same kind.
 *
 * <p>H2 runs in memory in the JVM. PostgreSQL and MariaDB are the local servers; each shard and
 * each oracle is a separate database on the server, created fresh by {@link ServerAdmin} for every
 * run. A backend knows its URLs, how to create and drop a database, the type names of the schema,
 * and how it stores and quotes identifiers. The server addresses can be moved with
 * {@code -Dsherd.postgresql.host}/{@code .port} and {@code -Dsherd.mariadb.host}/{@code .port}.
 * Immutable and thread-safe.
 */
enum Backend {

    H2("H2", "h2", null, 0),
    POSTGRESQL("PostgreSQL", "postgresql", "127.0.0.1", 5432),
    MARIADB("MariaDB", "mariadb", "127.0.0.1", 3306);

    private final String displayName;
    private final String key;
    private final String host;
    private final int port;

    Backend(String displayName, String key, String host, int port) {
        this.displayName = displayName;
        this.key = key;
        this.host = System.getProperty("sherd." + key + ".host", host);
        this.port = Integer.getInteger("sherd." + key + ".port", port);
    }

    /** "PostgreSQL": for test names and messages. */
    String displayName() {
        return displayName;
    }

    /** "postgresql": the name corpus directives ({@code -- skip: mariadb (...)}) use. */
    String key() {
        return key;
    }

    static Backend fromKey(String key) {
        for (Backend b : values()) {
            if (b.key.equals(key)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backend '" + key + "' (expected one of h2, postgresql, mariadb)");
    }

    /** True for PostgreSQL and MariaDB: databases live on a server that may be down. */
    boolean isServer() {
        return this != H2;
    }

    /** "127.0.0.1:5432", for messages. */
    String address() {
        return isServer() ? host + ":" + port : "in-memory";
    }

    String url(String database) {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
            case MARIADB -> "jdbc:mariadb://" + host + ":" + port + "/" + database;
        };
    }

    /** Where databases are created and dropped: PostgreSQL's {@code postgres} database, MariaDB without a database. */
    String adminUrl() {
        return switch (this) {
            case H2 -> throw new IllegalStateException("H2 databases need no admin connection");
            case POSTGRESQL -> url("postgres");
            case MARIADB -> "jdbc:mariadb://" + host + ":" + port + "/";
        };
    }

    String user() {
        return switch (this) {
            case H2 -> "sa";
            case POSTGRESQL -> "postgres";
            case MARIADB -> "root";
        };
    }

    String password() {
        return "";
    }

    List<String> createDatabase(String name) {
        return switch (this) {
            case H2 -> List.of();
            // Collation C: byte order, which for UTF-8 is code point order. The merge layer must
            // reproduce the shard's string order; C is the one every merge can reproduce.
            case POSTGRESQL -> List.of("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            // utf8mb4_bin, not the server default utf8mb4_general_ci: the merge layer compares
            // strings in binary (code point) order, and a case-insensitive collation would make
            // ORDER BY, GROUP BY and DISTINCT on text merge differently from one database.
            // The lead may change this when merges learn the _ci collations.
            case MARIADB -> List.of("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        };
    }

    String dropDatabase(String name) {
        return switch (this) {
            case H2 -> throw new IllegalStateException("H2 in-memory databases are shut down, not dropped");
            // FORCE: a pool of the driver may still hold a connection; the run holds the suite's lock.
            case POSTGRESQL -> "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
            case MARIADB -> "DROP DATABASE IF EXISTS " + name;
        };
    }

    /** A timestamp without time zone. MariaDB's TIMESTAMP is time-zone converted and ends in 2038. */
    String timestampType() {
        return this == MARIADB ? "DATETIME" : "TIMESTAMP";
    }

    /** An 8-byte float. PostgreSQL has no type named DOUBLE. */
    String doubleType() {
        return this == POSTGRESQL ? "DOUBLE PRECISION" : "DOUBLE";
    }

    /**
     * The name the database stores for an unquoted identifier: upper case on H2, lower case on
     * PostgreSQL, as written on MariaDB (whose table names are case-sensitive on Linux).
     */
    String storedName(String unquoted) {
        return switch (this) {
            case H2 -> unquoted.toUpperCase(Locale.ROOT);
            case POSTGRESQL -> unquoted.toLowerCase(Locale.ROOT);
            case MARIADB -> unquoted;
        };
    }

    /** A stored name as it must appear in SQL: bare when unquoted use finds it, otherwise quoted. */
    String identifier(String stored) {
        if (stored.matches("[A-Za-z_][A-Za-z0-9_]*") && storedName(stored).equals(stored)) {
            return stored;
        }
        return this == MARIADB ? "`" + stored.replace("`", "``") + "`" : "\"" + stored.replace("\"", "\"\"") + "\"";
    }

    /** A table name as written in SQL (maybe quoted) turned into the name the database stores. */
    String storedNameOf(String written) {
        boolean quoted = written.length() >= 2 && (written.startsWith("\"") && written.endsWith("\"")
                || written.startsWith("`") && written.endsWith("`"));
        return quoted ? written.substring(1, written.length() - 1) : storedName(written);
    }
}
