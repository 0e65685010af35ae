package dev.sherd.conformance;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The differential conformance suite: the Sherd driver over four H2 shards
 * ({@code jdbc:sherd:<config>}) against one plain H2 database holding every row.
 *
 * <p>One dynamic test per step, in order: the data load through the driver (each batch and
 * multi-row INSERT compared by update counts and table contents), the physical placement on the
 * shards, then one test per corpus entry (a transaction block is one test). Every answer must be
 * what the oracle answers ({@link ResultComparator}); statements in expected-refusals.txt must be
 * refused, and nothing else may be. Statements run in file order on shared state, so one divergent
 * write can make later tests fail too: read the first failure first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformanceTest {

    private final ConformanceData data = new ConformanceData();
    private ConformanceCluster cluster;
    private Connection oracle;
    private DifferentialRunner runner;

    @BeforeAll
    void start() throws SQLException {
        cluster = ConformanceCluster.create();
        oracle = cluster.openOracle();
        Connection driver = cluster.openDriver();
        runner = new DifferentialRunner(driver, "driver", oracle, ExpectedRefusals.load(), false, cluster.describe());
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> driverAgreesWithOneDatabase() {
        List<CorpusUnit> load = CorpusUnit.group(data.loadEntries());
        List<CorpusUnit> corpus = CorpusUnit.group(CorpusParser.loadCorpus());
        return Stream.of(
                dynamicContainer("1 load through the driver", load.stream().map(u -> dynamicTest(u.name(), () -> runner.run(u)))),
                dynamicContainer("2 placement on the shards", new ShardPlacement(cluster, oracle, data).tests().stream()),
                dynamicContainer("3 corpus", corpus.stream().map(u -> dynamicTest(u.name(), () -> runner.run(u)))));
    }

    @Test
    void expectedRefusals_nameOnlyCorpusStatements() {
        List<String> ids = CorpusParser.loadCorpus().stream().map(CorpusEntry::id).toList();
        for (String id : ExpectedRefusals.load().ids()) {
            if (!ids.contains(id)) {
                throw new AssertionError(ExpectedRefusals.FILE + " names " + id + ", which is not in " + CorpusParser.CORPUS);
            }
        }
    }
}
