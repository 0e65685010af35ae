package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShardingHashTest {

    private static void assertAllHashEqual(List<Object> values) {
        long expected = ShardingHash.hash64(values.get(0));
        for (Object v : values) {
            assertEquals(expected, ShardingHash.hash64(v), () -> v + " (" + v.getClass().getSimpleName() + ")");
        }
    }

    @Test
    void hash64_sameNumberAnyType_isEqual() {
        assertAllHashEqual(List.of(7, 7L, (short) 7, (byte) 7, BigInteger.valueOf(7), new BigDecimal("7.00"),
                new BigDecimal("0.7E1"), 7.0d, 7.0f, "7", "7.0", "+7", "7e0"));
    }

    @Test
    void hash64_negativeAndFractional_isEqualAcrossTypes() {
        assertAllHashEqual(List.of(-42, -42L, "-42", new BigDecimal("-42.000"), -42.0));
        assertAllHashEqual(List.of(0.5d, 0.5f, "0.5", new BigDecimal("0.50"), ".5"));
        assertAllHashEqual(List.of(0.1d, 0.1f, "0.1", new BigDecimal("0.1")));
        assertAllHashEqual(List.of(0, 0L, -0.0d, "0", "-0", new BigDecimal("0.000")));
    }

    @Test
    void hash64_largeIntegers_isEqualAcrossTypes() {
        assertAllHashEqual(List.of(Long.MAX_VALUE, BigInteger.valueOf(Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE)));
        assertAllHashEqual(List.of(1e20d, new BigInteger("100000000000000000000"), "100000000000000000000"));
    }

    @Test
    void canonicalKey_integerTypes_agreeWithTheNumberRule() {
        // Long, Integer, Short and Byte skip BigDecimal; their text must be what the number rule gives
        for (long v : new long[] {0, 1, -1, 7, 10, 700, -700, 1_000_000, 99_990, Integer.MIN_VALUE,
                Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -10}) {
            String byRule = CanonicalKey.of(new BigDecimal(v));
            assertEquals(byRule, CanonicalKey.of(v), "Long " + v);
            if (v == (int) v) {
                assertEquals(byRule, CanonicalKey.of((int) v), "Integer " + v);
            }
            if (v == (short) v) {
                assertEquals(byRule, CanonicalKey.of((short) v), "Short " + v);
            }
            if (v == (byte) v) {
                assertEquals(byRule, CanonicalKey.of((byte) v), "Byte " + v);
            }
        }
    }

    @Test
    void hash64_hugeExponent_staysCompact() {
        assertEquals("1E+5000", CanonicalKey.of("1e5000"));
        assertEquals(ShardingHash.hash64(new BigDecimal("1e5000")), ShardingHash.hash64("1E5000"));
    }

    @Test
    void hash64_whitespace_isNotTrimmed() {
        assertNotEquals(ShardingHash.hash64("7"), ShardingHash.hash64(" 7"));
        assertNotEquals(ShardingHash.hash64("7"), ShardingHash.hash64("7 "));
        assertEquals(" 7", CanonicalKey.of(" 7"));
    }

    @Test
    void hash64_nonNumericString_hashesItsUtf8Bytes() {
        assertEquals(XxHash64.hash("Zoë".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0), ShardingHash.hash64("Zoë"));
        assertNotEquals(ShardingHash.hash64("abc"), ShardingHash.hash64("ABC"));
    }

    @Test
    void hash64_dates_isEqualForSqlDateLocalDateAndIsoString() {
        assertAllHashEqual(List.of(java.sql.Date.valueOf("2024-03-01"), LocalDate.of(2024, 3, 1), "2024-03-01"));
        assertEquals("2024-03-01", CanonicalKey.of(LocalDate.of(2024, 3, 1)));
    }

    @Test
    void hash64_timestamps_isEqualForTimestampLocalDateTimeAndIsoStrings() {
        assertAllHashEqual(List.of(Timestamp.valueOf("2024-03-01 10:00:00"), LocalDateTime.of(2024, 3, 1, 10, 0),
                "2024-03-01 10:00:00", "2024-03-01T10:00:00", "2024-03-01T10:00",
                OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)), "2024-03-01T10:00:00Z"));
        assertEquals("2024-03-01T10:00:00", CanonicalKey.of(LocalDateTime.of(2024, 3, 1, 10, 0)));
        assertAllHashEqual(List.of(Timestamp.valueOf("2024-03-01 10:00:00.5"),
                LocalDateTime.of(2024, 3, 1, 10, 0, 0, 500_000_000), "2024-03-01 10:00:00.500"));
        assertEquals("2024-03-01T10:00:00.5", CanonicalKey.of(LocalDateTime.of(2024, 3, 1, 10, 0, 0, 500_000_000)));
    }

    @Test
    void hash64_midnightTimestamp_isEqualToItsDate() {
        // A DATE key and a TIMESTAMP key at midnight are the same SQL value once coerced
        assertAllHashEqual(List.of(Timestamp.valueOf("2024-03-01 00:00:00"), LocalDate.of(2024, 3, 1), "2024-03-01 00:00"));
    }

    @Test
    void hash64_uuid_isEqualToItsTextInEitherCase() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertAllHashEqual(List.of(id, id.toString(), id.toString().toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void hash64_boolean_isEqualToItsText() {
        assertAllHashEqual(List.of(true, "true"));
        assertAllHashEqual(List.of(false, "false"));
        assertNotEquals(ShardingHash.hash64(true), ShardingHash.hash64(false));
    }

    @Test
    void hash64_pinnedValue_neverChanges() {
        // The data layout depends on this: Integer 7 → "7" → XXH64 seed 0
        assertEquals(0x184a52b6a00d7ab7L, ShardingHash.hash64(7));
        assertEquals(Math.floorMod(0x184a52b6a00d7ab7L, 1024), ShardingHash.bucketOf(7));
    }

    @Test
    void hash64_null_throwsNullShardingKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardingHash.hash64(null));
        assertEquals("NULL sharding key", e.getMessage());
    }

    @Test
    void hash64_unsupportedType_throwsNamingType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShardingHash.hash64(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
    }

    @Test
    void bucketOf_isAlwaysInRange() {
        for (long k = -5000; k < 5000; k++) {
            int b = ShardingHash.bucketOf(k);
            assertTrue(b >= 0 && b < BucketMap.BUCKETS, "bucket " + b);
        }
    }

    @Test
    void shardOf_sequentialIntsOverFourShards_spreadsEvenly() {
        ShardingFunction f = new HashSharding(BucketMap.evenlyOver(4), "t");
        int[] counts = new int[4];
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            counts[f.shardOf(i)]++;
        }
        for (int s = 0; s < 4; s++) {
            double share = counts[s] / (double) n;
            assertTrue(share >= 0.20 && share <= 0.30, "shard " + s + " got " + share);
        }
    }

    @Test
    void shardOf_isNotModulo() {
        ShardingFunction f = new HashSharding(BucketMap.evenlyOver(4), "t");
        int matches = 0;
        for (int i = 0; i < 1000; i++) {
            if (f.shardOf(i) == i % 4) {
                matches++;
            }
        }
        assertTrue(matches < 500, "looks like key % shardCount: " + matches);
    }
}
