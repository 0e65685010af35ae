package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks after every test what must hold once a test has closed what it opened: no shard
 * connection is still lent out of any pool, no shard session holds uncommitted changes (no open
 * shard transaction), no prepared two-phase-commit branch is left in doubt, and no cluster runtime
 * was left behind. Register it as an instance field:
 * {@code @RegisterExtension final ShardInvariants invariants = new ShardInvariants(() -> cluster);}
 */
final class ShardInvariants implements BeforeEachCallback, AfterEachCallback {

  private final Supplier<H2Cluster> cluster;
  private int runtimesBefore;

  ShardInvariants(Supplier<H2Cluster> cluster) {
    this.cluster = cluster;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    runtimesBefore = ClusterRegistry.liveRuntimes();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    H2Cluster c = cluster.get();
    List<String> problems = new ArrayList<>();
    ClusterRuntime runtime = c.runtime();
    if (runtime != null) {
      problems.addAll(ShardLeaks.borrowed(runtime.pools(), H2Cluster.SHARDS));
    }
    for (int i = 0; i < H2Cluster.SHARDS; i++) {
      long open = c.uncommittedSessions(i);
      if (open != 0) {
        problems.add("open shard transaction: s" + i + " has " + open
            + " session(s) with uncommitted changes");
      }
      long inDoubt = c.inDoubtBranches(i);
      if (inDoubt != 0) {
        problems.add("prepared branch left in doubt: s" + i + " has " + inDoubt);
      }
    }
    int runtimes = ClusterRegistry.liveRuntimes();
    if (runtimes != runtimesBefore) {
      problems.add("cluster runtimes: " + runtimesBefore + " before the test, " + runtimes
          + " after");
    }
    assertEquals(List.of(), problems, "invariants after " + context.getDisplayName());
  }
}
