package dev.sherd.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Randomized differential testing on one {@link Backend}: {@link QueryGenerator} queries (default
 * 300, seed from {@code -Dsherd.seed}, {@code random} for a fresh one; count from
 * {@code -Dsherd.queries}) run through the driver and on the oracle over freshly loaded data, one
 * dynamic test each. A refusal passes only for queries the generator tags as refusable; the seed
 * and a rerun command are in every failure message. A server that is down makes it one skipped
 * test (a failure with {@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RandomizedConformanceSuite {

    private final AtomicInteger refused = new AtomicInteger();
    private QueryGenerator generator;
    private ConformanceCluster cluster;
    private DifferentialRunner runner;
    private Optional<String> unavailable = Optional.empty();

    abstract Backend backend();

    /** The seed and the command that reruns {@code testClass} with it. */
    static String seedLine(long seed, String testClass) {
        return "seed " + seed + " (rerun: mvn -o -q -pl conformance-tests test -Dtest=" + testClass + " -Dsherd.seed=" + seed + ")";
    }

    private String seedLine() {
        return seedLine(generator.seed(), getClass().getSimpleName());
    }

    @BeforeAll
    void start() throws SQLException {
        unavailable = ServerAvailability.check(backend(), getClass().getSimpleName());
        if (unavailable.isPresent()) {
            return;
        }
        generator = new QueryGenerator(QueryGenerator.seedFromSystemProperty(), backend());
        System.out.println(getClass().getSimpleName() + " " + seedLine());
        cluster = ConformanceCluster.forDriver(backend(), "rand");
        Connection oracle = cluster.openOracle();
        Connection driver = cluster.openDriver();
        runner = new DifferentialRunner(driver, "driver", oracle, backend(), ExpectedRefusals.parse(""), false,
                seedLine() + ", " + cluster.describe());
        for (CorpusUnit u : CorpusUnit.group(new ConformanceData().loadEntries(backend()))) {
            runner.run(u); // a failed load fails every test here; the ConformanceTest classes show the load step by step
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (runner == null) {
            return; // skipped, or setup failed; its error says why
        }
        System.out.println(getClass().getSimpleName() + " " + seedLine() + ": " + refused.get()
                + " queries refused (all tagged as refusable)");
    }

    @TestFactory
    Stream<DynamicTest> generatedQueries() {
        if (unavailable.isPresent()) {
            return Stream.of(ServerAvailability.skipped(unavailable.get()));
        }
        return generator.generate(QueryGenerator.countFromSystemProperty()).stream()
                .map(q -> dynamicTest("#" + q.index() + " " + q.sql(), () -> {
                    if (runner.runGenerated(q.toEntry(), q.mayBeRefused()) == DifferentialRunner.Result.REFUSED_AS_EXPECTED) {
                        refused.incrementAndGet();
                    }
                }));
    }
}
