package dev.sherd.metadata;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/*
 * No "cache:" section: the cache is off. "cache:" is either a boolean (cache: true turns it on with the defaults) or a
 * mapping of the keys below, which turns it on unless it says enabled: false. Sizes are a
 * whole number of bytes or a number with a binary unit (64MiB, 512 KiB); KB/MB/GB are refused rather than guessed
 * (1000 or 1024?). A duration needs a unit (ms, s, m, h): a bare 60 is refused for the same reason. A table's own
 * "cache: false" under "tables:" is the same as listing it under cache.exclude.
 */
/** Reads the cache section and the tables' {@code cache} keys. Stateless and thread-safe. */
final class CacheSettingsReader {
    private static final Set<String> KEYS = new LinkedHashSet<>(
            List.of("enabled", "max-bytes", "max-entry-bytes", "ttl", "exclude", "invalidate-together"));
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private CacheSettingsReader() {
    }

    static CacheSettings read(ConfigNode cache, ConfigNode tables) throws ConfigException {
        CacheSettings.Builder b = CacheSettings.newBuilder().enabled(cache.isPresent());
        if (cache.isBoolean()) {
            b.enabled(cache.booleanOr(true));
        } else if (cache.isPresent()) {
            cache.allowOnly(KEYS, "true, false or a mapping with " + String.join(", ", KEYS));
            b.enabled(cache.get("enabled").booleanOr(true));
            ConfigNode maxBytes = cache.get("max-bytes");
            if (maxBytes.isPresent()) {
                apply(maxBytes, () -> b.maxBytes(size(maxBytes)));
            }
            ConfigNode maxEntry = cache.get("max-entry-bytes");
            if (maxEntry.isPresent()) {
                apply(maxEntry, () -> b.maxEntryBytes(size(maxEntry)));
            }
            ConfigNode ttl = cache.get("ttl");
            if (ttl.isPresent()) {
                apply(ttl, () -> b.ttl(duration(ttl)));
            }
            ConfigNode exclude = cache.get("exclude");
            if (exclude.isPresent()) {
                for (ConfigNode t : exclude.elements("a list of table names")) {
                    b.exclude(t.requiredScalar(" (a table name)"));
                }
            }
            ConfigNode groups = cache.get("invalidate-together");
            if (groups.isPresent()) {
                for (ConfigNode g : groups.elements("a list of table-name lists")) {
                    Set<String> group = new LinkedHashSet<>();
                    for (ConfigNode t : g.elements("a list of table names")) {
                        group.add(t.requiredScalar(" (a table name)"));
                    }
                    apply(g, () -> b.invalidateTogether(group));
                }
            }
        }
        if (tables.isPresent()) {
            for (Map.Entry<String, ConfigNode> e : tables.entries("a mapping of table name to its rule").entrySet()) {
                ConfigNode own = e.getValue().get("cache");
                if (own.isPresent() && !own.booleanOr(true)) {
                    b.exclude(e.getKey());
                }
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw cache.error(ex.getMessage());
        }
    }

    private interface Setter {
        void set() throws ConfigException;
    }

    /** Runs a builder setter, reporting its refusal at {@code node}'s path. */
    private static void apply(ConfigNode node, Setter setter) throws ConfigException {
        try {
            setter.set();
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static long size(ConfigNode node) throws ConfigException {
        String text = node.scalarOrNull();
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw node.error("expected a size in bytes, or with a unit KiB, MiB or GiB (e.g. 64MiB)");
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2)) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n > (Long.MAX_VALUE >> shift)) {
                throw node.error("size is too large");
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw node.error("size is too large");
        }
    }

    private static Duration duration(ConfigNode node) throws ConfigException {
        String text = node.scalarOrNull();
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw node.error("expected a duration with a unit ms, s, m or h (e.g. 60s)");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw node.error("duration is too large");
        }
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
