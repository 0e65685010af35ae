package dev.sherd.metadata;

import java.util.Locale;

/**
 * The database family behind a shard, derived from its JDBC URL. The SQL rewriter uses it to pick a dialect
 * and the merger to know where NULLs sort.
 *
 * <p>Thread-safe (an enum).
 */
public enum DialectFamily {
    H2("jdbc:h2:", true),
    POSTGRESQL("jdbc:postgresql:", false),
    MYSQL("jdbc:mysql:", true);

    private static final String MARIADB_PREFIX = "jdbc:mariadb:";

    private final String prefix;
    private final boolean nullsFirstAscending;

    DialectFamily(String prefix, boolean nullsFirstAscending) {
        this.prefix = prefix;
        this.nullsFirstAscending = nullsFirstAscending;
    }

    /**
     * Returns the family of a JDBC URL: {@code jdbc:h2:} is H2, {@code jdbc:postgresql:} is POSTGRESQL,
     * {@code jdbc:mysql:} and {@code jdbc:mariadb:} are MYSQL. The prefix is matched case-insensitively.
     *
     * @throws IllegalArgumentException if the URL is null or of another database; the message shows only the
     *     URL's scheme, never the rest (URLs can carry credentials)
     */
    public static DialectFamily fromJdbcUrl(String url) {
        if (url == null) {
            throw new IllegalArgumentException("JDBC URL is null");
        }
        for (DialectFamily family : values()) {
            if (startsWithIgnoreCase(url, family.prefix)) {
                return family;
            }
        }
        if (startsWithIgnoreCase(url, MARIADB_PREFIX)) {
            return MYSQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL '" + scheme(url)
                + "...' (expected jdbc:h2:, jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:)");
    }

    /** Whether this family puts NULLs first in an ascending ORDER BY (and last in a descending one). */
    public boolean nullsSortFirstAscending() {
        return nullsFirstAscending;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** "jdbc:oracle:" from "jdbc:oracle:thin:scott/tiger@host": enough to name the database, no more. */
    private static String scheme(String url) {
        int first = url.indexOf(':');
        int second = first < 0 ? -1 : url.indexOf(':', first + 1);
        String scheme = second < 0 ? url : url.substring(0, second + 1);
        return scheme.length() > 40 ? scheme.substring(0, 40) : scheme.toLowerCase(Locale.ROOT);
    }
}
