package dev.sherd.metadata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/*
 * Reads the "shards:" mapping: 1..64 shards in document order, each with a url of a supported database family,
 * an optional user and password and a pass-through pool map. Passwords must be YAML strings: an unquoted 0123 or
 * true would reach us already converted, i.e. silently wrong. No message here ever includes a password or a URL
 * (URLs can embed credentials).
 */
/** Reads and validates the shards section. Stateless and thread-safe. */
final class ShardsReader {
    private static final Set<String> SHARD_KEYS = new LinkedHashSet<>(List.of("url", "user", "password", "pool"));
    /** Set on the shard itself; allowing them in pool too would leave two sources of truth. */
    private static final Set<String> RESERVED_POOL_KEYS = Set.of("jdbcUrl", "username", "password");

    private ShardsReader() {
    }

    static List<ShardSpec> read(ConfigNode shardsNode) throws ConfigException {
        if (!shardsNode.isPresent()) {
            throw shardsNode.error("missing (list at least one shard, e.g. s0: { url: \"jdbc:h2:mem:s0\" })");
        }
        Map<String, ConfigNode> entries = shardsNode.entries("a mapping of shard name to connection settings");
        if (entries.isEmpty()) {
            throw shardsNode.error("no shards configured");
        }
        if (entries.size() > ShardSet.MAX_SHARDS) {
            throw shardsNode.error(entries.size() + " shards configured; at most " + ShardSet.MAX_SHARDS + " are supported");
        }
        List<ShardSpec> shards = new ArrayList<>();
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            shards.add(readShard(e.getKey(), shards.size(), e.getValue()));
        }
        return shards;
    }

    /** The one family all shards share. @throws ConfigException on "shards" naming each family found */
    static DialectFamily commonDialect(ConfigNode shardsNode, List<ShardSpec> shards) throws ConfigException {
        Map<DialectFamily, String> firstShardOf = new EnumMap<>(DialectFamily.class);
        for (ShardSpec s : shards) {
            firstShardOf.putIfAbsent(s.dialect(), s.name());
        }
        if (firstShardOf.size() > 1) {
            StringJoiner found = new StringJoiner(", ");
            firstShardOf.forEach((family, shard) -> found.add(family + " (shard " + shard + ")"));
            throw shardsNode.error("all shards must use one database family, found " + found);
        }
        return shards.get(0).dialect();
    }

    /** The index of a shard named in a rule. @throws ConfigException on {@code at} if unknown */
    static int indexOf(ConfigNode at, String name, List<ShardSpec> shards) throws ConfigException {
        StringJoiner known = new StringJoiner(", ");
        for (ShardSpec s : shards) {
            if (s.name().equals(name)) {
                return s.index();
            }
            known.add(s.name());
        }
        throw at.error("unknown shard '" + name + "' (shards: " + known + ")");
    }

    private static ShardSpec readShard(String name, int index, ConfigNode node) throws ConfigException {
        if (name.isBlank()) {
            throw node.error("shard name must not be empty");
        }
        node.allowOnly(SHARD_KEYS, "a mapping with url, user, password and pool");
        ConfigNode urlNode = node.get("url");
        String url = urlNode.stringOrNull("");
        if (url == null || url.isBlank()) {
            throw urlNode.error(url == null ? "missing (the shard's JDBC URL)" : "must not be empty");
        }
        try {
            DialectFamily.fromJdbcUrl(url);
        } catch (IllegalArgumentException e) {
            throw urlNode.error(e.getMessage());
        }
        String user = node.get("user").scalarOrNull();
        String password = node.get("password").stringOrNull(" (quote it: YAML reads unquoted 0123 or yes as other types)");
        return new ShardSpec(name, index, url, user, password == null ? "" : password, readPool(node.get("pool")));
    }

    private static Map<String, String> readPool(ConfigNode poolNode) throws ConfigException {
        Map<String, String> pool = new LinkedHashMap<>();
        if (!poolNode.isPresent()) {
            return pool;
        }
        for (Map.Entry<String, ConfigNode> e : poolNode.entries("a mapping of HikariCP settings").entrySet()) {
            ConfigNode value = e.getValue();
            if (RESERVED_POOL_KEYS.contains(e.getKey())) {
                throw value.error("set the shard's url, user and password on the shard itself, not in pool");
            }
            String text = value.scalarOrNull();
            if (text == null) {
                throw value.error("missing value");
            }
            pool.put(e.getKey(), text);
        }
        return pool;
    }
}
