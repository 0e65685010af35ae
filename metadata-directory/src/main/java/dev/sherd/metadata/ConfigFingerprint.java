package dev.sherd.metadata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/*
 * The fingerprint identifies a configuration's meaning so one runtime (pools, caches) can be shared per
 * configuration per JVM. It hashes a normalised description, not the YAML text: formatting, comments, table order
 * and pool key order do not change it; shard order does (it fixes shard indexes and so row placement).
 *
 * Passwords must change it (two configs differing only in password must not share pools), but a plain digest of a
 * known config plus a weak password could be brute-forced from a logged fingerprint. So a non-empty password
 * enters only as SHA-256(per-JVM random salt || password).
 *
 * Fields are length-prefixed so no two different configurations can produce the same description.
 */
/** Computes {@link ClusterConfig#fingerprint()}. Stateless (beyond the per-JVM salt) and thread-safe. */
final class ConfigFingerprint {
    private static final byte[] PASSWORD_SALT = new SecureRandom().generateSeed(16);

    private ConfigFingerprint() {
    }

    static String of(List<ShardSpec> shards, int defaultShard, Collection<TableRule> tables, CacheSettings cache) {
        StringBuilder sb = new StringBuilder(256);
        for (ShardSpec s : shards) {
            field(sb, "shard");
            field(sb, s.name());
            field(sb, s.url());
            field(sb, s.user());
            field(sb, s.password().isEmpty() ? "" : HexFormat.of().formatHex(sha256(PASSWORD_SALT, s.password())));
            for (Map.Entry<String, String> e : new TreeMap<>(s.poolProperties()).entrySet()) {
                field(sb, e.getKey());
                field(sb, e.getValue());
            }
            field(sb, "end");
        }
        field(sb, "default");
        field(sb, Integer.toString(defaultShard));
        TreeMap<String, TableRule> sorted = new TreeMap<>();
        tables.forEach(t -> sorted.put(t.name(), t));
        for (TableRule t : sorted.values()) {
            field(sb, "table");
            field(sb, t.name());
            if (t instanceof ShardedTable st) {
                field(sb, st.shardingKey());
                field(sb, st.colocationGroup());
                field(sb, describe(st.function()));
            } else {
                field(sb, "broadcast");
            }
        }
        if (!cache.isDefault()) { // only a non-default cache section changes the fingerprint of existing configs
            field(sb, "cache");
            field(sb, cache.enabled() + " " + cache.maxBytes() + " " + cache.maxEntryBytes() + " " + cache.ttl());
            field(sb, new TreeSet<>(cache.excludedTables()).toString());
            TreeSet<String> groups = new TreeSet<>();
            cache.invalidateTogether().forEach(g -> groups.add(new TreeSet<>(g).toString()));
            field(sb, groups.toString());
        }
        return HexFormat.of().formatHex(sha256(new byte[0], sb.toString()));
    }

    private static String describe(ShardingFunction f) {
        if (f instanceof HashSharding h) {
            return "hash " + h.bucketMap().runs();
        }
        if (f instanceof RangeSharding r) {
            return "range " + r.domain() + " " + r.describeRanges();
        }
        return f.getClass().getName();
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("~;");
        } else {
            sb.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static byte[] sha256(byte[] salt, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
