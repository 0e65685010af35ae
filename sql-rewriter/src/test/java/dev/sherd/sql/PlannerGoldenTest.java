package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ConfigException;
import dev.sherd.metadata.ShardedTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden planner cases: parse → analyse → route → rewrite, without any database. Each case in
 * {@code golden/planner-cases.txt} states what one database holding all rows would need — which
 * shards, which SQL, which merge — and this runner compares the planner's answer key by key. Only
 * the keys a case lists are compared ({@code refused} and {@code error} by substring, the rest
 * exactly). A failure prints the differing lines and the whole actual description, ready to paste
 * into the file when the new behaviour is the right one.
 *
 * <p>Run one case: {@code mvn -o -q -pl sql-rewriter test -Dtest='PlannerGoldenTest#cases'}, then
 * look for its name in the report.
 */
class PlannerGoldenTest {

  static final String CASES = "/golden/planner-cases.txt";
  static final String CLUSTER = "/golden/cluster.yaml";

  static ClusterConfig cluster() {
    try (InputStream in = PlannerGoldenTest.class.getResourceAsStream(CLUSTER)) {
      return ClusterConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), CLUSTER);
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException("cannot load " + CLUSTER, e);
    }
  }

  @TestFactory
  Stream<DynamicTest> cases() {
    ClusterConfig config = cluster();
    Planner planner = new Planner(config, 1_000);
    PlanDescriber describer = new PlanDescriber(planner);
    return GoldenCase.load(CASES).stream().map(c -> DynamicTest.dynamicTest(
        c.name() + " (line " + c.line() + ")", () -> check(c, describer.describe(c.sql(), c.params()))));
  }

  private static void check(GoldenCase c, Map<String, List<String>> actual) {
    List<String> diff = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : c.expected().entrySet()) {
      String key = e.getKey();
      List<String> want = e.getValue();
      List<String> got = key.equals("fails") ? failures(actual) : actual.getOrDefault(key, List.of());
      boolean same = key.equals("fails")
          ? got.size() == 1 && (want.get(0).equals("*") || got.get(0).contains(want.get(0)))
          : key.equals("refused")
          ? got.size() == 1 && want.size() == 1
              && (want.get(0).equals("*") || got.get(0).contains(want.get(0)))
          : key.equals("error")
          ? got.size() == 1 && want.size() == 1 && errorMatches(want.get(0), got.get(0))
          : want.equals(got);
      if (!same) {
        want.forEach(v -> diff.add("  - " + key + ": " + v));
        if (got.isEmpty()) {
          diff.add("  + " + key + " (absent)");
        }
        got.forEach(v -> diff.add("  + " + key + ": " + v));
      }
    }
    if (actual.containsKey("invariant")) {
      actual.get("invariant").forEach(v -> diff.add("  ! invariant: " + v));
    }
    if (!diff.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      sb.append(CASES).append(':').append(c.line()).append(" [").append(c.name()).append("]\n");
      sb.append("  sql: ").append(c.sql().replace("\n", "\n  sql: ")).append('\n');
      if (c.params() != null) {
        sb.append("  params: ").append(Arrays.toString(c.params())).append('\n');
      }
      sb.append("expected (-) vs actual (+):\n");
      diff.forEach(line -> sb.append(line).append('\n'));
      sb.append("actual description:\n");
      actual.forEach((k, vs) -> vs.forEach(v -> sb.append("  ").append(k).append(": ").append(v)
          .append('\n')));
      fail(sb.toString());
    }
  }

  /** The refusal or error of a statement that is not planned, as one line; empty if planned. */
  private static List<String> failures(Map<String, List<String>> actual) {
    List<String> all = new ArrayList<>(actual.getOrDefault("refused", List.of()));
    all.addAll(actual.getOrDefault("error", List.of()));
    return all;
  }

  /** "Class STATE: text" matches an error of that class and SQLState whose message has the text. */
  static boolean errorMatches(String want, String got) {
    int w = want.indexOf(": ");
    int g = got.indexOf(": ");
    if (w < 0 || g < 0) {
      return got.contains(want);
    }
    return want.substring(0, w).equals(got.substring(0, g))
        && got.substring(g + 2).contains(want.substring(w + 2));
  }

  @Test
  void caseFile_hasEnoughUniquelyNamedCases() {
    List<GoldenCase> cases = GoldenCase.load(CASES);
    Set<String> names = new HashSet<>();
    for (GoldenCase c : cases) {
      assertTrue(names.add(c.name()), "duplicate case name " + c.name());
    }
    assertTrue(cases.size() >= 80, "only " + cases.size() + " golden cases");
  }

  /** The cases name shards for hashed ids; if the hash or bucket map changes, fix the cases. */
  @Test
  void hashPlacement_ofIdsTheCasesUse_isAsDocumented() {
    ClusterConfig config = cluster();
    ShardedTable customers = (ShardedTable) config.tableRule("customers").orElseThrow();
    ShardedTable orders = (ShardedTable) config.tableRule("orders").orElseThrow();
    long[] ids = {1, 2, 3, 4, 5, 7, 9, 11};
    int[] shards = {0, 1, 0, 3, 0, 2, 2, 2};
    for (int i = 0; i < ids.length; i++) {
      assertEquals(shards[i], customers.function().shardOf(ids[i]), "customers id " + ids[i]);
      assertEquals(shards[i], orders.function().shardOf(ids[i]), "orders customer_id " + ids[i]);
    }
  }

  @Test
  void paramsParser_readsEveryKindOfValue() {
    Object[] p = GoldenCase.parseParams("7, 'a, ''b''', null, 1.50, true, '2024-05-01'", 1);
    assertEquals(Arrays.asList(7L, "a, 'b'", null, new java.math.BigDecimal("1.50"), true,
        "2024-05-01"), Arrays.asList(p));
  }
}
