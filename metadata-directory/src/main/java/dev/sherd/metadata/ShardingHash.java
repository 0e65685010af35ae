package dev.sherd.metadata;

import java.nio.charset.StandardCharsets;

/**
 * The hash behind hash sharding: a key's canonical text (see below) encoded as UTF-8, hashed with XXH64
 * (seed 0), then reduced to one of {@link BucketMap#BUCKETS} buckets with {@code floorMod}.
 *
 * <p>Canonical text: Integer 7, Long 7, Short 7, BigInteger 7, BigDecimal 7.00, Double 7.0 and the string "7" are
 * all {@code "7"}; {@code java.sql.Date} and {@code LocalDate} are {@code "2024-03-01"}; {@code Timestamp} and
 * {@code LocalDateTime} are {@code "2024-03-01T10:00:00"} (or the date alone at midnight), and ISO strings in those
 * shapes canonicalise the same way; UUIDs are their lower-case text; Booleans {@code "true"/"false"}; other strings
 * hash as they are (not trimmed). These rules decide where rows live and must never change.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShardingHash {
    private ShardingHash() {
    }

    /**
     * The 64-bit hash of a key value.
     *
     * @throws IllegalArgumentException for a null key ("NULL sharding key") or an unsupported type
     */
    public static long hash64(Object keyValue) {
        return XxHash64.hash(CanonicalKey.of(keyValue).getBytes(StandardCharsets.UTF_8), 0L);
    }

    /** The bucket of a key value, in 0..{@code BUCKETS-1}. @throws IllegalArgumentException as {@link #hash64} */
    public static int bucketOf(Object keyValue) {
        return Math.floorMod(hash64(keyValue), BucketMap.BUCKETS);
    }
}
