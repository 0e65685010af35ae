package dev.sherd.metadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/*
 * The cluster YAML's "cache:" section (plus "cache: false" on a table under "tables:"), read by CacheSettingsReader.
 * Off unless the config has a cache section: a cache serves writes made elsewhere (another process, another
 * application instance) late, up to its time to live, and the project's rule is "correct, or a clear refusal", so
 * that trade-off is the operator's to make. A section turns it on with the defaults: 64 MiB, results over 4 MiB not
 * kept, entries dropped after 60 s. Built only through the builder, whose setters check their argument and whose
 * build() checks combinations, naming the option.
 */
/**
 * Settings of the driver's query-result cache: whether it is on, its memory bound, the largest result it keeps, how
 * long an entry lives, which tables are never cached and which tables a write invalidates together.
 *
 * <p>Immutable and thread-safe.
 */
public final class CacheSettings {
    /** Default bound of the cache's estimated memory: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    /** Default largest estimated size of one kept result: 4 MiB. */
    public static final long DEFAULT_MAX_ENTRY_BYTES = 4L << 20;
    /** Default time an entry is served after it was stored: 60 s. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    /** The settings of a config without a cache section: the cache is off. */
    public static final CacheSettings DEFAULTS = newBuilder().enabled(false).build();

    private final boolean enabled;
    private final long maxBytes;
    private final long maxEntryBytes;
    private final Duration ttl;
    private final Set<String> excludedTables;
    private final List<Set<String>> invalidateTogether;

    private CacheSettings(Builder b, long maxEntryBytes) {
        this.enabled = b.enabled;
        this.maxBytes = b.maxBytes;
        this.maxEntryBytes = maxEntryBytes;
        this.ttl = b.ttl;
        this.excludedTables = Set.copyOf(b.excludedTables);
        List<Set<String>> groups = new ArrayList<>();
        b.invalidateTogether.forEach(g -> groups.add(Set.copyOf(g)));
        this.invalidateTogether = List.copyOf(groups);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enabled = enabled;
        b.maxBytes = maxBytes;
        b.maxEntryBytes = maxEntryBytes;
        b.ttl = ttl;
        b.excludedTables.addAll(excludedTables);
        invalidateTogether.forEach(g -> b.invalidateTogether.add(new LinkedHashSet<>(g)));
        return b;
    }

    /** False when the cache is off: every query runs on the shards. */
    public boolean enabled() {
        return enabled;
    }

    /** Bound of the estimated memory of all entries, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** A result whose estimated size exceeds this is returned but not kept. */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** How long an entry is served after it was stored: the bound on staleness for writes that bypass the driver. */
    public Duration ttl() {
        return ttl;
    }

    /** Lower-case names of tables whose statements are never cached. */
    public Set<String> excludedTables() {
        return excludedTables;
    }

    /** Groups of lower-case table names: a write to one invalidates cached reads of all (triggers, cascades). */
    public List<Set<String>> invalidateTogether() {
        return invalidateTogether;
    }

    /** True when these are the settings of a config without a cache section (the fingerprint then ignores them). */
    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheSettings c && enabled == c.enabled && maxBytes == c.maxBytes
                && maxEntryBytes == c.maxEntryBytes && ttl.equals(c.ttl) && excludedTables.equals(c.excludedTables)
                && invalidateTogether.equals(c.invalidateTogether);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, maxBytes, maxEntryBytes, ttl, excludedTables, invalidateTogether);
    }

    @Override
    public String toString() {
        return "CacheSettings[enabled=" + enabled + ", max-bytes=" + maxBytes + ", max-entry-bytes=" + maxEntryBytes
                + ", ttl=" + ttl + ", excluded=" + excludedTables + ", invalidate-together=" + invalidateTogether + "]";
    }

    /**
     * Builds {@link CacheSettings}, starting from an enabled cache with the default bounds; each setter checks its
     * argument, {@link #build()} the combination. Not thread-safe.
     */
    public static final class Builder {
        private boolean enabled = true;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private long maxEntryBytes = -1; // unset: the default, capped at max-bytes
        private Duration ttl = DEFAULT_TTL;
        private final Set<String> excludedTables = new LinkedHashSet<>();
        private final List<Set<String>> invalidateTogether = new ArrayList<>();

        private Builder() {
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("max-bytes must be positive but was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder maxEntryBytes(long maxEntryBytes) {
            if (maxEntryBytes <= 0) {
                throw new IllegalArgumentException("max-entry-bytes must be positive but was " + maxEntryBytes);
            }
            this.maxEntryBytes = maxEntryBytes;
            return this;
        }

        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("ttl must be positive but was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** Never caches statements reading {@code table} (case-insensitive). */
        public Builder exclude(String table) {
            Objects.requireNonNull(table, "table");
            excludedTables.add(Names.lower(table));
            return this;
        }

        /** A write to any of {@code tables} invalidates cached reads of all of them. */
        public Builder invalidateTogether(Set<String> tables) {
            if (tables.size() < 2) {
                throw new IllegalArgumentException("an invalidate-together group needs at least two tables but had "
                        + tables.size());
            }
            Set<String> group = new LinkedHashSet<>();
            tables.forEach(t -> group.add(Names.lower(t)));
            invalidateTogether.add(group);
            return this;
        }

        /**
         * @throws IllegalArgumentException when max-entry-bytes exceeds max-bytes, or a table is in two
         *     invalidate-together groups
         */
        public CacheSettings build() {
            if (maxEntryBytes > maxBytes) {
                throw new IllegalArgumentException("max-entry-bytes (" + maxEntryBytes + ") must not exceed max-bytes ("
                        + maxBytes + ")");
            }
            Set<String> grouped = new LinkedHashSet<>();
            for (Set<String> group : invalidateTogether) {
                for (String table : group) {
                    if (!grouped.add(table)) {
                        throw new IllegalArgumentException("table '" + table + "' is in two invalidate-together groups;"
                                + " merge them into one");
                    }
                }
            }
            long entry = maxEntryBytes < 0 ? Math.min(DEFAULT_MAX_ENTRY_BYTES, maxBytes) : maxEntryBytes;
            return new CacheSettings(this, entry);
        }
    }
}
