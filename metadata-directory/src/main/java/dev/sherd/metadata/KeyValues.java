package dev.sherd.metadata;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/*
 * Reads a sharding key value as a number or as a date-time, whatever Java type it arrived as, and writes the
 * canonical text of each. Hashing and range comparison both go through here, so "7", 7L and 7.00 mean the same
 * thing to both.
 *
 * Numbers: any Number, or a string in plain or exponent decimal notation (no surrounding whitespace).
 * Date-times: java.sql.Timestamp/Date, LocalDate(Time), OffsetDateTime, ZonedDateTime, Instant, or an ISO string
 * "2024-03-01", "2024-03-01 10:00:00", "2024-03-01T10:00[:00[.123]]", optionally with an offset. A date means
 * midnight; values with an offset or zone are converted to UTC.
 */
/** Interprets key values as numbers or date-times. Stateless and thread-safe. */
final class KeyValues {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Beyond this scale a number is written in exponent form so "1e999999" cannot blow up into a huge string. */
    private static final int MAX_PLAIN_SCALE = 1000;

    private KeyValues() {
    }

    /** The value as a number, or null if it is neither a finite Number nor a numeric string. */
    static BigDecimal asNumber(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // toString, not new BigDecimal(double): 0.1f and 0.1 should both mean 0.1, not their binary expansions
            return Double.isFinite(d) ? new BigDecimal(v.toString()) : null;
        }
        if (v instanceof Number n) {
            return parseNumber(n.toString());
        }
        return v instanceof String s ? parseNumber(s) : null;
    }

    /** The value as a date-time (dates at midnight, zoned values in UTC), or null if it is not one. */
    static LocalDateTime asDateTime(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof Instant t) {
            return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        }
        return v instanceof String s ? parseDateTime(s) : null;
    }

    static BigDecimal parseNumber(String s) {
        if (!NUMBER.matcher(s).matches()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) { // exponent beyond int range
            return null;
        }
    }

    static LocalDateTime parseDateTime(String s) {
        if (!looksLikeDate(s)) {
            return null;
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            String iso = s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            if (iso.charAt(10) != 'T') {
                return null;
            }
            boolean hasOffset = iso.endsWith("Z") || iso.indexOf('+', 11) > 0 || iso.indexOf('-', 11) > 0;
            return hasOffset
                    ? OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isUuidText(String s) {
        return s.length() == 36 && UUID_TEXT.matcher(s).matches();
    }

    /** Trailing zeros stripped, plain notation: 7.00 → "7", 700 → "700", -0.50 → "-0.5". */
    static String canonicalNumber(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal s = d.stripTrailingZeros();
        return Math.abs(s.scale()) <= MAX_PLAIN_SCALE ? s.toPlainString() : s.toString();
    }

    /** "2024-03-01" at midnight, else "2024-03-01T10:00:00" with a fraction only when non-zero ("…:00.5"). */
    static String canonicalDateTime(LocalDateTime t) {
        LocalTime time = t.toLocalTime();
        if (time.equals(LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        StringBuilder sb = new StringBuilder(32).append(t.toLocalDate()).append('T').append(TIME.format(time));
        if (time.getNano() != 0) {
            String nanos = String.format("%09d", time.getNano());
            sb.append('.').append(nanos.replaceFirst("0+$", ""));
        }
        return sb.toString();
    }

    private static boolean looksLikeDate(String s) {
        return s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
                && Character.isDigit(s.charAt(0)) && Character.isDigit(s.charAt(3))
                && Character.isDigit(s.charAt(5)) && Character.isDigit(s.charAt(8)) && Character.isDigit(s.charAt(9));
    }
}
