package dev.sherd.conformance;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * What a suite does when its database server is down: on a developer machine it skips, loudly (a
 * banner on standard output and a skipped test that carries the reason, so the surefire summary
 * counts it); in CI ({@code CI=true}) it fails, because a suite that silently stops running is
 * worse than a red build. Stateless.
 */
final class ServerAvailability {

    private ServerAvailability() {
    }

    /**
     * Empty when {@code backend} can be used. Otherwise prints a banner and returns why, for
     * {@link #skipped}; with {@code CI=true} fails the calling test class instead.
     */
    static Optional<String> check(Backend backend, String suite) {
        if (!backend.isServer()) {
            return Optional.empty();
        }
        Optional<String> problem = ServerAdmin.unreachable(backend);
        if (problem.isEmpty()) {
            return Optional.empty();
        }
        String what = backend.displayName() + " conformance (" + suite + ") — server not reachable at " + backend.address()
                + " as " + backend.user() + ": " + problem.get();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            banner("FAILED: " + what, "CI=true, so every backend must run; .ci/run starts the servers before mvn -B verify.");
            Assertions.fail("FAILED: " + what + " (CI=true: a missing server fails the run)");
        }
        banner("SKIPPED: " + what, "Start the server (see conformance-tests/README.md) or run .ci/run. With CI=true this fails.");
        return Optional.of("SKIPPED: " + what);
    }

    /** The one test a suite without its server reports: skipped, with the reason. */
    static DynamicTest skipped(String why) {
        return dynamicTest(why, () -> Assumptions.abort(why));
    }

    private static void banner(String headline, String hint) {
        String rule = "=".repeat(100);
        System.out.println(rule + "\n" + headline + "\n" + hint + "\n" + rule);
    }
}
