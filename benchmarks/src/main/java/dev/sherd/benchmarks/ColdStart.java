package dev.sherd.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start: a fresh JVM, from {@code DriverManager.getConnection} to the first row of a point
 * select, each way, N runs, median reported. Not a JMH benchmark: JMH measures warm code.
 *
 * <p>Run (from the repository root): {@code java -cp benchmarks/target/benchmarks.jar
 * dev.sherd.benchmarks.ColdStart [runs]} (default 11 runs per way).
 *
 * <p>The parent creates H2 <em>file</em> databases (the 4 shards and the one big database, with
 * the benchmarks' data) in a temporary directory, writes Sherd's and ShardingSphere's configs over
 * them, and starts one child JVM per run and way, ways interleaved so load drift hits all alike.
 * The child ({@code ColdStart child ...}) takes the time from just before
 * {@code DriverManager.getConnection} (plain, unpooled for the direct ways; {@code jdbc:sherd:} and
 * {@code jdbc:shardingsphere:} for the drivers) until the first row's columns are read, and also
 * reports the JVM's uptime at that point (JVM boot and class loading of {@code main} included). The
 * children run from the same shaded jar, so {@code DriverManager} initialises the same set of
 * drivers (H2, Sherd, ShardingSphere, PostgreSQL, MariaDB) in every way.
 */
public final class ColdStart {

  private static final String PREFIX = "coldstart ";

  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("child")) {
      child(Way.of(args[1]), args[2], Long.parseLong(args[3]), Long.parseLong(args[4]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    Path dir = Files.createTempDirectory("sherd-coldstart-");
    try {
      parent(dir, runs);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void parent(Path dir, int runs) throws Exception {
    List<String> shardUrls = new ArrayList<>();
    for (int i = 0; i < OrdersData.SHARDS; i++) {
      shardUrls.add("jdbc:h2:file:" + dir.resolve("s" + i) + OrdersCluster.H2_OPTIONS);
    }
    String singleUrl = "jdbc:h2:file:" + dir.resolve("single") + OrdersCluster.H2_OPTIONS;
    OrdersData data = new OrdersData(OrdersCluster.sherdPlacement(
        OrdersCluster.sherdYaml(shardUrls)));
    System.out.println("loading H2 file databases in " + dir + " ...");
    for (int i = 0; i < OrdersData.SHARDS; i++) {
      load(shardUrls.get(i), data, i);
    }
    load(singleUrl, data, -1);
    Path sherdYaml = dir.resolve("sherd.yaml");
    Files.writeString(sherdYaml, OrdersCluster.sherdYaml(shardUrls));
    Path ssYaml = dir.resolve("shardingsphere.yaml");
    Files.writeString(ssYaml, OrdersCluster.shardingSphereYaml(shardUrls));

    int onS0 = Shuffle.indexes(OrdersData.ORDERS, data.ordersOf(0), 1)[0];
    int anywhere = Shuffle.indexes(OrdersData.ORDERS, data.ordersOf(-1), 1)[0];
    Map<Way, String> target = new EnumMap<>(Way.class);
    target.put(Way.SHERD, "jdbc:sherd:" + sherdYaml);
    target.put(Way.DIRECT_ONE_SHARD, shardUrls.get(0));
    target.put(Way.DIRECT, singleUrl);
    target.put(Way.SHARDINGSPHERE, "jdbc:shardingsphere:absolutepath:" + ssYaml);

    Map<Way, List<double[]>> samples = new EnumMap<>(Way.class);
    for (int run = 0; run < runs; run++) {
      for (Way way : Way.values()) {
        int k = way == Way.DIRECT_ONE_SHARD ? onS0 : anywhere;
        double[] sample = runChild(way, target.get(way), data.orderUser[k], k + 1L);
        samples.computeIfAbsent(way, w -> new ArrayList<>()).add(sample);
        System.out.printf(Locale.ROOT, "run %2d %-15s first row after %7.1f ms (JVM uptime %7.1f"
            + " ms)%n", run + 1, way.param, sample[0], sample[1]);
      }
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%d runs per way; milliseconds; median [min – max]%n", runs);
    System.out.println("| way | getConnection → first row | JVM start → first row |");
    System.out.println("|---|---|---|");
    for (Way way : Way.values()) {
      List<double[]> s = samples.get(way);
      System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", way.param, summary(s, 0),
          summary(s, 1));
    }
  }

  private static void load(String url, OrdersData data, int shard) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, OrdersCluster.USER,
        OrdersCluster.PASSWORD)) {
      data.load(c, shard);
      try (Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      }
    }
  }

  private static String summary(List<double[]> samples, int column) {
    double[] v = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    double median = v.length % 2 == 1 ? v[v.length / 2]
        : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return String.format(Locale.ROOT, "%.0f [%.0f – %.0f]", median, v[0], v[v.length - 1]);
  }

  private static double[] runChild(Way way, String url, long user, long order)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), ColdStart.class.getName(), "child", way.param, url,
        Long.toString(user), Long.toString(order)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        output.add(line);
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException(way.param + " child failed: " + String.join("\n", output));
    }
    for (String line : output) {
      if (line.startsWith(PREFIX)) {
        return Arrays.stream(line.substring(PREFIX.length()).trim().split(" "))
            .mapToDouble(Double::parseDouble).toArray();
      }
    }
    throw new IllegalStateException(way.param + " child printed no timing: "
        + String.join("\n", output));
  }

  /** In the fresh JVM: connect, point select, read the row; prints the two times. */
  private static void child(Way way, String url, long user, long order) throws SQLException {
    long start = System.nanoTime();
    long firstRow;
    try (Connection c = way == Way.SHERD || way == Way.SHARDINGSPHERE
        ? DriverManager.getConnection(url)
        : DriverManager.getConnection(url, OrdersCluster.USER, OrdersCluster.PASSWORD);
         PreparedStatement ps = c.prepareStatement(PointSelectBenchmark.SQL)) {
      ps.setLong(1, user);
      ps.setLong(2, order);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getLong(1) != order || rs.getString(3) == null) {
          throw new IllegalStateException("no order " + order);
        }
        rs.getBigDecimal(4);
        firstRow = System.nanoTime();
      }
    }
    double uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    double elapsed = (firstRow - start) / 1e6;
    // uptime is taken after closing; correct it to the first row
    double uptimeAtFirstRow = uptime - (System.nanoTime() - firstRow) / 1e6;
    System.out.printf(Locale.ROOT, PREFIX + "%.2f %.2f%n", elapsed, uptimeAtFirstRow);
    System.out.flush();
    System.exit(0);
  }
}
