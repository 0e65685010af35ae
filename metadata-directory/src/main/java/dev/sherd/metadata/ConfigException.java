package dev.sherd.metadata;

import java.util.Objects;

/**
 * A cluster configuration that cannot be read or is invalid. It names where ({@link #source()}: a file path,
 * {@code classpath:<resource>} or the name given to {@link ClusterConfig#parse}), which key ({@link #keyPath()},
 * e.g. {@code tables.events.ranges[1].shard}; empty for the whole document) and what is wrong
 * ({@link #problem()}).
 *
 * <p>Messages never contain a password: the configuration reader echoes names and bounds, never credentials.
 *
 * <p>Immutable; safe to share between threads.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String keyPath;
    private final String problem;

    public ConfigException(String source, String keyPath, String problem) {
        this(source, keyPath, problem, null);
    }

    public ConfigException(String source, String keyPath, String problem, Throwable cause) {
        super(format(source, keyPath, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.keyPath = Objects.requireNonNull(keyPath, "keyPath");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Where the configuration came from: a file path, {@code classpath:<resource>} or a caller-given name. */
    public String source() {
        return source;
    }

    /** The offending key, dotted with list indexes ({@code shards.s1.url}, {@code tables.t.ranges[0].to}); "" for the whole document. */
    public String keyPath() {
        return keyPath;
    }

    /** What is wrong, without the source and key path. */
    public String problem() {
        return problem;
    }

    /** {@code "<source>: <keyPath>: <problem>"}, or {@code "<source>: <problem>"} when the key path is empty. */
    private static String format(String source, String keyPath, String problem) {
        return keyPath == null || keyPath.isEmpty()
                ? source + ": " + problem
                : source + ": " + keyPath + ": " + problem;
    }
}
