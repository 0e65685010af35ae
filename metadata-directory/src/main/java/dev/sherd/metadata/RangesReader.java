package dev.sherd.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/*
 * Reads a range table's "ranges:" list. Ranges are half-open [from, to) and must be listed in ascending order so
 * that together they cover every value exactly once: the first has no 'from', the last no 'to', and each 'from'
 * equals the previous 'to' (compared as values, so "2024-03-01" equals "2024-03-01T00:00"). Requiring the order
 * rather than sorting keeps the file readable as a map of the key space, and makes a gap or overlap point at one
 * line.
 *
 * Bounds are all of one kind: numbers (YAML numbers or numeric strings), ISO dates/timestamps, or other strings;
 * "key-type: number|date|timestamp|string" fixes the kind explicitly (needed when a text column holds digits).
 */
/** Reads and validates the ranges of one range table. Stateless and thread-safe. */
final class RangesReader {
    private static final Set<String> RANGE_KEYS = new LinkedHashSet<>(List.of("shard", "from", "to"));
    private static final String ORDER_RULE =
            " (ranges are half-open [from, to), listed in ascending order; each 'from' must equal the previous range's 'to')";

    private record Range(ConfigNode node, int shard, ConfigNode from, ConfigNode to) {
    }

    private RangesReader() {
    }

    static RangeSharding read(ConfigNode table, String tableName, List<ShardSpec> shards) throws ConfigException {
        ConfigNode rangesNode = table.get("ranges");
        if (!rangesNode.isPresent()) {
            throw rangesNode.error("missing (algorithm: range needs a list of { shard, from, to })");
        }
        List<Range> ranges = new ArrayList<>();
        for (ConfigNode item : rangesNode.elements("a list of { shard, from, to }")) {
            item.allowOnly(RANGE_KEYS, "a mapping with shard, from and to");
            ConfigNode shardNode = item.get("shard");
            int shard = ShardsReader.indexOf(shardNode, shardNode.requiredScalar(" (the shard holding this range)"), shards);
            ranges.add(new Range(item, shard, item.get("from"), item.get("to")));
        }
        if (ranges.isEmpty()) {
            throw rangesNode.error("no ranges listed");
        }
        KeyDomain domain = domain(table.get("key-type"), ranges);
        List<Object> boundaries = new ArrayList<>();
        int[] shardOfRange = new int[ranges.size()];
        Object previousTo = null;
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            boolean first = i == 0;
            boolean last = i == ranges.size() - 1;
            if (first && r.from().isPresent()) {
                throw r.from().error("the first range must have no 'from', so that it covers every lower value" + ORDER_RULE);
            }
            if (last && r.to().isPresent()) {
                throw r.to().error("the last range must have no 'to', so that it covers every higher value" + ORDER_RULE);
            }
            if (!first && !r.from().isPresent()) {
                throw r.from().error("missing; only the first range may be unbounded below" + ORDER_RULE);
            }
            if (!last && !r.to().isPresent()) {
                throw r.to().error("missing; only the last range may be unbounded above" + ORDER_RULE);
            }
            Object from = first ? null : bound(r.from(), domain);
            Object to = last ? null : bound(r.to(), domain);
            if (from != null) {
                int c = domain.compare(from, previousTo);
                if (c != 0) {
                    throw r.from().error((c > 0 ? "gap: " : "overlap: ") + "range starts at " + show(domain, from)
                            + " but the previous range ends at " + show(domain, previousTo) + ORDER_RULE);
                }
                boundaries.add(from);
            }
            if (from != null && to != null && domain.compare(from, to) >= 0) {
                throw r.to().error("empty range: 'to' " + show(domain, to) + " must be greater than 'from' " + show(domain, from));
            }
            shardOfRange[i] = r.shard();
            previousTo = to;
        }
        return new RangeSharding(tableName, domain, boundaries, shardOfRange);
    }

    /** The configured key-type, or the one kind all bounds share. */
    private static KeyDomain domain(ConfigNode keyType, List<Range> ranges) throws ConfigException {
        String configured = keyType.scalarOrNull();
        if (configured != null) {
            KeyDomain d = KeyDomain.ofKeyType(configured);
            if (d == null) {
                throw keyType.error("unknown key-type '" + configured + "' (expected number, date, timestamp or string)");
            }
            return d;
        }
        KeyDomain found = null;
        ConfigNode firstBound = null;
        for (Range r : ranges) {
            for (ConfigNode b : new ConfigNode[] {r.from(), r.to()}) {
                if (!b.isPresent()) {
                    continue;
                }
                KeyDomain d = kindOf(b);
                if (found == null) {
                    found = d;
                    firstBound = b;
                } else if (d != found) {
                    throw b.error("bound '" + b.text() + "' is a " + d.label() + " but " + firstBound.path()
                            + " is a " + found.label() + "; all bounds of a table must be of one kind"
                            + " (or set key-type: number, date, timestamp or string)");
                }
            }
        }
        return found == null ? KeyDomain.TEXT : found; // a single unbounded range: any key goes to its shard
    }

    private static KeyDomain kindOf(ConfigNode b) throws ConfigException {
        if (b.isNumber()) {
            return KeyDomain.NUMBER;
        }
        if (!b.isString()) {
            throw b.error("expected a number or a string but found " + b.kind());
        }
        return KeyDomain.inferFrom(b.text());
    }

    private static Object bound(ConfigNode b, KeyDomain domain) throws ConfigException {
        if (!b.isNumber() && !b.isString()) {
            throw b.error("expected a number or a string but found " + b.kind());
        }
        Object value = domain == KeyDomain.NUMBER && b.isNumber()
                ? b.decimalValue()
                : domain.fromValue(b.text());
        if (value == null) {
            throw b.error("bound '" + b.text() + "' is not a " + domain.label());
        }
        return value;
    }

    private static String show(KeyDomain domain, Object value) {
        return "'" + domain.format(value) + "'";
    }
}
