package dev.sherd.conformance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether the subject (the driver) answered exactly what the oracle answered, and if not,
 * says where in words a person can act on.
 *
 * <p>The rules, strictest first:
 * <ul>
 *   <li>If the oracle threw, the subject must throw with the same SQLState class; if the oracle did
 *       not throw, the subject must not either.</li>
 *   <li>Result sets: same column count, column labels equal <em>exactly</em> (H2 reports unquoted
 *       labels in upper case; a driver that echoes the SQL's case is wrong), same
 *       {@code getColumnType} per column.</li>
 *   <li>Values: same Java class from {@code getObject}; equal values. {@code BigDecimal} must be
 *       equal by {@code compareTo} <em>and</em> have the same scale. Floating-point columns
 *       (DOUBLE, REAL, FLOAT, DECFLOAT), columns labelled {@code AVG(...)} (PostgreSQL: {@code avg})
 *       and columns the mode names as approximate (label in any case) are compared with relative tolerance {@value #RELATIVE_TOLERANCE};
 *       DECFLOAT values are exempt from the scale rule because DECFLOAT has no fixed scale.</li>
 *   <li>Rows are compared as the {@link ComparisonMode} says: as sequences, as sequences of groups,
 *       as multisets, or by count only.</li>
 *   <li>Update counts and batch counts must be equal.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class ResultComparator {

    static final double RELATIVE_TOLERANCE = 1e-9;
    /** Below this magnitude two floating values count as equal (sums that cancel to almost zero). */
    private static final double NEGLIGIBLE = 1e-12;
    private static final int SHOWN_ROWS = 5;
    private static final MathContext SORT_PRECISION = new MathContext(9);
    static final String VALUE_LEGEND = "values shown as: 7 Integer, 7L Long, 1.50 BigDecimal (scale visible), 0.1d Double, 'x' String";

    private final String expectedName;
    private final String actualName;

    /**
     * @param expectedName how messages call the side that is right (e.g. "oracle")
     * @param actualName   how messages call the side under test (e.g. "driver")
     */
    ResultComparator(String expectedName, String actualName) {
        this.expectedName = expectedName;
        this.actualName = actualName;
    }

    /** Empty when {@code actual} conforms to {@code expected}; otherwise a readable description of the first differences. */
    Optional<String> compare(Outcome expected, Outcome actual, ComparisonMode mode) {
        if (expected instanceof Outcome.Failure e) {
            if (actual instanceof Outcome.Failure a) {
                return e.stateClass().equals(a.stateClass()) ? Optional.empty()
                        : Optional.of("both threw, but SQLState classes differ: " + expectedName + " " + e + "; "
                                + actualName + " " + a);
            }
            return Optional.of(expectedName + " threw " + e + " but " + actualName + " returned " + describe(actual));
        }
        if (actual instanceof Outcome.Failure a) {
            return Optional.of(actualName + " threw " + a + " but " + expectedName + " returned " + describe(expected));
        }
        if (expected.getClass() != actual.getClass()) {
            return Optional.of(expectedName + " returned " + describe(expected) + " but " + actualName + " returned " + describe(actual));
        }
        if (expected instanceof Outcome.UpdateCount e) {
            int a = ((Outcome.UpdateCount) actual).count();
            return e.count() == a ? Optional.empty()
                    : Optional.of("update counts differ: " + expectedName + " " + e.count() + ", " + actualName + " " + a);
        }
        if (expected instanceof Outcome.BatchCounts e) {
            List<Integer> a = ((Outcome.BatchCounts) actual).counts();
            return e.counts().equals(a) ? Optional.empty()
                    : Optional.of("batch counts differ: " + expectedName + " " + e.counts() + ", " + actualName + " " + a);
        }
        return compareRows((Outcome.Rows) expected, (Outcome.Rows) actual, mode);
    }

    private Optional<String> compareRows(Outcome.Rows expected, Outcome.Rows actual, ComparisonMode mode) {
        Optional<String> columns = compareColumns(expected.columns(), actual.columns());
        if (columns.isPresent()) {
            return columns;
        }
        for (int c : mode.orderedOn()) {
            if (c < 1 || c > expected.columns().size()) {
                throw new IllegalArgumentException("ordered-on column " + c + " is outside the result's "
                        + expected.columns().size() + " columns");
            }
        }
        ColumnRules rules = ColumnRules.of(expected.columns(), mode);
        List<List<Object>> e = expected.rows();
        List<List<Object>> a = actual.rows();
        return switch (mode.order()) {
            case COUNT_ONLY -> e.size() == a.size() ? Optional.empty()
                    : Optional.of("row counts differ: " + expectedName + " " + e.size() + ", " + actualName + " " + a.size());
            case ORDERED -> compareSequences(e, a, rules);
            case UNORDERED -> compareMultisets(e, a, rules);
            case ORDERED_ON -> compareGroups(e, a, rules, mode.orderedOn());
        };
    }

    private Optional<String> compareColumns(List<Outcome.Column> expected, List<Outcome.Column> actual) {
        List<String> problems = new ArrayList<>();
        if (expected.size() != actual.size()) {
            problems.add("column count: " + expectedName + " " + expected.size() + ", " + actualName + " " + actual.size());
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            Outcome.Column e = expected.get(i);
            Outcome.Column a = actual.get(i);
            if (!e.label().equals(a.label())) {
                problems.add("column " + (i + 1) + " label: " + expectedName + " \"" + e.label() + "\", " + actualName + " \"" + a.label() + "\"");
            }
            if (e.type() != a.type()) {
                problems.add("column " + (i + 1) + " (" + e.label() + ") type: " + expectedName + " " + e.typeName() + "/" + e.type()
                        + ", " + actualName + " " + a.typeName() + "/" + a.type());
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("columns differ:\n  " + String.join("\n  ", problems)
                + "\n  " + expectedName + " columns: " + expected + "\n  " + actualName + " columns: " + actual);
    }

    private Optional<String> compareSequences(List<List<Object>> e, List<List<Object>> a, ColumnRules rules) {
        int n = Math.min(e.size(), a.size());
        for (int i = 0; i < n; i++) {
            String why = rowMismatch(e.get(i), a.get(i), rules);
            if (why != null) {
                return Optional.of("rows differ (ordered; " + expectedName + " " + e.size() + " rows, " + actualName + " " + a.size()
                        + " rows); first difference at row " + (i + 1) + ": " + why + "\n" + window(e, a, i));
            }
        }
        if (e.size() != a.size()) {
            return Optional.of("row counts differ (ordered): " + expectedName + " " + e.size() + ", " + actualName + " " + a.size()
                    + "; first " + n + " rows equal\n" + window(e, a, n));
        }
        return Optional.empty();
    }

    private Optional<String> compareMultisets(List<List<Object>> e, List<List<Object>> a, ColumnRules rules) {
        List<List<Object>> es = sorted(e, rules);
        List<List<Object>> as = sorted(a, rules);
        if (es.size() == as.size()) {
            boolean equal = true;
            for (int i = 0; i < es.size() && equal; i++) {
                equal = rowMismatch(es.get(i), as.get(i), rules) == null;
            }
            if (equal) {
                return Optional.empty();
            }
        }
        // Sorting rounds floating values; match exactly (with tolerance) before calling it a difference.
        List<List<Object>> missing = new ArrayList<>();
        List<List<Object>> unmatched = new ArrayList<>(as);
        for (List<Object> row : es) {
            int j = indexOfEqual(unmatched, row, rules);
            if (j < 0) {
                missing.add(row);
            } else {
                unmatched.remove(j);
            }
        }
        if (missing.isEmpty() && unmatched.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("rows differ (as multisets; " + expectedName + " " + e.size() + " rows, "
                + actualName + " " + a.size() + " rows): " + missing.size() + " missing from " + actualName + ", "
                + unmatched.size() + " unexpected in " + actualName + "\n");
        appendRows(sb, "missing from " + actualName, missing);
        appendRows(sb, "unexpected in " + actualName, unmatched);
        if (!missing.isEmpty() && !unmatched.isEmpty()) {
            sb.append("  closest pair: ").append(closestHint(missing.get(0), unmatched, rules)).append('\n');
        }
        sb.append("  columns: ").append(rules.labels);
        return Optional.of(sb.toString());
    }

    private Optional<String> compareGroups(List<List<Object>> e, List<List<Object>> a, ColumnRules rules, List<Integer> keyColumns) {
        List<List<List<Object>>> eg = groups(e, rules, keyColumns);
        List<List<List<Object>>> ag = groups(a, rules, keyColumns);
        for (int g = 0; g < Math.min(eg.size(), ag.size()); g++) {
            List<Object> ek = key(eg.get(g).get(0), keyColumns);
            List<Object> ak = key(ag.get(g).get(0), keyColumns);
            String keyWhy = rowMismatch(ek, ak, rules.project(keyColumns));
            if (keyWhy != null) {
                return Optional.of("rows are not in the same order on columns " + keyColumns + ": group " + (g + 1) + " has key "
                        + render(ek) + " in " + expectedName + " but " + render(ak) + " in " + actualName + " (" + keyWhy + ")");
            }
            Optional<String> inGroup = compareMultisets(eg.get(g), ag.get(g), rules);
            if (inGroup.isPresent()) {
                return Optional.of("in the group with key " + render(ek) + " (group " + (g + 1) + " in order on columns "
                        + keyColumns + "): " + inGroup.get());
            }
        }
        if (eg.size() != ag.size()) {
            return Optional.of("number of groups ordered on columns " + keyColumns + " differs: " + expectedName + " " + eg.size()
                    + ", " + actualName + " " + ag.size() + " (rows: " + e.size() + " vs " + a.size() + ")");
        }
        return Optional.empty();
    }

    private static List<List<List<Object>>> groups(List<List<Object>> rows, ColumnRules rules, List<Integer> keyColumns) {
        ColumnRules keyRules = rules.project(keyColumns);
        List<List<List<Object>>> out = new ArrayList<>();
        List<Object> currentKey = null;
        for (List<Object> row : rows) {
            List<Object> k = key(row, keyColumns);
            if (currentKey == null || rowMismatch(currentKey, k, keyRules) != null) {
                out.add(new ArrayList<>());
                currentKey = k;
            }
            out.get(out.size() - 1).add(row);
        }
        return out;
    }

    private static List<Object> key(List<Object> row, List<Integer> keyColumns) {
        List<Object> k = new ArrayList<>();
        for (int c : keyColumns) {
            k.add(row.get(c - 1));
        }
        return k;
    }

    private static int indexOfEqual(List<List<Object>> rows, List<Object> row, ColumnRules rules) {
        for (int j = 0; j < rows.size(); j++) {
            if (rowMismatch(row, rows.get(j), rules) == null) {
                return j;
            }
        }
        return -1;
    }

    /** Null when the rows are equal under the rules; otherwise which column differs and how. */
    static String rowMismatch(List<Object> e, List<Object> a, ColumnRules rules) {
        if (e.size() != a.size()) {
            return "row widths differ: " + e.size() + " vs " + a.size();
        }
        for (int c = 0; c < e.size(); c++) {
            String why = valueMismatch(e.get(c), a.get(c), rules.approximate[c], rules.fixedScale[c]);
            if (why != null) {
                return "column " + (c + 1) + " (" + rules.labels.get(c) + "): " + why;
            }
        }
        return null;
    }

    /** Null when the values are equal; otherwise why not. */
    static String valueMismatch(Object e, Object a, boolean approximate, boolean fixedScale) {
        if (e == null || a == null) {
            return e == a ? null : render(e) + " vs " + render(a);
        }
        if (e.getClass() != a.getClass()) {
            return render(e) + " vs " + render(a) + " (Java class " + e.getClass().getSimpleName() + " vs " + a.getClass().getSimpleName() + ")";
        }
        if (e instanceof BigDecimal be) {
            BigDecimal ba = (BigDecimal) a;
            if (fixedScale && be.scale() != ba.scale()) {
                return render(e) + " vs " + render(a) + " (scale " + be.scale() + " vs " + ba.scale() + ")";
            }
            boolean equal = approximate ? close(be, ba) : be.compareTo(ba) == 0;
            return equal ? null : render(e) + " vs " + render(a);
        }
        if (e instanceof Double || e instanceof Float) {
            return close(((Number) e).doubleValue(), ((Number) a).doubleValue()) ? null : render(e) + " vs " + render(a);
        }
        if (e instanceof byte[] be) {
            return Arrays.equals(be, (byte[]) a) ? null : render(e) + " vs " + render(a);
        }
        return e.equals(a) ? null : render(e) + " vs " + render(a);
    }

    private static boolean close(BigDecimal e, BigDecimal a) {
        BigDecimal diff = e.subtract(a).abs();
        BigDecimal magnitude = e.abs().max(a.abs());
        if (magnitude.compareTo(BigDecimal.valueOf(NEGLIGIBLE)) < 0) {
            return true;
        }
        return diff.compareTo(magnitude.multiply(BigDecimal.valueOf(RELATIVE_TOLERANCE))) <= 0;
    }

    private static boolean close(double e, double a) {
        if (Double.compare(e, a) == 0) {
            return true;
        }
        if (!Double.isFinite(e) || !Double.isFinite(a)) {
            return false;
        }
        double magnitude = Math.max(Math.abs(e), Math.abs(a));
        return magnitude < NEGLIGIBLE || Math.abs(e - a) <= magnitude * RELATIVE_TOLERANCE;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows, ColumnRules rules) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(rowOrder(rules));
        return copy;
    }

    private static Comparator<List<Object>> rowOrder(ColumnRules rules) {
        return (x, y) -> {
            for (int c = 0; c < Math.min(x.size(), y.size()); c++) {
                int r = compareForSort(x.get(c), y.get(c), rules.approximate[c]);
                if (r != 0) {
                    return r;
                }
            }
            return Integer.compare(x.size(), y.size());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareForSort(Object x, Object y, boolean approximate) {
        if (x == null || y == null) {
            return x == y ? 0 : x == null ? -1 : 1;
        }
        if (x.getClass() != y.getClass()) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        if (approximate || x instanceof Double || x instanceof Float) {
            BigDecimal bx = roundedForSort(x);
            BigDecimal by = roundedForSort(y);
            if (bx != null && by != null) {
                return bx.compareTo(by);
            }
        }
        if (x instanceof byte[] bx) {
            return Arrays.compare(bx, (byte[]) y);
        }
        if (x instanceof Comparable cx) {
            return cx.compareTo(y);
        }
        return x.toString().compareTo(y.toString());
    }

    private static BigDecimal roundedForSort(Object v) {
        if (v instanceof BigDecimal b) {
            return b.round(SORT_PRECISION);
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return new BigDecimal(n.doubleValue()).round(SORT_PRECISION);
        }
        return null;
    }

    private String closestHint(List<Object> row, List<List<Object>> candidates, ColumnRules rules) {
        List<Object> best = null;
        List<String> bestDiffs = null;
        for (List<Object> candidate : candidates) {
            if (candidate.size() != row.size()) {
                continue;
            }
            List<String> diffs = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String why = valueMismatch(row.get(c), candidate.get(c), rules.approximate[c], rules.fixedScale[c]);
                if (why != null) {
                    diffs.add(rules.labels.get(c) + ": " + why);
                }
            }
            if (bestDiffs == null || diffs.size() < bestDiffs.size()) {
                best = candidate;
                bestDiffs = diffs;
            }
        }
        if (best == null) {
            return "none";
        }
        return expectedName + " " + render(row) + " ~ " + actualName + " " + render(best) + " differ in " + bestDiffs;
    }

    private String window(List<List<Object>> e, List<List<Object>> a, int at) {
        int from = Math.max(0, at - 1);
        int to = Math.min(Math.max(e.size(), a.size()), at + SHOWN_ROWS - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            String mark = i == at ? ">" : " ";
            sb.append(mark).append(" row ").append(i + 1).append(' ').append(expectedName).append(": ")
                    .append(i < e.size() ? render(e.get(i)) : "(none)").append('\n');
            sb.append(mark).append(" row ").append(i + 1).append(' ').append(actualName).append(": ")
                    .append(i < a.size() ? render(a.get(i)) : "(none)").append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static void appendRows(StringBuilder sb, String title, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("  ").append(title).append(':').append('\n');
        for (int i = 0; i < Math.min(rows.size(), SHOWN_ROWS); i++) {
            sb.append("    ").append(render(rows.get(i))).append('\n');
        }
        if (rows.size() > SHOWN_ROWS) {
            sb.append("    ... and ").append(rows.size() - SHOWN_ROWS).append(" more\n");
        }
    }

    private static String describe(Outcome o) {
        if (o instanceof Outcome.Rows r) {
            return "a result set of " + r.rows().size() + " rows, columns " + r.columns();
        }
        if (o instanceof Outcome.UpdateCount u) {
            return "update count " + u.count();
        }
        if (o instanceof Outcome.BatchCounts b) {
            return "batch counts " + b.counts();
        }
        return o.toString();
    }

    static String render(List<Object> row) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < row.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(render(row.get(i)));
        }
        return sb.append(']').toString();
    }

    static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (v instanceof Long l) {
            return l + "L";
        }
        if (v instanceof Double d) {
            return d + "d";
        }
        if (v instanceof Float f) {
            return f + "f";
        }
        if (v instanceof Short s) {
            return s + "s";
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof Timestamp t) {
            return "TIMESTAMP " + t;
        }
        if (v instanceof java.sql.Date d) {
            return "DATE " + d;
        }
        if (v instanceof byte[] b) {
            return "X'" + java.util.HexFormat.of().formatHex(b) + "'";
        }
        if (v instanceof Integer || v instanceof Boolean) {
            return v.toString();
        }
        return v.getClass().getSimpleName() + "(" + v + ")";
    }

    /** Per-column comparison rules, decided from the oracle's column metadata and the mode. */
    static final class ColumnRules {
        final List<String> labels;
        final boolean[] approximate;
        final boolean[] fixedScale;

        private ColumnRules(List<String> labels, boolean[] approximate, boolean[] fixedScale) {
            this.labels = labels;
            this.approximate = approximate;
            this.fixedScale = fixedScale;
        }

        static ColumnRules of(List<Outcome.Column> columns, ComparisonMode mode) {
            int n = columns.size();
            boolean[] approximate = new boolean[n];
            boolean[] fixedScale = new boolean[n];
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Outcome.Column c = columns.get(i);
                String typeName = c.typeName() == null ? "" : c.typeName().toUpperCase(Locale.ROOT);
                boolean decfloat = typeName.contains("DECFLOAT");
                boolean floating = c.type() == Types.DOUBLE || c.type() == Types.FLOAT || c.type() == Types.REAL || decfloat
                        || typeName.startsWith("DOUBLE") || typeName.startsWith("REAL") || typeName.startsWith("FLOAT");
                // An unaliased AVG is labelled AVG(X) on H2, AVG(x) on MariaDB and avg on PostgreSQL; a label
                // named approximate matches in any case, since each backend folds unquoted aliases its own way.
                String label = c.label().toUpperCase(Locale.ROOT);
                boolean avg = label.startsWith("AVG(") || label.equals("AVG");
                approximate[i] = floating || avg || mode.approximate().stream().anyMatch(a -> a.equalsIgnoreCase(c.label()));
                fixedScale[i] = !decfloat;
                labels.add(c.label());
            }
            return new ColumnRules(List.copyOf(labels), approximate, fixedScale);
        }

        /** Rules for rows holding only the given 1-based columns. */
        ColumnRules project(List<Integer> columns) {
            boolean[] a = new boolean[columns.size()];
            boolean[] f = new boolean[columns.size()];
            List<String> l = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                int c = columns.get(i) - 1;
                a[i] = approximate[c];
                f[i] = fixedScale[c];
                l.add(labels.get(c));
            }
            return new ColumnRules(List.copyOf(l), a, f);
        }
    }
}
