package dev.sherd.conformance;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a suite does when its database server is down: on a developer machine it skips, loudly (a
 * banner on standard output and a skipped test class); in CI ({@code CI=true}) it fails, because
 * a suite that silently stops running is worse than a red build. Stateless.
 */
final class ServerAvailability {

    private ServerAvailability() {
    }

    /** Returns when {@code backend} can be used; otherwise skips or fails the calling test class. */
    static void require(Backend backend, String suite) {
        if (!backend.isServer()) {
            return;
        }
        Optional<String> problem = ServerAdmin.unreachable(backend);
        if (problem.isEmpty()) {
            return;
        }
        String what = backend.displayName() + " conformance (" + suite + ") — server not reachable at " + backend.address()
                + " as " + backend.user() + ": " + problem.get();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            banner("FAILED: " + what, "CI=true, so every backend must run; .ci/run starts the servers before mvn -B verify.");
            Assertions.fail("FAILED: " + what + " (CI=true: a missing server fails the run)");
        }
        banner("SKIPPED: " + what, "Start the server (see conformance-tests/README.md) or run .ci/run. With CI=true this fails.");
        Assumptions.abort("SKIPPED: " + what);
    }

    private static void banner(String headline, String hint) {
        String rule = "=".repeat(100);
        System.out.println(rule + "\n" + headline + "\n" + hint + "\n" + rule);
    }
}
