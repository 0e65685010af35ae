package dev.sherd.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One shard: its name, its position in the configuration (the index used in {@link ShardSet}), and how to connect
 * to it. {@link #toString()} never shows the password, and masks credentials embedded in the URL or in
 * password-like pool properties.
 *
 * <p>Immutable and thread-safe.
 */
public final class ShardSpec {
    private final String name;
    private final int index;
    private final String url;
    private final String user;
    private final String password;
    private final DialectFamily dialect;
    private final Map<String, String> poolProperties;

    ShardSpec(String name, int index, String url, String user, String password, Map<String, String> poolProperties) {
        this.name = Objects.requireNonNull(name, "name");
        this.index = index;
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password == null ? "" : password;
        this.dialect = DialectFamily.fromJdbcUrl(url);
        this.poolProperties = Collections.unmodifiableMap(new LinkedHashMap<>(poolProperties));
    }

    public String name() {
        return name;
    }

    /** Position in the configuration's {@code shards:} map, from 0. */
    public int index() {
        return index;
    }

    /** The JDBC URL, unredacted. */
    public String url() {
        return url;
    }

    /** The user, or null if the configuration gives none. */
    public String user() {
        return user;
    }

    /** The password; "" if the configuration gives none. */
    public String password() {
        return password;
    }

    /** The family derived from the URL. */
    public DialectFamily dialect() {
        return dialect;
    }

    /** The shard's {@code pool:} map in configuration order, values as strings (HikariCP property names). Unmodifiable. */
    public Map<String, String> poolProperties() {
        return poolProperties;
    }

    @Override
    public String toString() {
        StringJoiner pool = new StringJoiner(", ", "{", "}");
        poolProperties.forEach((k, v) -> pool.add(k + "=" + (looksSecret(k) ? "****" : v)));
        return "ShardSpec[" + name + " #" + index + " url=" + JdbcUrlRedaction.redact(url) + " user=" + user
                + " password=" + (password.isEmpty() ? "<none>" : "****") + " pool=" + pool + "]";
    }

    private static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("credential");
    }
}
