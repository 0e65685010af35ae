package dev.sherd.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into the Markdown tables of {@code RESULTS.md}: every score with
 * its error, then per benchmark Sherd's ratios against the other ways of the same run and the
 * issue's targets. Ratios are of throughput (ops/s): above 1 means Sherd is faster.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.sherd.benchmarks.ResultsTable
 * results.json}.
 */
public final class ResultsTable {

  /** A target: sherd / baseline must be at least {@code min}. */
  private record Target(String baseline, double min) {}

  private static final Map<String, Target> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("PointSelectBenchmark.preparedOnce", new Target("directOneShard", 0.85));
    TARGETS.put("PointSelectBenchmark.preparedOnce2Threads", new Target("directOneShard", 0.85));
    TARGETS.put("PointSelectBenchmark.preparedPerCall", new Target("directOneShard", 0.75));
    TARGETS.put("PointSelectBenchmark.preparedPerCall2Threads",
        new Target("directOneShard", 0.75));
    TARGETS.put("InsertBenchmark.singleRow", new Target("directOneShard", 0.85));
    TARGETS.put("ScatterBenchmark.groupBy", new Target("direct", 1.2));
    TARGETS.put("ScatterBenchmark.orderByLimit", new Target("direct", 1.2));
  }

  private ResultsTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable <jmh-result.json>");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    // benchmark (with non-way params) -> way -> {score, error}
    Map<String, Map<String, double[]>> byBenchmark = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    System.out.println("| benchmark | way | score | ± error (99.9%) | unit |");
    System.out.println("|---|---|---:|---:|---|");
    for (JsonNode r : results) {
      String name = r.get("benchmark").asText().replace("dev.sherd.benchmarks.", "");
      String way = "-";
      List<String> other = new ArrayList<>();
      JsonNode params = r.get("params");
      if (params != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> p = it.next();
          if (p.getKey().equals("way")) {
            way = p.getValue().asText();
          } else {
            other.add(p.getKey() + "=" + p.getValue().asText());
          }
        }
      }
      String key = other.isEmpty() ? name : name + " (" + String.join(", ", other) + ")";
      JsonNode m = r.get("primaryMetric");
      double score = m.get("score").asDouble();
      double error = m.get("scoreError").asDouble();
      String unit = m.get("scoreUnit").asText();
      units.put(key, unit);
      byBenchmark.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(way,
          new double[] {score, error});
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", key, way, number(score),
          Double.isNaN(error) ? "–" : number(error), unit);
    }
    System.out.println();
    System.out.println("| benchmark | sherd / directOneShard | sherd / direct"
        + " | sherd / shardingsphere | target | met? |");
    System.out.println("|---|---:|---:|---:|---|---|");
    for (Map.Entry<String, Map<String, double[]>> e : byBenchmark.entrySet()) {
      Map<String, double[]> ways = e.getValue();
      if (!ways.containsKey("sherd") || !units.get(e.getKey()).endsWith("/s")) {
        continue;
      }
      double sherd = ways.get("sherd")[0];
      String base = e.getKey().replaceAll(" \\(.*", "");
      Target t = TARGETS.get(base);
      String target = "ahead of shardingsphere";
      boolean met = ratio(ways, "shardingsphere", sherd) > 1;
      if (t != null) {
        target = "≥ " + t.min() + " × " + t.baseline() + "; " + target;
        met = met && ratio(ways, t.baseline(), sherd) >= t.min();
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", e.getKey(),
          ratioText(ways, "directOneShard", sherd), ratioText(ways, "direct", sherd),
          ratioText(ways, "shardingsphere", sherd), target, met ? "yes" : "**no**");
    }
  }

  private static double ratio(Map<String, double[]> ways, String baseline, double sherd) {
    double[] b = ways.get(baseline);
    return b == null ? Double.NaN : sherd / b[0];
  }

  private static String ratioText(Map<String, double[]> ways, String baseline, double sherd) {
    double r = ratio(ways, baseline, sherd);
    return Double.isNaN(r) ? "–" : String.format(Locale.ROOT, "%.2f", r);
  }

  private static String number(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (Math.abs(v) >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
