package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Trusts the harness before trusting its verdicts on the driver: the whole corpus and the whole
 * generated query set run against two plain H2 databases (oracle vs. second oracle) and must compare
 * equal everywhere, so every difference the real suite reports comes from the driver and not from
 * nondeterminism in the corpus, the data, the generator or the comparator. EXPLAIN entries are
 * skipped; listed refusals are only checked to be valid SQL on the oracle.
 *
 * <p>Also checks that the corpus and the refusal list are consistent and cover every kind of
 * statement the suite promises, and that the generator is deterministic and only puts LIMIT/OFFSET
 * after a total ORDER BY.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarnessSelfTest {

    static final int MIN_CORPUS_SIZE = 170;

    private final List<ConformanceCluster> clusters = new ArrayList<>();

    @AfterAll
    void close() {
        clusters.forEach(ConformanceCluster::close);
    }

    private DifferentialRunner twoPlainDatabases(String context) throws SQLException {
        ConformanceCluster cluster = ConformanceCluster.create();
        clusters.add(cluster);
        return new DifferentialRunner(cluster.openSecondOracle(), "second oracle", cluster.openOracle(), ExpectedRefusals.load(),
                true, "self-test " + context + " (" + cluster.describe() + ")");
    }

    @TestFactory
    Stream<DynamicTest> corpus_agreesBetweenTwoPlainDatabases() throws SQLException {
        DifferentialRunner runner = twoPlainDatabases("corpus");
        List<CorpusUnit> units = new ArrayList<>(CorpusUnit.group(new ConformanceData().loadEntries()));
        units.addAll(CorpusUnit.group(CorpusParser.loadCorpus()));
        return units.stream().map(u -> dynamicTest(u.name(), () -> runner.run(u)));
    }

    @TestFactory
    Stream<DynamicTest> generator_agreesBetweenTwoPlainDatabases() throws SQLException {
        QueryGenerator generator = new QueryGenerator(QueryGenerator.seedFromSystemProperty());
        DifferentialRunner runner = twoPlainDatabases(RandomizedConformanceTest.seedLine(generator.seed()));
        for (CorpusUnit u : CorpusUnit.group(new ConformanceData().loadEntries())) {
            runner.run(u);
        }
        return generator.generate(QueryGenerator.countFromSystemProperty()).stream()
                .map(q -> dynamicTest("#" + q.index() + " " + q.sql(),
                        () -> assertEquals(DifferentialRunner.Result.COMPARED, runner.runGenerated(q.toEntry(), false))));
    }

    @Test
    void corpus_isLargeAndCoversEveryKindOfStatement() {
        List<CorpusEntry> corpus = CorpusParser.loadCorpus();
        assertTrue(corpus.size() >= MIN_CORPUS_SIZE, "corpus has " + corpus.size() + " statements, want at least " + MIN_CORPUS_SIZE);
        requireSome(corpus, "ordered", e -> e.mode().order() == ComparisonMode.Order.ORDERED);
        requireSome(corpus, "ordered on columns", e -> e.mode().order() == ComparisonMode.Order.ORDERED_ON);
        requireSome(corpus, "unordered", e -> e.mode().order() == ComparisonMode.Order.UNORDERED);
        requireSome(corpus, "count-only", e -> e.mode().order() == ComparisonMode.Order.COUNT_ONLY);
        requireSome(corpus, "params", e -> e.params() != null);
        requireSome(corpus, "batch", CorpusEntry::batch);
        requireSome(corpus, "explain", CorpusEntry::explain);
        requireSome(corpus, "error", CorpusEntry::expectError);
        requireSome(corpus, "commit", e -> e.txEnd() == CorpusEntry.TxEnd.COMMIT);
        requireSome(corpus, "rollback", e -> e.txEnd() == CorpusEntry.TxEnd.ROLLBACK);
        for (String verb : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE TABLE", "CREATE INDEX", "ALTER TABLE", "DROP TABLE",
                "JOIN", "EXISTS", "GROUP BY", "HAVING", "DISTINCT", "LIMIT", "OFFSET", "FETCH FIRST", "NULLS FIRST", "NULLS LAST",
                "AVG(", "COUNT(DISTINCT", "BETWEEN", " IN (", "IS NULL", "OVER (", "/*", "\"")) {
            requireSome(corpus, verb, e -> e.sql().toUpperCase(Locale.ROOT).contains(verb));
        }
    }

    @Test
    void expectedRefusals_nameCorpusStatements() {
        List<String> ids = CorpusParser.loadCorpus().stream().map(CorpusEntry::id).toList();
        ExpectedRefusals refusals = ExpectedRefusals.load();
        assertTrue(refusals.size() >= 5, "expected at least 5 refusals, got " + refusals.size());
        for (String id : refusals.ids()) {
            assertTrue(ids.contains(id), ExpectedRefusals.FILE + " names " + id + ", which is not in the corpus");
        }
    }

    @Test
    void generator_isDeterministicForASeed() {
        List<String> a = new QueryGenerator(42).generate(100).stream().map(GeneratedQuery::sql).toList();
        List<String> b = new QueryGenerator(42).generate(100).stream().map(GeneratedQuery::sql).toList();
        List<String> c = new QueryGenerator(43).generate(100).stream().map(GeneratedQuery::sql).toList();
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void generator_putsLimitOnlyAfterATotalOrder_andCoversItsConstructs() {
        List<GeneratedQuery> queries = new QueryGenerator(QueryGenerator.seedFromSystemProperty()).generate(QueryGenerator.DEFAULT_COUNT);
        for (GeneratedQuery q : queries) {
            String sql = q.sql();
            if (sql.contains(" LIMIT ") || sql.contains(" OFFSET ") || sql.contains(" FETCH ")) {
                assertTrue(sql.contains(" ORDER BY ") && q.mode().order() == ComparisonMode.Order.ORDERED, "LIMIT without a total order: " + sql);
            }
        }
        for (String construct : List.of(" IN (", " BETWEEN ", " IS NULL", " IS NOT NULL", " LIKE ", " OR ", " AND ", "NOT ", " GROUP BY ",
                " HAVING ", " ORDER BY ", " LIMIT ", " OFFSET ", " FETCH FIRST ", " JOIN ", "DISTINCT ", "COUNT(*)", "SUM(", "AVG(",
                "MIN(", "MAX(", "NULLS ", " DESC", "customers", "orders", "events", "?")) {
            assertTrue(queries.stream().anyMatch(q -> q.sql().contains(construct)), "generator never produced " + construct);
        }
        assertTrue(queries.stream().anyMatch(GeneratedQuery::mayBeRefused), "generator never produced a refusable construct");
        assertTrue(queries.stream().anyMatch(q -> q.params() != null), "generator never used parameters");
        assertTrue(queries.stream().anyMatch(q -> q.mode().order() == ComparisonMode.Order.ORDERED_ON), "no partial orders");
    }

    private static void requireSome(List<CorpusEntry> corpus, String what, Predicate<CorpusEntry> test) {
        assertTrue(corpus.stream().anyMatch(test), "the corpus has no statement with " + what);
    }
}
