package dev.sherd.metadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/*
 * Reads the "tables:" mapping in two passes. Pass one checks each table on its own (keys allowed for its kind,
 * sharding-key present, algorithm known). Pass two resolves colocated-with chains to their root, rejecting unknown,
 * non-hash and cyclic targets, and gives every table of a group the root's HashSharding instance: one BucketMap per
 * group is what makes equal keys of co-located tables land on the same shard.
 */
/** Reads and validates the tables section. Stateless and thread-safe. */
final class TablesReader {
    private static final Set<String> TABLE_KEYS = new LinkedHashSet<>(
            List.of("sharding-key", "algorithm", "colocated-with", "ranges", "key-type", "broadcast",
                    "cache")); // cache: false = never cache this table's reads (read by CacheSettingsReader)
    private static final String[] NOT_FOR_BROADCAST = {"sharding-key", "algorithm", "colocated-with", "ranges", "key-type"};

    private enum Kind { BROADCAST, HASH, RANGE }

    /** One table after pass one. */
    private record Declared(String name, ConfigNode node, Kind kind, String shardingKey) {
        String lowerName() {
            return Names.lower(name);
        }
    }

    private TablesReader() {
    }

    /** Rules keyed by lower-case table name, in document order. */
    static Map<String, TableRule> read(ConfigNode tablesNode, List<ShardSpec> shards) throws ConfigException {
        Map<String, Declared> declared = new LinkedHashMap<>();
        if (!tablesNode.isPresent()) {
            return new LinkedHashMap<>();
        }
        for (Map.Entry<String, ConfigNode> e : tablesNode.entries("a mapping of table name to its rule").entrySet()) {
            Declared d = declare(e.getKey(), e.getValue());
            Declared clash = declared.putIfAbsent(d.lowerName(), d);
            if (clash != null) {
                throw d.node().error("duplicates table '" + clash.name() + "' (table names are case-insensitive)");
            }
        }
        Map<String, HashSharding> hashOfRoot = new HashMap<>();
        Map<String, TableRule> rules = new LinkedHashMap<>();
        for (Declared d : declared.values()) {
            rules.put(d.lowerName(), build(d, declared, hashOfRoot, shards));
        }
        return rules;
    }

    private static Declared declare(String name, ConfigNode node) throws ConfigException {
        if (name.isBlank()) {
            throw node.error("table name must not be empty");
        }
        if (!node.isPresent()) {
            throw node.error("missing rule (give a sharding-key, or broadcast: true)");
        }
        node.allowOnly(TABLE_KEYS, "a mapping with sharding-key and algorithm, or broadcast: true");
        if (node.get("broadcast").booleanOr(false)) {
            for (String key : NOT_FOR_BROADCAST) {
                if (node.get(key).isPresent()) {
                    throw node.get(key).error("not allowed on a broadcast table (it is copied whole to every shard)");
                }
            }
            return new Declared(name, node, Kind.BROADCAST, null);
        }
        String key = node.get("sharding-key").requiredScalar(
                " (a sharded table needs a sharding-key; use broadcast: true for a table copied to every shard)");
        Kind kind = algorithm(node.get("algorithm"));
        if (kind == Kind.HASH) {
            for (String rangeOnly : new String[] {"ranges", "key-type"}) {
                if (node.get(rangeOnly).isPresent()) {
                    throw node.get(rangeOnly).error("only allowed with algorithm: range");
                }
            }
        } else if (node.get("colocated-with").isPresent()) {
            throw node.get("colocated-with").error("not allowed with algorithm: range (only hash tables can be co-located)");
        }
        return new Declared(name, node, kind, key);
    }

    private static Kind algorithm(ConfigNode node) throws ConfigException {
        String algorithm = node.scalarOrNull();
        if (algorithm == null) {
            return Kind.HASH;
        }
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "hash" -> Kind.HASH;
            case "range" -> Kind.RANGE;
            default -> throw node.error("unknown algorithm '" + algorithm + "' (expected hash or range)");
        };
    }

    private static TableRule build(Declared d, Map<String, Declared> declared, Map<String, HashSharding> hashOfRoot,
                                   List<ShardSpec> shards) throws ConfigException {
        switch (d.kind()) {
            case BROADCAST:
                return new BroadcastTable(d.name());
            case RANGE:
                RangeSharding range = RangesReader.read(d.node(), d.lowerName(), shards);
                return new ShardedTable(d.name(), d.shardingKey(), range, d.lowerName());
            default:
                String root = colocationRoot(d, declared);
                HashSharding hash = hashOfRoot.computeIfAbsent(root,
                        r -> new HashSharding(BucketMap.evenlyOver(shards.size()), r));
                return new ShardedTable(d.name(), d.shardingKey(), hash, root);
        }
    }

    /** Follows colocated-with to the table that has none. */
    private static String colocationRoot(Declared start, Map<String, Declared> declared) throws ConfigException {
        List<String> chain = new ArrayList<>(List.of(start.lowerName()));
        Declared d = start;
        while (true) {
            ConfigNode with = d.node().get("colocated-with");
            String target = with.scalarOrNull();
            if (target == null) {
                return d.lowerName();
            }
            Declared t = declared.get(Names.lower(target));
            if (t == null) {
                throw with.error("unknown table '" + target + "'");
            }
            if (t == d) {
                throw with.error("a table cannot be co-located with itself");
            }
            if (t.kind() != Kind.HASH) {
                throw with.error("table '" + target + "' is " + (t.kind() == Kind.RANGE ? "range-sharded" : "a broadcast table")
                        + "; colocated-with must name a hash-sharded table");
            }
            if (chain.contains(t.lowerName())) {
                chain.add(t.lowerName());
                throw with.error("co-location cycle: " + String.join(" -> ", chain));
            }
            chain.add(t.lowerName());
            d = t;
        }
    }
}
