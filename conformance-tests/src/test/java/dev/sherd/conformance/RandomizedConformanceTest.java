package dev.sherd.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Randomized differential testing: {@link QueryGenerator} queries (default 300, seed from
 * {@code -Dsherd.seed}, {@code random} for a fresh one; count from {@code -Dsherd.queries}) run
 * through the driver and on the oracle over freshly loaded data, one dynamic test each. A refusal
 * passes only for queries the generator tags as refusable; the seed and a rerun command are in
 * every failure message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RandomizedConformanceTest {

    private final QueryGenerator generator = new QueryGenerator(QueryGenerator.seedFromSystemProperty());
    private final AtomicInteger refused = new AtomicInteger();
    private ConformanceCluster cluster;
    private DifferentialRunner runner;

    static String seedLine(long seed) {
        return "seed " + seed + " (rerun: mvn -o -q -pl conformance-tests test -Dtest=RandomizedConformanceTest -Dsherd.seed=" + seed + ")";
    }

    @BeforeAll
    void start() throws SQLException {
        System.out.println("RandomizedConformanceTest " + seedLine(generator.seed()));
        cluster = ConformanceCluster.create();
        Connection oracle = cluster.openOracle();
        Connection driver = cluster.openDriver();
        runner = new DifferentialRunner(driver, "driver", oracle, ExpectedRefusals.parse(""), false,
                seedLine(generator.seed()) + ", " + cluster.describe());
        for (CorpusUnit u : CorpusUnit.group(new ConformanceData().loadEntries())) {
            runner.run(u); // a failed load fails every test here; ConformanceTest shows the load step by step
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (runner == null) {
            return; // setup failed; its error says why
        }
        System.out.println("RandomizedConformanceTest " + seedLine(generator.seed()) + ": " + refused.get()
                + " queries refused (all tagged as refusable)");
    }

    @TestFactory
    Stream<DynamicTest> generatedQueries() {
        return generator.generate(QueryGenerator.countFromSystemProperty()).stream()
                .map(q -> dynamicTest("#" + q.index() + " " + q.sql(), () -> {
                    if (runner.runGenerated(q.toEntry(), q.mayBeRefused()) == DifferentialRunner.Result.REFUSED_AS_EXPECTED) {
                        refused.incrementAndGet();
                    }
                }));
    }
}
