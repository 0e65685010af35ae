package dev.sherd.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Trusts the harness on one {@link Backend} before trusting its verdicts on the driver there: the
 * whole corpus (in the backend's variants) and the whole generated query set run against two plain
 * databases of that family (oracle vs. second oracle) and must compare equal everywhere, so every
 * difference the real suite reports comes from the driver and not from nondeterminism in the
 * corpus, the data, the generator or the comparator, nor from SQL the backend does not accept.
 * EXPLAIN entries are skipped; listed refusals are only checked to be valid SQL on the oracle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OracleSelfTestSuite {

    private final List<ConformanceCluster> clusters = new ArrayList<>();
    private Optional<String> unavailable = Optional.empty();

    abstract Backend backend();

    @BeforeAll
    void checkServer() {
        unavailable = ServerAvailability.check(backend(), getClass().getSimpleName());
    }

    @AfterAll
    void close() {
        clusters.forEach(ConformanceCluster::close);
    }

    private DifferentialRunner twoPlainDatabases(String suite, String context) throws SQLException {
        ConformanceCluster cluster = ConformanceCluster.forTwoOracles(backend(), suite);
        clusters.add(cluster);
        return new DifferentialRunner(cluster.openSecondOracle(), "second oracle", cluster.openOracle(), backend(),
                ExpectedRefusals.load(), true, getClass().getSimpleName() + " " + context + " (" + cluster.describe() + ")");
    }

    @TestFactory
    Stream<DynamicTest> corpus_agreesBetweenTwoPlainDatabases() throws SQLException {
        if (unavailable.isPresent()) {
            return Stream.of(ServerAvailability.skipped(unavailable.get()));
        }
        DifferentialRunner runner = twoPlainDatabases("self_corpus", "corpus");
        Stream<DynamicTest> load = CorpusUnit.group(new ConformanceData().loadEntries(backend())).stream()
                .map(u -> dynamicTest(u.name(), () -> runner.run(u)));
        return Stream.concat(load, ConformanceSuite.corpusTests(CorpusUnit.group(CorpusParser.loadCorpus()), backend(), runner));
    }

    @TestFactory
    Stream<DynamicTest> generator_agreesBetweenTwoPlainDatabases() throws SQLException {
        if (unavailable.isPresent()) {
            return Stream.of(ServerAvailability.skipped(unavailable.get()));
        }
        QueryGenerator generator = new QueryGenerator(QueryGenerator.seedFromSystemProperty(), backend());
        DifferentialRunner runner = twoPlainDatabases("self_gen", RandomizedConformanceSuite.seedLine(generator.seed(), getClass().getSimpleName()));
        for (CorpusUnit u : CorpusUnit.group(new ConformanceData().loadEntries(backend()))) {
            runner.run(u);
        }
        return generator.generate(QueryGenerator.countFromSystemProperty()).stream()
                .map(q -> dynamicTest("#" + q.index() + " " + q.sql(),
                        () -> assertEquals(DifferentialRunner.Result.COMPARED, runner.runGenerated(q.toEntry(), false))));
    }
}
