package dev.sherd.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/*
 * The validated cluster model. Every instance has passed ConfigReader's checks: 1..64 shards of one database
 * family, a default shard that exists, table rules whose shards exist, range tables whose ranges cover every value
 * exactly once, and co-location groups that share one hash function. Nothing changes after construction, so an
 * instance can be shared by every connection of the runtime keyed by its fingerprint().
 */
/**
 * A cluster configuration: shards, the default shard and table rules, loaded from YAML.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClusterConfig {
    private final String source;
    private final List<ShardSpec> shards;
    private final int defaultShard;
    private final DialectFamily dialect;
    private final Map<String, TableRule> tables;
    private final CacheSettings cache;
    private final String fingerprint;

    ClusterConfig(String source, List<ShardSpec> shards, int defaultShard, DialectFamily dialect,
                  Map<String, TableRule> tables, CacheSettings cache) {
        this.source = source;
        this.shards = List.copyOf(shards);
        this.defaultShard = defaultShard;
        this.dialect = dialect;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.cache = Objects.requireNonNull(cache, "cache");
        this.fingerprint = ConfigFingerprint.of(this.shards, defaultShard, this.tables.values(), cache);
    }

    /** Reads a UTF-8 YAML file. The source in messages is {@code file} as given. */
    public static ClusterConfig load(Path file) throws ConfigException {
        String source = file.toString();
        try {
            return parse(decode(Files.readAllBytes(file)), source);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read file: " + describe(e) + " (" + file.toAbsolutePath() + ")", e);
        }
    }

    /**
     * Reads a UTF-8 YAML classpath resource (for {@code jdbc:sherd:classpath:<resource>}); a leading "/" is ignored.
     * The source in messages is {@code classpath:<resource>}.
     *
     * @param loader the class loader to search; null means this class's loader
     */
    public static ClusterConfig loadResource(String resource, ClassLoader loader) throws ConfigException {
        Objects.requireNonNull(resource, "resource");
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        String source = "classpath:" + name;
        ClassLoader cl = loader != null ? loader : ClusterConfig.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigException(source, "", "classpath resource not found");
            }
            return parse(decode(in.readAllBytes()), source);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read resource: " + describe(e), e);
        }
    }

    /** Parses YAML text; {@code sourceName} names it in error messages. */
    public static ClusterConfig parse(String yaml, String sourceName) throws ConfigException {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sourceName, "sourceName");
        return ConfigReader.read(yaml, sourceName);
    }

    /** Where this configuration came from: a file path, {@code classpath:<resource>} or the name given to {@link #parse}. */
    public String source() {
        return source;
    }

    /**
     * A hex SHA-256 digest of the normalised configuration: equal for configurations that mean the same (whitespace,
     * comments, key order within a table and the order of tables do not matter; shard order does). Passwords enter it
     * only through a digest salted per JVM, so the fingerprint can be logged; it is therefore stable within a JVM, and
     * across JVMs only for configurations without passwords.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The shards in configuration order; shard {@code i} has index {@code i}. */
    public List<ShardSpec> shards() {
        return shards;
    }

    public int shardCount() {
        return shards.size();
    }

    /** @throws IndexOutOfBoundsException if there is no such shard */
    public ShardSpec shard(int index) {
        return shards.get(index);
    }

    /** The index of the shard with this exact (case-sensitive) name, or -1. */
    public int shardIndex(String name) {
        for (ShardSpec s : shards) {
            if (s.name().equals(name)) {
                return s.index();
            }
        }
        return -1;
    }

    /** The index of {@code default-shard}, or 0 when the key is absent. Tables without a rule live there. */
    public int defaultShard() {
        return defaultShard;
    }

    /** The database family shared by all shards. */
    public DialectFamily dialect() {
        return dialect;
    }

    /** The rule for a table, looked up case-insensitively; empty if the table has none (it lives on the default shard). */
    public Optional<TableRule> tableRule(String tableName) {
        Objects.requireNonNull(tableName, "tableName");
        return Optional.ofNullable(tables.get(Names.lower(tableName)));
    }

    /** All table rules in configuration order. Unmodifiable. */
    public Collection<TableRule> tableRules() {
        return tables.values();
    }

    /** The {@code cache:} section: settings of the driver's query-result cache ({@link CacheSettings#DEFAULTS} when absent). */
    public CacheSettings cache() {
        return cache;
    }

    public ShardSet allShards() {
        return ShardSet.all(shards.size());
    }

    /** Never contains passwords. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        shards.forEach(s -> names.add(s.name()));
        return "ClusterConfig[source=" + source + ", dialect=" + dialect + ", shards=" + names
                + ", default=" + shards.get(defaultShard).name() + ", tables=" + tables.keySet() + "]";
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
