package dev.sherd.metadata;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

/*
 * The canonical text of a sharding key: the one string every representation of a value hashes as. Drivers and
 * applications hand us the same logical key as Integer, Long, BigDecimal("7.00"), "7"...; if any two of those
 * hashed differently, a row written through one would be looked for on the wrong shard through the other.
 *
 * Rules (fixed forever; they decide where rows live):
 *   numbers and numeric strings → BigDecimal, trailing zeros stripped, plain notation ("7", "-0.5", "700")
 *   date-times and ISO date(-time) strings → "2024-03-01" at midnight, else "2024-03-01T10:00:00[.f]"
 *     (Timestamp ≡ LocalDateTime, java.sql.Date ≡ LocalDate; offsets are converted to UTC)
 *   UUID and UUID-shaped strings → lower-case text; Boolean → "true"/"false"; NaN/±Infinity → Java's spelling
 *   any other string → itself, untrimmed
 * Merging two different strings into one canonical form is harmless (they merely share a shard); splitting one
 * value into two forms would lose rows, so the rules only ever merge.
 */
/** Turns a key value into its canonical text. Stateless and thread-safe. */
final class CanonicalKey {
    private CanonicalKey() {
    }

    /** @throws IllegalArgumentException for null ("NULL sharding key") or an unsupported type */
    static String of(Object v) {
        if (v == null) {
            throw new IllegalArgumentException("NULL sharding key");
        }
        if (v instanceof String s) {
            return ofString(s);
        }
        if (v instanceof Character c) {
            return ofString(c.toString());
        }
        if (v instanceof Boolean || v instanceof UUID) {
            return v.toString();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Long.toString(((Number) v).longValue()); // what the number rule gives an integer, without BigDecimal
        }
        BigDecimal n = KeyValues.asNumber(v);
        if (n != null) {
            return KeyValues.canonicalNumber(n);
        }
        LocalDateTime t = KeyValues.asDateTime(v);
        if (t != null) {
            return KeyValues.canonicalDateTime(t);
        }
        if (v instanceof Double || v instanceof Float) {
            return v.toString(); // NaN, Infinity, -Infinity: the same text a string key with that spelling has
        }
        throw new IllegalArgumentException("unsupported sharding key type " + v.getClass().getName()
                + " (supported: numbers, String, Boolean, UUID, java.sql.Date/Timestamp, java.time dates and date-times)");
    }

    private static String ofString(String s) {
        BigDecimal n = KeyValues.parseNumber(s);
        if (n != null) {
            return KeyValues.canonicalNumber(n);
        }
        LocalDateTime t = KeyValues.parseDateTime(s);
        if (t != null) {
            return KeyValues.canonicalDateTime(t);
        }
        return KeyValues.isUuidText(s) ? s.toLowerCase(Locale.ROOT) : s;
    }
}
