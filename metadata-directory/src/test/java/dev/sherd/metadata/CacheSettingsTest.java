package dev.sherd.metadata;

import static dev.sherd.metadata.TestConfigs.SHARDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code cache:} section: off when absent, on with safe defaults when present, strict. */
class CacheSettingsTest {

    private static CacheSettings cache(String yaml) throws ConfigException {
        return TestConfigs.parse(SHARDS + yaml).cache();
    }

    @Test
    void absentSection_meansNoCache() throws ConfigException {
        CacheSettings c = cache("");
        assertFalse(c.enabled());
        assertEquals(CacheSettings.DEFAULTS, c);
        assertTrue(c.isDefault());
    }

    @Test
    void presentSection_turnsTheCacheOnWithTheDefaults() throws ConfigException {
        for (String yaml : List.of("cache: true\n", "cache: {}\n", "cache:\n  ttl: 60s\n")) {
            CacheSettings c = cache(yaml);
            assertTrue(c.enabled(), yaml);
            assertEquals(64L << 20, c.maxBytes());
            assertEquals(4L << 20, c.maxEntryBytes());
            assertEquals(Duration.ofSeconds(60), c.ttl());
        }
        assertFalse(cache("cache: false\n").enabled());
        assertFalse(cache("cache: { enabled: false, ttl: 5s }\n").enabled());
    }

    @Test
    void everySetting_isRead() throws ConfigException {
        CacheSettings c = cache("""
                tables:
                  orders: { sharding-key: id, cache: false }
                  items: { sharding-key: id, cache: true }
                cache:
                  max-bytes: 512 MiB
                  max-entry-bytes: 2MiB
                  ttl: 1500ms
                  exclude: [Audit_Log, report_view]
                  invalidate-together:
                    - [items, item_totals]
                """);
        assertEquals(512L << 20, c.maxBytes());
        assertEquals(2L << 20, c.maxEntryBytes());
        assertEquals(Duration.ofMillis(1500), c.ttl());
        assertEquals(Set.of("audit_log", "report_view", "orders"), c.excludedTables());
        assertEquals(List.of(Set.of("items", "item_totals")), c.invalidateTogether());
    }

    @Test
    void smallMaxBytes_capsTheDefaultEntryLimit() throws ConfigException {
        assertEquals(1L << 20, cache("cache: { max-bytes: 1MiB }\n").maxEntryBytes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cache: { size: 1 }                                 | cache.size  | unknown key",
        "cache: { max-bytes: 64MB }                         | cache.max-bytes | KiB, MiB or GiB",
        "cache: { max-bytes: 0 }                            | cache.max-bytes | must be positive",
        "cache: { ttl: 60 }                                 | cache.ttl | with a unit",
        "cache: { ttl: 0s }                                 | cache.ttl | must be positive",
        "cache: { max-bytes: 1MiB, max-entry-bytes: 2MiB }  | cache | must not exceed max-bytes",
        "cache: { enabled: yes-please }                     | cache.enabled | true or false",
        "cache: { exclude: audit }                          | cache.exclude | a list of table names",
        "cache: { invalidate-together: [[a]] }              | cache.invalidate-together[0] | at least two",
        "cache: { invalidate-together: [[a, b], [b, c]] }   | cache | two invalidate-together groups",
        "tables: { t: { sharding-key: id, cache: sometimes } } | tables.t.cache | true or false"})
    void badSetting_failsNamingItsPath(String yaml, String path, String problem) {
        ConfigException e = assertThrows(ConfigException.class, () -> cache(yaml.strip() + "\n"));
        assertTrue(e.getMessage().contains(path + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void fingerprint_changesWithANonDefaultSection_only() throws ConfigException {
        String base = ClusterConfig.parse(SHARDS, "a").fingerprint();
        assertEquals(base, ClusterConfig.parse(SHARDS + "cache: false\n", "b").fingerprint());
        String on = ClusterConfig.parse(SHARDS + "cache: true\n", "c").fingerprint();
        assertNotEquals(base, on);
        assertEquals(on, ClusterConfig.parse(SHARDS + "cache: { ttl: 60s }\n", "d").fingerprint());
        assertEquals(
                ClusterConfig.parse(SHARDS + "cache: { exclude: [a, b] }\n", "e").fingerprint(),
                ClusterConfig.parse(SHARDS + "cache: { exclude: [b, a] }\n", "f").fingerprint());
    }
}
