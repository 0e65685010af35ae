package dev.sherd.metadata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * YAML text → validated ClusterConfig. Reading is strict: StrictYaml refuses duplicate keys, aliases, anchors and tags
 * (and reports malformed YAML without quoting it), and the section readers refuse unknown keys, because a misspelt
 * "colocated-with" silently ignored would scatter rows.
 */
/** Reads and validates a cluster configuration. Stateless and thread-safe. */
final class ConfigReader {
    private static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("shards", "default-shard", "tables", "cache")); // cache: the driver's result cache (CacheSettings)

    private ConfigReader() {
    }

    static ClusterConfig read(String yaml, String source) throws ConfigException {
        ConfigNode root = ConfigNode.root(source, StrictYaml.parse(yaml, source));
        if (!root.isPresent()) {
            throw root.error("empty configuration (expected a mapping with at least 'shards')");
        }
        root.allowOnly(TOP_KEYS, "a mapping with 'shards', 'default-shard', 'tables' and 'cache'");
        ConfigNode shardsNode = root.get("shards");
        List<ShardSpec> shards = ShardsReader.read(shardsNode);
        DialectFamily dialect = ShardsReader.commonDialect(shardsNode, shards);
        int defaultShard = defaultShard(root.get("default-shard"), shards);
        Map<String, TableRule> tables = TablesReader.read(root.get("tables"), shards);
        CacheSettings cache = CacheSettingsReader.read(root.get("cache"), root.get("tables")); // result cache
        return new ClusterConfig(source, shards, defaultShard, dialect, tables, cache);
    }

    private static int defaultShard(ConfigNode node, List<ShardSpec> shards) throws ConfigException {
        String name = node.scalarOrNull();
        return name == null ? 0 : ShardsReader.indexOf(node, name, shards);
    }
}
