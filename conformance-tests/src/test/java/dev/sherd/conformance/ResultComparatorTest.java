package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves the comparator is not blind: each kind of difference the suite promises to catch (a
 * changed value, a missing or extra row, a wrong label or label case, a wrong type, a wrong scale,
 * a wrong Java class, wrong order, wrong counts, wrong error class) is reported, and what must be
 * tolerated (row order in multiset mode, tiny floating-point differences) is.
 */
class ResultComparatorTest {

    private final ResultComparator comparator = new ResultComparator("oracle", "driver");

    private static final List<Outcome.Column> COLUMNS = List.of(
            new Outcome.Column("ID", Types.BIGINT, "BIGINT"),
            new Outcome.Column("NAME", Types.VARCHAR, "CHARACTER VARYING"),
            new Outcome.Column("AMOUNT", Types.NUMERIC, "NUMERIC"));

    @SafeVarargs
    private static Outcome.Rows rows(List<Outcome.Column> columns, List<Object>... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (List<Object> r : rows) {
            list.add(r);
        }
        return new Outcome.Rows(columns, list);
    }

    private static Outcome.Rows base() {
        return rows(COLUMNS, row(1L, "a", new BigDecimal("1.50")), row(2L, "b", new BigDecimal("-2.00")), row(3L, null, null));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private Optional<String> compare(Outcome expected, Outcome actual, ComparisonMode mode) {
        return comparator.compare(expected, actual, mode);
    }

    @Test
    void identicalResults_areEqualInEveryMode() {
        for (ComparisonMode mode : List.of(ComparisonMode.ordered(), ComparisonMode.unordered(), ComparisonMode.countOnly(),
                ComparisonMode.orderedOn(List.of(1)))) {
            assertEquals(Optional.empty(), compare(base(), base(), mode), mode.toString());
        }
    }

    @Test
    void changedValue_isDetected_andNamed() {
        Outcome.Rows changed = rows(COLUMNS, row(1L, "a", new BigDecimal("1.50")), row(2L, "B", new BigDecimal("-2.00")), row(3L, null, null));
        String diff = compare(base(), changed, ComparisonMode.ordered()).orElseThrow();
        assertTrue(diff.contains("row 2") && diff.contains("NAME") && diff.contains("'b' vs 'B'"), diff);
        String unordered = compare(base(), changed, ComparisonMode.unordered()).orElseThrow();
        assertTrue(unordered.contains("1 missing from driver") && unordered.contains("1 unexpected"), unordered);
        assertTrue(unordered.contains("closest pair") && unordered.contains("NAME: 'b' vs 'B'"), unordered);
    }

    @Test
    void nullInsteadOfValue_isDetected() {
        Outcome.Rows changed = rows(COLUMNS, row(1L, "a", new BigDecimal("1.50")), row(2L, "b", null), row(3L, null, null));
        assertTrue(compare(base(), changed, ComparisonMode.unordered()).isPresent());
    }

    @Test
    void missingRow_isDetected() {
        Outcome.Rows missing = rows(COLUMNS, row(1L, "a", new BigDecimal("1.50")), row(3L, null, null));
        String diff = compare(base(), missing, ComparisonMode.unordered()).orElseThrow();
        assertTrue(diff.contains("1 missing from driver") && diff.contains("[2L, 'b', -2.00]"), diff);
        assertTrue(compare(base(), missing, ComparisonMode.ordered()).isPresent());
        assertTrue(compare(base(), missing, ComparisonMode.countOnly()).orElseThrow().contains("row counts differ"));
    }

    @Test
    void duplicatedRow_isDetected_asMultiset() {
        Outcome.Rows dup = rows(COLUMNS, row(1L, "a", new BigDecimal("1.50")), row(2L, "b", new BigDecimal("-2.00")),
                row(2L, "b", new BigDecimal("-2.00")), row(3L, null, null));
        String diff = compare(base(), dup, ComparisonMode.unordered()).orElseThrow();
        assertTrue(diff.contains("1 unexpected in driver"), diff);
    }

    @Test
    void differentLabel_isDetected_evenWhenOnlyCaseDiffers() {
        List<Outcome.Column> lower = List.of(new Outcome.Column("id", Types.BIGINT, "BIGINT"), COLUMNS.get(1), COLUMNS.get(2));
        String diff = compare(base(), new Outcome.Rows(lower, base().rows()), ComparisonMode.unordered()).orElseThrow();
        assertTrue(diff.contains("column 1 label") && diff.contains("\"ID\"") && diff.contains("\"id\""), diff);
    }

    @Test
    void differentColumnType_isDetected() {
        List<Outcome.Column> types = List.of(new Outcome.Column("ID", Types.INTEGER, "INTEGER"), COLUMNS.get(1), COLUMNS.get(2));
        String diff = compare(base(), new Outcome.Rows(types, base().rows()), ComparisonMode.unordered()).orElseThrow();
        assertTrue(diff.contains("type") && diff.contains("INTEGER"), diff);
    }

    @Test
    void differentColumnCount_isDetected() {
        Outcome.Rows narrow = new Outcome.Rows(COLUMNS.subList(0, 2), List.of());
        Outcome.Rows emptyBase = new Outcome.Rows(COLUMNS, List.of());
        assertTrue(compare(emptyBase, narrow, ComparisonMode.unordered()).orElseThrow().contains("column count"));
    }

    @Test
    void differentScale_isDetected_althoughCompareToIsZero() {
        Outcome.Rows scaled = rows(COLUMNS, row(1L, "a", new BigDecimal("1.5000")), row(2L, "b", new BigDecimal("-2.00")), row(3L, null, null));
        String diff = compare(base(), scaled, ComparisonMode.ordered()).orElseThrow();
        assertTrue(diff.contains("scale 2 vs 4"), diff);
    }

    @Test
    void differentJavaClass_isDetected() {
        List<Outcome.Column> count = List.of(new Outcome.Column("COUNT(*)", Types.BIGINT, "BIGINT"));
        Outcome.Rows expected = rows(count, row(3L));
        Outcome.Rows actual = rows(count, row(new BigDecimal("3")));
        String diff = compare(expected, actual, ComparisonMode.ordered()).orElseThrow();
        assertTrue(diff.contains("Long vs BigDecimal"), diff);
    }

    @Test
    void wrongOrder_isDetectedWhenOrdered_butNotAsMultiset() {
        Outcome.Rows reversed = new Outcome.Rows(COLUMNS, reverse(base().rows()));
        assertTrue(compare(base(), reversed, ComparisonMode.ordered()).isPresent());
        assertEquals(Optional.empty(), compare(base(), reversed, ComparisonMode.unordered()));
    }

    @Test
    void orderedOnColumns_allowsTies_butNotMisorderedKeys() {
        List<Outcome.Column> cols = List.of(new Outcome.Column("CITY", Types.VARCHAR, "CHARACTER VARYING"),
                new Outcome.Column("ID", Types.BIGINT, "BIGINT"));
        Outcome.Rows expected = rows(cols, row(null, 9L), row("A", 1L), row("A", 2L), row("B", 3L));
        Outcome.Rows tiesSwapped = rows(cols, row(null, 9L), row("A", 2L), row("A", 1L), row("B", 3L));
        Outcome.Rows keysSwapped = rows(cols, row(null, 9L), row("B", 3L), row("A", 1L), row("A", 2L));
        ComparisonMode mode = ComparisonMode.orderedOn(List.of(1));
        assertEquals(Optional.empty(), compare(expected, tiesSwapped, mode));
        String diff = compare(expected, keysSwapped, mode).orElseThrow();
        assertTrue(diff.contains("not in the same order"), diff);
        Outcome.Rows wrongInGroup = rows(cols, row(null, 9L), row("A", 1L), row("A", 4L), row("B", 3L));
        assertTrue(compare(expected, wrongInGroup, mode).orElseThrow().contains("group with key ['A']"));
    }

    @Test
    void floatingColumns_tolerateRoundingNoise_butNotRealDifferences() {
        List<Outcome.Column> d = List.of(new Outcome.Column("SUM(DISCOUNT)", Types.DOUBLE, "DOUBLE PRECISION"));
        assertEquals(Optional.empty(), compare(rows(d, row(0.30000000000000004)), rows(d, row(0.3)), ComparisonMode.ordered()));
        assertTrue(compare(rows(d, row(0.3)), rows(d, row(0.3001)), ComparisonMode.ordered()).isPresent());
        assertEquals(Optional.empty(), compare(rows(d, row(1e-17)), rows(d, row(-2e-17)), ComparisonMode.ordered()));
    }

    @Test
    void decfloat_ignoresScale_butAvgDecimalKeepsIt() {
        List<Outcome.Column> dec = List.of(new Outcome.Column("AVG(DISCOUNT)", Types.NUMERIC, "DECFLOAT"));
        assertEquals(Optional.empty(), compare(rows(dec, row(new BigDecimal("0.15"))), rows(dec, row(new BigDecimal("0.150000"))),
                ComparisonMode.ordered()));
        List<Outcome.Column> avg = List.of(new Outcome.Column("AVG(AMOUNT)", Types.NUMERIC, "NUMERIC"));
        String diff = compare(rows(avg, row(new BigDecimal("12.345678901234"))), rows(avg, row(new BigDecimal("12.3457"))),
                ComparisonMode.ordered()).orElseThrow();
        assertTrue(diff.contains("scale 12 vs 4"), diff);
        assertEquals(Optional.empty(), compare(rows(avg, row(new BigDecimal("12.345678901234"))),
                rows(avg, row(new BigDecimal("12.345678901235"))), ComparisonMode.ordered()));
    }

    @Test
    void approximateDirective_appliesToNamedLabelOnly() {
        List<Outcome.Column> c = List.of(new Outcome.Column("M", Types.NUMERIC, "NUMERIC"));
        Outcome e = rows(c, row(new BigDecimal("1.000000000000")));
        Outcome a = rows(c, row(new BigDecimal("1.000000000001")));
        assertTrue(compare(e, a, ComparisonMode.ordered()).isPresent());
        assertEquals(Optional.empty(), compare(e, a, ComparisonMode.ordered().withApproximate(Set.of("M"))));
    }

    @Test
    void unorderedComparison_survivesFloatingNoiseAcrossSortOrder() {
        List<Outcome.Column> d = List.of(new Outcome.Column("X", Types.DOUBLE, "DOUBLE PRECISION"),
                new Outcome.Column("K", Types.INTEGER, "INTEGER"));
        Outcome e = rows(d, row(0.1 + 0.2, 1), row(0.3, 2));
        Outcome a = rows(d, row(0.3, 1), row(0.30000000000000004, 2));
        assertEquals(Optional.empty(), compare(e, a, ComparisonMode.unordered()));
    }

    @Test
    void updateAndBatchCounts_mustBeEqual() {
        assertEquals(Optional.empty(), compare(new Outcome.UpdateCount(5), new Outcome.UpdateCount(5), ComparisonMode.unordered()));
        assertTrue(compare(new Outcome.UpdateCount(5), new Outcome.UpdateCount(20), ComparisonMode.unordered()).orElseThrow()
                .contains("update counts differ: oracle 5, driver 20"));
        assertTrue(compare(new Outcome.BatchCounts(List.of(1, 1)), new Outcome.BatchCounts(List.of(1, 4)), ComparisonMode.unordered())
                .isPresent());
        assertTrue(compare(new Outcome.UpdateCount(1), base(), ComparisonMode.unordered()).isPresent());
    }

    @Test
    void errors_mustMatchOnSqlStateClass() {
        Outcome dupKey = new Outcome.Failure(new SQLException("dup", "23505"));
        Outcome otherConstraint = new Outcome.Failure(new SQLException("null", "23502"));
        Outcome refused = new Outcome.Failure(new SQLFeatureNotSupportedException("no", "0A000"));
        assertEquals(Optional.empty(), compare(dupKey, otherConstraint, ComparisonMode.unordered()));
        assertTrue(compare(dupKey, refused, ComparisonMode.unordered()).orElseThrow().contains("SQLState classes differ"));
        assertTrue(compare(dupKey, new Outcome.UpdateCount(1), ComparisonMode.unordered()).orElseThrow().contains("oracle threw"));
        assertTrue(compare(new Outcome.UpdateCount(1), dupKey, ComparisonMode.unordered()).orElseThrow().contains("driver threw"));
    }

    @Test
    void emptyResults_stillCompareColumns() {
        Outcome.Rows empty = new Outcome.Rows(COLUMNS, List.of());
        Outcome.Rows emptyWrongLabel = new Outcome.Rows(List.of(COLUMNS.get(0), new Outcome.Column("Name", Types.VARCHAR, "CHARACTER VARYING"),
                COLUMNS.get(2)), List.of());
        assertEquals(Optional.empty(), compare(empty, empty, ComparisonMode.unordered()));
        assertTrue(compare(empty, emptyWrongLabel, ComparisonMode.unordered()).isPresent());
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
