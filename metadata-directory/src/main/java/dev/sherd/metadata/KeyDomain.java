package dev.sherd.metadata;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

/*
 * The ordering a range table compares keys in. Bounds are normalised once at load time and keys on each call, to
 * BigDecimal (NUMBER), LocalDateTime (DATETIME) or String (TEXT), so one compareTo decides. BigDecimal.compareTo
 * ignores scale (7 == 7.00) and a date bound means midnight.
 */
/** How a range table orders its keys. Thread-safe (an enum). */
enum KeyDomain {
    NUMBER("number") {
        @Override
        Object fromValue(Object v) {
            return KeyValues.asNumber(v);
        }

        @Override
        String format(Object normalised) {
            return KeyValues.canonicalNumber((BigDecimal) normalised);
        }

        @Override
        int compare(Object a, Object b) {
            return ((BigDecimal) a).compareTo((BigDecimal) b);
        }
    },
    DATETIME("date/timestamp") {
        @Override
        Object fromValue(Object v) {
            return KeyValues.asDateTime(v);
        }

        @Override
        String format(Object normalised) {
            return KeyValues.canonicalDateTime((LocalDateTime) normalised);
        }

        @Override
        int compare(Object a, Object b) {
            return ((LocalDateTime) a).compareTo((LocalDateTime) b);
        }
    },
    TEXT("string") {
        @Override
        Object fromValue(Object v) {
            if (v instanceof String || v instanceof Character || v instanceof UUID) {
                return v.toString();
            }
            return null;
        }

        @Override
        String format(Object normalised) {
            return (String) normalised;
        }

        @Override
        int compare(Object a, Object b) {
            return ((String) a).compareTo((String) b);
        }
    };

    private final String label;

    KeyDomain(String label) {
        this.label = label;
    }

    /** The value normalised for this domain, or null if it does not belong to it. */
    abstract Object fromValue(Object v);

    /** Canonical text of a normalised value, for messages and the config fingerprint. */
    abstract String format(Object normalised);

    abstract int compare(Object a, Object b);

    /** "number", "date/timestamp" or "string". */
    String label() {
        return label;
    }

    /** A key normalised for this domain. @throws IllegalArgumentException naming the table if it does not fit */
    Object fromKey(Object key, String table) {
        if (key == null) {
            throw new IllegalArgumentException("NULL sharding key");
        }
        Object v = fromValue(key);
        if (v == null) {
            throw new IllegalArgumentException("sharding key " + describe(key) + " of table " + table
                    + " cannot be compared with its " + label + " range bounds");
        }
        return v;
    }

    /** The domain a string bound belongs to when none is configured: number, then date-time, else text. */
    static KeyDomain inferFrom(String text) {
        if (KeyValues.parseNumber(text) != null) {
            return NUMBER;
        }
        return KeyValues.parseDateTime(text) != null ? DATETIME : TEXT;
    }

    /** The domain for a {@code key-type} setting, or null if the name is unknown. */
    static KeyDomain ofKeyType(String keyType) {
        return switch (keyType.toLowerCase(Locale.ROOT)) {
            case "number" -> NUMBER;
            case "date", "timestamp" -> DATETIME;
            case "string" -> TEXT;
            default -> null;
        };
    }

    private static String describe(Object key) {
        String text = String.valueOf(key);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return "'" + text + "' (" + key.getClass().getSimpleName() + ")";
    }
}
