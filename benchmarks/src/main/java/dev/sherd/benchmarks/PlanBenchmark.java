package dev.sherd.benchmarks;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.sql.Planner;
import dev.sherd.sql.plan.StatementPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 6: what planning costs, on Sherd's {@link Planner} alone (no database): classify,
 * parse (Calcite), analyse, route, rewrite a SQL text the planner has not seen ({@code newText}),
 * against the plan-cache lookup every later execution of a known text pays ({@code cacheHit}).
 *
 * <p>A new text is the statement's template with a literal that changes every call (as an
 * application that pastes values into SQL produces); the cache hit uses the same template with a
 * fixed literal. The cache holds 10,000 plans, as the driver's does, so after 10,000 calls {@code
 * newText} also pays for an eviction. The statements are the benchmarks' own point select, GROUP BY
 * and INSERT. Sherd only: ShardingSphere's parser is not reachable on its own through a stable API.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PlanBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class PlanBenchmark {

  @Param({"pointSelect", "groupBy", "insert"})
  public String statement;

  private Planner planner;
  private String template;
  private String known;
  private long literal = 1_000_000;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < OrdersData.SHARDS; i++) {
      urls.add("jdbc:h2:mem:plan_s" + i + OrdersCluster.H2_OPTIONS);
    }
    planner = new Planner(ClusterConfig.parse(OrdersCluster.sherdYaml(urls), "bench"),
        Planner.DEFAULT_MAX_PLANS);
    template = switch (statement) {
      case "pointSelect" -> "SELECT order_id, user_id, category, amount, qty FROM orders"
          + " WHERE user_id = ? AND order_id = %d";
      case "groupBy" -> "SELECT category, COUNT(*), SUM(amount), AVG(amount) FROM orders"
          + " WHERE qty < %d GROUP BY category";
      case "insert" -> "INSERT INTO order_log (user_id, order_id, category, amount, qty)"
          + " VALUES (?, %d, ?, ?, ?)";
      default -> throw new IllegalArgumentException("statement was '" + statement
          + "'; expected pointSelect, groupBy or insert");
    };
    known = String.format(template, 7);
    planner.plan(known);
  }

  @Benchmark
  public StatementPlan cacheHit() throws Exception {
    return planner.plan(known);
  }

  @Benchmark
  public StatementPlan newText() throws Exception {
    return planner.plan(template.replace("%d", Long.toString(literal++)));
  }
}
