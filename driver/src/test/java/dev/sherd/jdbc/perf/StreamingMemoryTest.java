package dev.sherd.jdbc.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming a 1,000,000-row {@code ORDER BY} result from 4 shards keeps the heap bounded: the
 * used heap after a full GC, measured while the application iterates, must not grow with the rows
 * already read. A driver that kept rows (a buffered shard result, a materialised merge) would hold
 * about 100 bytes per row read: some 80 MB more at 900,000 rows than at 100,000; the bound allows
 * {@value #ALLOWED_GROWTH_MB} MB.
 *
 * <p>The shards are H2 in-memory databases opened with {@code LAZY_QUERY_EXECUTION=1}, so H2
 * streams each shard's rows from its primary-key index too and whatever grows is the driver's. Rows
 * are spread over the shards by {@code id % 4} rather than by the driver's hash: a statement without
 * a key predicate reads every shard whatever the placement. Not a timing test.
 */
class StreamingMemoryTest {

  private static final int SHARDS = 4;
  private static final int ROWS = 1_000_000;
  private static final int FETCH_SIZE = 100;
  private static final long ALLOWED_GROWTH_MB = 24;
  private static final int[] CHECKPOINTS = {100_000, 500_000, 900_000};

  @TempDir
  static Path dir;
  private static final List<String> urls = new ArrayList<>();
  private static Path config;

  @BeforeAll
  static void load() throws Exception {
    String unique = "perf_stream_" + Long.toHexString(System.nanoTime());
    StringBuilder yaml = new StringBuilder("shards:\n");
    for (int s = 0; s < SHARDS; s++) {
      String url = "jdbc:h2:mem:" + unique + "_s" + s
          + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=0;LAZY_QUERY_EXECUTION=1";
      urls.add(url);
      yaml.append("  s").append(s).append(": { url: \"").append(url)
          .append("\", user: sa, password: \"\" }\n");
      try (Connection c = DriverManager.getConnection(url, "sa", "");
           Statement st = c.createStatement()) {
        st.execute("CREATE TABLE big (id BIGINT PRIMARY KEY, v INT NOT NULL,"
            + " s VARCHAR(20) NOT NULL)");
        st.execute("INSERT INTO big SELECT X * " + SHARDS + " + " + s + ", MOD(X, 1000),"
            + " CONCAT('row-', X * " + SHARDS + " + " + s + ") FROM SYSTEM_RANGE(0, "
            + (ROWS / SHARDS - 1) + ")");
      }
    }
    yaml.append("default-shard: s0\ncache: false\ntables:\n")
        .append("  big: { sharding-key: id, algorithm: hash }\n");
    config = dir.resolve("stream.yaml");
    Files.writeString(config, yaml.toString());
  }

  @AfterAll
  static void drop() throws SQLException {
    for (String url : urls) {
      try (Connection c = DriverManager.getConnection(url, "sa", "");
           Statement st = c.createStatement()) {
        st.execute("SHUTDOWN");
      }
    }
    urls.clear();
  }

  @Test
  void orderByAcrossShards_heapDoesNotGrowWithRowsRead(TestReporter report) throws Exception {
    long[] used = new long[CHECKPOINTS.length];
    int read = 0;
    int checkpoint = 0;
    long previous = -1;
    try (Connection c = DriverManager.getConnection("jdbc:sherd:" + config);
         PreparedStatement ps = c.prepareStatement("SELECT id, v, s FROM big ORDER BY id")) {
      ps.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (id <= previous || rs.getString(3).length() < 5) {
            throw new AssertionError("row " + read + ": id " + id + " after " + previous);
          }
          previous = id;
          read++;
          if (checkpoint < CHECKPOINTS.length && read == CHECKPOINTS[checkpoint]) {
            used[checkpoint++] = usedHeapAfterGc();
          }
        }
      }
    }
    assertEquals(ROWS, read, "rows streamed");
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < CHECKPOINTS.length; i++) {
      trace.append(i == 0 ? "" : ", ").append(CHECKPOINTS[i]).append(" rows: ")
          .append(used[i] >> 20).append(" MB");
    }
    report.publishEntry("used heap after GC", trace.toString());
    long growth = used[CHECKPOINTS.length - 1] - used[0];
    assertTrue(growth < ALLOWED_GROWTH_MB << 20, "used heap grew by " + (growth >> 20)
        + " MB while streaming (" + trace + ")");
  }

  /** The smallest used heap seen over three explicit (full) collections. */
  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
