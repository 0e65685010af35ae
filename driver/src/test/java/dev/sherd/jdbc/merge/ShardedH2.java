package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.jdbc.result.ShardCursor;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Four H2 tables S0..S3 that split the rows of one table ALLROWS: the shards of a test cluster.
 * A query written with {@code {T}} runs per shard (with S0..S3) or on ALLROWS, which gives what
 * one database answers for the merged result.
 */
final class ShardedH2 implements AutoCloseable {

  static final int SHARDS = 4;
  static final String SCHEMA = "(ID INT PRIMARY KEY, G INT, G2 VARCHAR(10), I INT, B BIGINT,"
      + " D DECIMAL(12,2), F DOUBLE, V VARCHAR(20), DT DATE)";

  private final Connection connection;

  /** {@code rows} random rows (fixed seed) spread randomly over the shards. */
  ShardedH2(String name, int rows, long seed) throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";OPTIMIZE_REUSE_RESULTS=0");
    createTables(SCHEMA);
    Random random = new Random(seed);
    String insert = "INSERT INTO %s VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement all = connection.prepareStatement(String.format(insert, "ALLROWS"))) {
      List<PreparedStatement> shards = new ArrayList<>();
      for (int s = 0; s < SHARDS; s++) {
        shards.add(connection.prepareStatement(String.format(insert, "S" + s)));
      }
      for (int id = 0; id < rows; id++) {
        Object[] row = {id, maybe(random, 10, random.nextInt(10)),
            maybe(random, 8, String.valueOf((char) ('a' + random.nextInt(4)))),
            maybe(random, 6, random.nextInt(2001) - 1000),
            maybe(random, 6, random.nextLong() % 1_000_000_000_000L),
            maybe(random, 6, BigDecimal.valueOf(random.nextInt(200_001) - 100_000, 2)),
            maybe(random, 6, (random.nextInt(8001) - 4000) / 4.0),
            maybe(random, 6, randomText(random)),
            maybe(random, 6, LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)))};
        insert(all, row);
        insert(shards.get(random.nextInt(SHARDS)), row);
      }
      for (PreparedStatement ps : shards) {
        ps.close();
      }
    }
  }

  /** Tables with the given schema and no rows, to be filled with {@link #insert}. */
  ShardedH2(String name, String schema) throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + name + ";OPTIMIZE_REUSE_RESULTS=0");
    createTables(schema);
  }

  private void createTables(String schema) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE ALLROWS" + schema);
      for (int i = 0; i < SHARDS; i++) {
        s.execute("CREATE TABLE S" + i + schema);
      }
    }
  }

  /** Inserts one row into ALLROWS and into shard {@code shard}. */
  void insert(int shard, Object... row) throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(row.length, "?"));
    for (String table : List.of("ALLROWS", "S" + shard)) {
      try (PreparedStatement ps = connection.prepareStatement(
          "INSERT INTO " + table + " VALUES (" + marks + ")")) {
        insert(ps, row);
      }
    }
  }

  private static void insert(PreparedStatement ps, Object[] row) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      ps.setObject(i + 1, row[i]);
    }
    ps.executeUpdate();
  }

  private static Object maybe(Random random, int oneInNull, Object value) {
    return random.nextInt(oneInNull) == 0 ? null : value;
  }

  private static String randomText(Random random) {
    String letters = "aAbBcCzZ";
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(4) + 1; i > 0; i--) {
      sb.append(letters.charAt(random.nextInt(letters.length())));
    }
    return sb.toString();
  }

  /** One cursor per shard running {@code sql} with {@code {T}} replaced by the shard's table. */
  List<RowCursor> shardCursors(String sql, Object... params) throws SQLException {
    List<RowCursor> cursors = new ArrayList<>();
    for (int s = 0; s < SHARDS; s++) {
      PreparedStatement ps = connection.prepareStatement(sql.replace("{T}", "S" + s));
      bind(ps, params);
      cursors.add(new ShardCursor("s" + s, ps.executeQuery(), ps));
    }
    return cursors;
  }

  /** The rows one database returns for {@code sql} over ALLROWS. */
  List<List<Object>> query(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql.replace("{T}", "ALLROWS"))) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<List<Object>> rows = new ArrayList<>();
        int width = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(Arrays.asList(row));
        }
        return rows;
      }
    }
  }

  /** The columns the database reports for {@code sql} over ALLROWS. */
  List<ColumnInfo> describe(String sql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql.replace("{T}", "ALLROWS"))) {
      return ColumnInfo.from(ps.getMetaData());
    }
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }

  /** Rows in a canonical order, for comparing unordered results. */
  static List<List<Object>> canonical(List<List<Object>> rows) {
    List<List<Object>> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(ShardedH2::describeRow));
    return sorted;
  }

  private static String describeRow(List<Object> row) {
    StringBuilder sb = new StringBuilder();
    for (Object v : row) {
      sb.append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v).append('|');
    }
    return sb.toString();
  }

  @Override public void close() throws SQLException {
    connection.close();
  }
}
