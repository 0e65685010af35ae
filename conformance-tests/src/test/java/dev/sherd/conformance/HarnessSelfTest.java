package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link OracleSelfTestSuite} on H2 (two plain H2 databases must agree on the whole corpus and the
 * whole generated query set), plus the backend-independent checks of the harness's inputs: the
 * corpus and the refusal list are consistent and cover every kind of statement the suite
 * promises, and the generator is deterministic and only puts LIMIT/OFFSET after a total ORDER BY.
 * {@link PostgresHarnessSelfTest} and {@link MariaDbHarnessSelfTest} run the same comparison on
 * those servers.
 */
@DisplayName("H2: the harness compared with itself (two plain databases), and the corpus checked")
class HarnessSelfTest extends OracleSelfTestSuite {

    static final int MIN_CORPUS_SIZE = 170;
    static final int MAX_EXCLUSIONS_PER_BACKEND = 5;

    @Override
    Backend backend() {
        return Backend.H2;
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

    /** Exclusions hide a backend's behaviour from the suite: keep them rare (and listed in the README). */
    @Test
    void corpus_keepsFewStatementsOffABackend() {
        List<CorpusEntry> corpus = CorpusParser.loadCorpus();
        for (Backend backend : Backend.values()) {
            List<String> off = corpus.stream().filter(e -> e.skipReason(backend).isPresent()).map(CorpusEntry::id).toList();
            assertTrue(off.size() <= MAX_EXCLUSIONS_PER_BACKEND, backend.displayName() + " skips " + off.size() + " corpus statements "
                    + off + "; at most " + MAX_EXCLUSIONS_PER_BACKEND + ": write portable SQL or a variant instead");
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
