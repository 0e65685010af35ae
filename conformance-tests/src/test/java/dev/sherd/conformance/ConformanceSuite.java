package dev.sherd.conformance;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The differential conformance suite on one {@link Backend}: the Sherd driver over four shards
 * ({@code jdbc:sherd:<config>}) against one plain database of the same family holding every row.
 * {@link H2ConformanceTest}, {@link PostgresConformanceTest} and {@link MariaDbConformanceTest}
 * run it; a server that is down makes it one skipped test (a failure with {@code CI=true}).
 *
 * <p>One dynamic test per step, in order: the data load through the driver (each batch and
 * multi-row INSERT compared by update counts and table contents), the physical placement on the
 * shards, then one test per corpus entry (a transaction block is one test), in the backend's
 * variant where the corpus has one; an entry that does not run on the backend shows as skipped
 * with its reason. Every answer must be what the oracle answers ({@link ResultComparator});
 * statements in expected-refusals.txt must be refused, and nothing else may be. Statements run in
 * file order on shared state, so one divergent write can make later tests fail too: read the first
 * failure first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceSuite {

    private final ConformanceData data = new ConformanceData();
    private ConformanceCluster cluster;
    private Connection oracle;
    private DifferentialRunner runner;
    private Optional<String> unavailable = Optional.empty();

    abstract Backend backend();

    @BeforeAll
    void start() throws SQLException {
        unavailable = ServerAvailability.check(backend(), getClass().getSimpleName());
        if (unavailable.isPresent()) {
            return;
        }
        cluster = ConformanceCluster.forDriver(backend(), "conf");
        oracle = cluster.openOracle();
        Connection driver = cluster.openDriver();
        runner = new DifferentialRunner(driver, "driver", oracle, backend(), ExpectedRefusals.load(), false,
                getClass().getSimpleName() + ", " + cluster.describe());
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> driverAgreesWithOneDatabase() {
        if (unavailable.isPresent()) {
            return Stream.of(ServerAvailability.skipped(unavailable.get()));
        }
        List<CorpusUnit> load = CorpusUnit.group(data.loadEntries(backend()));
        List<CorpusUnit> corpus = CorpusUnit.group(CorpusParser.loadCorpus());
        return Stream.of(
                dynamicContainer("1 load through the driver", load.stream().map(u -> dynamicTest(u.name(), () -> runner.run(u)))),
                dynamicContainer("2 placement on the shards", new ShardPlacement(cluster, oracle, data).tests().stream()),
                dynamicContainer("3 corpus", corpusTests(corpus, backend(), runner)));
    }

    /**
     * One test per unit as it runs on {@code backend}; a unit the corpus keeps off this backend is
     * a skipped test carrying the corpus's reason, so exclusions stay visible in every report.
     */
    static Stream<DynamicTest> corpusTests(List<CorpusUnit> units, Backend backend, DifferentialRunner runner) {
        return units.stream().map(u -> u.skipReason(backend)
                .map(why -> dynamicTest(u.name() + " [not on " + backend.displayName() + "]",
                        () -> Assumptions.abort("not run on " + backend.displayName() + ": " + why)))
                .orElseGet(() -> {
                    CorpusUnit on = u.on(backend);
                    return dynamicTest(on.name(), () -> runner.run(on));
                }));
    }
}
