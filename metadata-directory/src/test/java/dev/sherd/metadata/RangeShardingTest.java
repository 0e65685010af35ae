package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RangeShardingTest {

    /** s0 before March, s1 March to May, s0 again from June: a shard may own several ranges. */
    private static ShardingFunction events() throws ConfigException {
        return function("""
                  events:
                    sharding-key: at
                    algorithm: range
                    ranges:
                      - { shard: s0, to: "2024-03-01" }
                      - { shard: s1, from: "2024-03-01", to: "2024-06-01" }
                      - { shard: s0, from: "2024-06-01" }
                """, "events");
    }

    private static ShardingFunction function(String tables, String table) throws ConfigException {
        return ((ShardedTable) TestConfigs.parseTables(tables).tableRule(table).orElseThrow()).function();
    }

    @Test
    void shardOf_dateKeysOfAnyType_findTheirRange() throws ConfigException {
        ShardingFunction f = events();
        assertEquals(0, f.shardOf("2024-02-29T23:59:59.999"));
        assertEquals(1, f.shardOf("2024-03-01"), "from is inclusive");
        assertEquals(1, f.shardOf(LocalDate.of(2024, 3, 1)));
        assertEquals(1, f.shardOf(java.sql.Date.valueOf("2024-05-31")));
        assertEquals(1, f.shardOf(Timestamp.valueOf("2024-05-31 23:59:59")));
        assertEquals(0, f.shardOf(LocalDateTime.of(2024, 6, 1, 0, 0)), "to is exclusive");
        assertEquals(0, f.shardOf("2024-06-01 10:00:00"));
        assertEquals(1, f.shardOf(OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(-2))), "compared in UTC");
        assertEquals(0, f.shardOf(OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.ofHours(2))), "compared in UTC");
        assertTrue(f.prunesRanges());
    }

    @Test
    void shardsForRange_exclusiveUpperAtBoundary_stopsBeforeIt() throws ConfigException {
        // key < '2024-03-01'
        assertEquals(ShardSet.single(0), events().shardsForRange(null, false, "2024-03-01", false));
    }

    @Test
    void shardsForRange_inclusiveUpperAtBoundary_includesNextRange() throws ConfigException {
        // key <= '2024-03-01'
        assertEquals(ShardSet.of(0, 1), events().shardsForRange(null, false, "2024-03-01", true));
    }

    @Test
    void shardsForRange_withinOneRange_returnsItsShard() throws ConfigException {
        ShardingFunction f = events();
        assertEquals(ShardSet.single(1), f.shardsForRange("2024-03-01", true, "2024-06-01", false));
        assertEquals(ShardSet.single(1), f.shardsForRange(LocalDate.of(2024, 3, 5), true, LocalDate.of(2024, 4, 1), true));
        assertEquals(ShardSet.single(0), f.shardsForRange("2023-01-01", true, "2023-12-31", true));
    }

    @Test
    void shardsForRange_unboundedSide_reachesEdgeRanges() throws ConfigException {
        ShardingFunction f = events();
        assertEquals(ShardSet.of(0, 1), f.shardsForRange(null, false, null, false));
        assertEquals(ShardSet.of(0, 1), f.shardsForRange("2024-03-01", false, null, false), "key > boundary: ranges 1 and 2");
        assertEquals(ShardSet.single(0), f.shardsForRange("2024-06-01", true, null, false));
    }

    @Test
    void shardsForRange_emptyInterval_returnsNone() throws ConfigException {
        ShardingFunction f = events();
        assertEquals(ShardSet.none(), f.shardsForRange("2024-05-01", true, "2024-04-01", true));
        assertEquals(ShardSet.none(), f.shardsForRange("2024-04-01", false, "2024-04-01", true));
        assertEquals(ShardSet.single(1), f.shardsForRange("2024-03-01", true, "2024-03-01", true), "a point");
    }

    @Test
    void shardOf_numericBounds_compareNumerically() throws ConfigException {
        ShardingFunction f = function("""
                  accounts:
                    sharding-key: id
                    algorithm: range
                    ranges:
                      - { shard: s0, to: 100 }
                      - { shard: s1, from: 100, to: "200" }
                      - { shard: s2, from: "200.0" }
                """, "accounts");
        assertEquals(0, f.shardOf(99));
        assertEquals(0, f.shardOf(new BigDecimal("99.99")));
        assertEquals(1, f.shardOf(100L));
        assertEquals(1, f.shardOf("150"));
        assertEquals(2, f.shardOf(200.0d));
        assertEquals(2, f.shardOf(new BigDecimal("200.00")));
        assertEquals(0, f.shardOf(-1_000_000));
        assertEquals(ShardSet.of(1, 2), f.shardsForRange(150, true, 10_000, true));
        assertEquals(ShardSet.single(0), f.shardsForRange(1, true, 100, false));
    }

    @Test
    void shardOf_textBounds_compareLexicographically() throws ConfigException {
        ShardingFunction f = function("""
                  people:
                    sharding-key: surname
                    algorithm: range
                    ranges:
                      - { shard: s0, to: "g" }
                      - { shard: s1, from: "g", to: "n" }
                      - { shard: s2, from: "n" }
                """, "people");
        assertEquals(0, f.shardOf("apple"));
        assertEquals(1, f.shardOf("g"));
        assertEquals(1, f.shardOf("mzzz"));
        assertEquals(2, f.shardOf("zebra"));
        assertEquals(0, f.shardOf("Zebra"), "String.compareTo: upper case sorts first");
    }

    @Test
    void shardOf_keyTypeString_keepsDigitStringsLexicographic() throws ConfigException {
        ShardingFunction f = function("""
                  codes:
                    sharding-key: code
                    algorithm: range
                    key-type: string
                    ranges:
                      - { shard: s0, to: "100" }
                      - { shard: s1, from: "100", to: "200" }
                      - { shard: s2, from: "200" }
                """, "codes");
        assertEquals(2, f.shardOf("99"), "\"99\" > \"200\" as text");
        assertEquals(1, f.shardOf("1000"));
    }

    @Test
    void shardOf_singleUnboundedRange_acceptsAnyKey() throws ConfigException {
        ShardingFunction f = function("""
                  logs:
                    sharding-key: id
                    algorithm: range
                    ranges:
                      - { shard: s2 }
                """, "logs");
        assertEquals(2, f.shardOf(5));
        assertEquals(2, f.shardOf("x"));
        assertEquals(ShardSet.single(2), f.shardsForRange(1, true, 2, true));
    }

    @Test
    void shardOf_incomparableKey_throwsNamingTableAndKey() throws ConfigException {
        ShardingFunction f = events();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.shardOf(42));
        assertTrue(e.getMessage().contains("events") && e.getMessage().contains("'42'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.shardOf("not a date"));
        assertThrows(IllegalArgumentException.class, () -> f.shardsForRange("nope", true, null, false));
    }

    @Test
    void shardOf_null_throwsNullShardingKey() throws ConfigException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> events().shardOf(null));
        assertEquals("NULL sharding key", e.getMessage());
    }

    @Test
    void hashFunction_doesNotPruneRanges() throws ConfigException {
        ShardingFunction f = function("""
                  customers: { sharding-key: id }
                """, "customers");
        assertFalse(f.prunesRanges());
        assertEquals(ShardSet.all(3), f.shardsForRange(1, true, 2, true));
    }
}
