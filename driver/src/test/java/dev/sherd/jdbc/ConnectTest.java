package dev.sherd.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening connections: every URL form and the data source; bad configs fail with SQLState 08001
 * naming the file and the key path, and never show the password.
 */
class ConnectTest {

  private static final String SECRET = H2Cluster.PASSWORD;

  @TempDir
  static Path dir;
  static H2Cluster cluster;

  @RegisterExtension
  final ShardInvariants invariants = new ShardInvariants(() -> cluster);

  @BeforeAll
  static void start() throws Exception {
    cluster = H2Cluster.start(dir, "connect");
    cluster.onEveryShard("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
  }

  @AfterAll
  static void stop() throws Exception {
    cluster.close();
  }

  // ---- URL forms ------------------------------------------------------------------------------

  @Test
  void getConnection_absolutePathUrl_opensWorkingConnection() throws Exception {
    try (Connection c = DriverManager.getConnection(cluster.url())) {
      assertWorks(c);
      assertInstanceOf(SherdConnection.class, c);
    }
  }

  @Test
  void getConnection_urlAndProperties_opensWorkingConnection() throws Exception {
    Properties props = new Properties();
    props.setProperty("user", "ignored");
    props.setProperty("password", "ignored");
    try (Connection c = DriverManager.getConnection(cluster.url(), props)) {
      assertWorks(c);
    }
    try (Connection c = DriverManager.getConnection(cluster.url(), "someone", "whatever")) {
      assertWorks(c);
    }
  }

  @Test
  void getConnection_relativePath_resolvesAgainstWorkingDirectory() throws Exception {
    Path relative = Path.of("").toAbsolutePath().relativize(cluster.configFile());
    assertFalse(relative.isAbsolute());
    try (Connection c = DriverManager.getConnection("jdbc:sherd:" + relative)) {
      assertWorks(c);
      // same config, same runtime as the absolute URL's
      assertSame(cluster.runtime(), c.unwrap(SherdConnection.class).runtime());
    }
  }

  @Test
  void getConnection_classpathUrl_readsTheResource() throws Exception {
    String url = "jdbc:sherd:classpath:dev/sherd/jdbc/classpath-cluster.yaml";
    try (Connection c = DriverManager.getConnection(url)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
        assertEquals(3, s.executeUpdate("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'),"
            + " (3, 'c')"));
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
          assertTrue(rs.next());
          assertEquals(3, rs.getLong(1));
        }
        s.execute("DROP TABLE t");
      }
      // a leading slash names the same resource
      try (Connection again = DriverManager.getConnection(
          "jdbc:sherd:classpath:/dev/sherd/jdbc/classpath-cluster.yaml")) {
        assertSame(c.unwrap(SherdConnection.class).runtime(),
            again.unwrap(SherdConnection.class).runtime());
      }
    }
  }

  @Test
  void dataSource_getConnection_opensWorkingConnectionsOnOneRuntime() throws Exception {
    int before = ClusterRegistry.liveRuntimes();
    try (SherdDataSource ds = new SherdDataSource()) {
      ds.setUrl(cluster.url());
      try (Connection a = ds.getConnection(); Connection b = ds.getConnection("x", "y")) {
        assertWorks(a);
        assertWorks(b);
        assertSame(a.unwrap(SherdConnection.class).runtime(),
            b.unwrap(SherdConnection.class).runtime());
        assertSame(cluster.runtime(), a.unwrap(SherdConnection.class).runtime());
      }
      assertEquals(before, ClusterRegistry.liveRuntimes());
    }
  }

  @Test
  void dataSource_withoutUrl_throws08001() {
    try (SherdDataSource ds = new SherdDataSource()) {
      SQLException e = assertThrows(SQLException.class, ds::getConnection);
      assertEquals("08001", e.getSQLState());
    }
  }

  @Test
  void driver_otherUrl_isNotAccepted() throws Exception {
    SherdDriver driver = new SherdDriver();
    assertFalse(driver.acceptsURL("jdbc:h2:mem:x"));
    assertNull(driver.connect("jdbc:h2:mem:x", new Properties()));
    assertTrue(driver.acceptsURL(cluster.url()));
    assertInstanceOf(SherdDriver.class, DriverManager.getDriver(cluster.url()));
  }

  // ---- bad configs ----------------------------------------------------------------------------

  @Test
  void getConnection_missingFile_throws08001NamingTheFile() {
    Path missing = dir.resolve("no-such-cluster.yaml");
    SQLException e = assertConfigError("jdbc:sherd:" + missing);
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  void getConnection_missingClasspathResource_throws08001NamingTheResource() {
    SQLException e = assertConfigError("jdbc:sherd:classpath:dev/sherd/jdbc/nope.yaml");
    assertTrue(e.getMessage().contains("classpath:dev/sherd/jdbc/nope.yaml"), e.getMessage());
  }

  @Test
  void getConnection_urlWithoutLocation_throws08001() {
    assertConfigError("jdbc:sherd:");
  }

  @Test
  void getConnection_unknownDefaultShard_throws08001NamingFileAndKeyPath() throws Exception {
    Path file = config("unknown-default", shards("bad_default") + "default-shard: s9\n");
    SQLException e = assertConfigError("jdbc:sherd:" + file);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("default-shard"), e.getMessage());
    assertTrue(e.getMessage().contains("s9"), e.getMessage());
  }

  @Test
  void getConnection_rangeNamingUnknownShard_throws08001NamingFileAndKeyPath() throws Exception {
    Path file = config("unknown-range-shard", shards("bad_range") + """
        tables:
          events:
            sharding-key: id
            algorithm: range
            ranges:
              - { shard: s0, to: 100 }
              - { shard: s7, from: 100 }
        """);
    SQLException e = assertConfigError("jdbc:sherd:" + file);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("tables.events.ranges[1].shard"), e.getMessage());
  }

  @Test
  void getConnection_malformedYaml_throws08001NamingFileAndLine() throws Exception {
    Path file = config("malformed", shards("bad_yaml") + "tables:\n  t: { sharding-key: id\n");
    SQLException e = assertConfigError("jdbc:sherd:" + file);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void getConnection_malformedYamlOnThePasswordLine_neverQuotesThePassword() throws Exception {
    String yaml = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl("bad_pw_line", 0) + "\"\n"
        + "    user: sa\n    password: " + SECRET + ": oops\n";
    Path file = config("malformed-password", yaml);
    assertConfigError("jdbc:sherd:" + file);
    String unterminated = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl("bad_pw_quote", 0)
        + "\"\n    user: sa\n    password: \"" + SECRET + "\n    pool: { a: b }\n";
    assertConfigError("jdbc:sherd:" + config("unterminated-password", unterminated));
  }

  @Test
  void getConnection_unquotedNumericPassword_failsWithoutEchoingIt() throws Exception {
    String yaml = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl("bad_pw_type", 0) + "\"\n"
        + "    user: sa\n    password: 7359104\n";
    SQLException e = assertConfigError("jdbc:sherd:" + config("numeric-password", yaml));
    assertTrue(e.getMessage().contains("shards.s0.password"), e.getMessage());
    NoSecrets.assertAbsent("7359104", e);
  }

  @Test
  void getConnection_unknownShardKey_throws08001NamingTheKeyPath() throws Exception {
    String yaml = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl("bad_key", 0) + "\"\n"
        + "    user: sa\n    passwd: \"" + SECRET + "\"\n";
    SQLException e = assertConfigError("jdbc:sherd:" + config("unknown-key", yaml));
    assertTrue(e.getMessage().contains("shards.s0.passwd"), e.getMessage());
  }

  @Test
  void getConnection_unknownPoolProperty_throws08001NamingFileAndKeyPath() throws Exception {
    String yaml = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl("bad_pool", 0) + "\"\n"
        + "    user: sa\n    password: \"" + SECRET + "\"\n"
        + "    pool: { maximumPoolSiz: 4 }\n";
    Path file = config("bad-pool", yaml);
    int before = ClusterRegistry.liveRuntimes();
    SQLException e = assertConfigError("jdbc:sherd:" + file);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("shards.s0.pool"), e.getMessage());
    assertTrue(e.getMessage().contains("maximumPoolSiz"), e.getMessage());
    assertEquals(before, ClusterRegistry.liveRuntimes(), "a failed connect left a runtime");
  }

  @Test
  void getConnection_invalidPoolValue_throws08001NamingTheShardsPoolKey() throws Exception {
    String yaml = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl("bad_pool_value", 0) + "\"\n"
        + "    user: sa\n    password: \"" + SECRET + "\"\n"
        + "    pool: { connectionTimeout: 10 }\n";
    Path file = config("bad-pool-value", yaml);
    SQLException e = assertConfigError("jdbc:sherd:" + file);
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("shards.s0.pool"), e.getMessage());
  }

  @Test
  void query_shardRejectsThePassword_errorNamesShardAndNeverShowsPassword() throws Exception {
    String unique = "wrong_pw_" + Long.toHexString(System.nanoTime());
    // the shard database exists with another password, so the configured one is wrong
    try (Connection owner = DriverManager.getConnection(H2Cluster.shardUrl(unique, 0), "sa",
        "the-real-one")) {
      String yaml = "shards:\n  s0:\n    url: \"" + H2Cluster.shardUrl(unique, 0) + "\"\n"
          + "    user: sa\n    password: \"" + SECRET + "\"\n"
          + "    pool: { connectionTimeout: 1000 }\n";
      Path file = config("wrong-password", yaml);
      try (Connection c = DriverManager.getConnection("jdbc:sherd:" + file);
          Statement s = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
        assertTrue(e.getMessage().contains("s0"), e.getMessage());
        NoSecrets.assertAbsent(SECRET, e);
        NoSecrets.assertAbsent(SECRET, c, "connection.toString()");
        NoSecrets.assertAbsent(SECRET, s, "statement.toString()");
      }
      owner.createStatement().execute("SHUTDOWN");
    }
  }

  @Test
  void toString_ofConnectionStatementsDataSourceAndRuntime_neverShowsPassword() throws Exception {
    try (SherdDataSource ds = new SherdDataSource(cluster.url());
        Connection c = ds.getConnection();
        Statement s = c.createStatement();
        PreparedStatement ps = c.prepareStatement("SELECT * FROM t WHERE id = ?")) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        NoSecrets.assertAbsent(SECRET, rs, "resultSet.toString()");
      }
      NoSecrets.assertAbsent(SECRET, c, "connection.toString()");
      NoSecrets.assertAbsent(SECRET, s, "statement.toString()");
      NoSecrets.assertAbsent(SECRET, ps, "preparedStatement.toString()");
      NoSecrets.assertAbsent(SECRET, ds, "dataSource.toString()");
      NoSecrets.assertAbsent(SECRET, c.unwrap(SherdConnection.class).runtime(),
          "runtime.toString()");
      NoSecrets.assertAbsent(SECRET, c.unwrap(SherdConnection.class).runtime().config(),
          "config.toString()");
      NoSecrets.assertAbsent(SECRET, c.getMetaData().getURL(), "DatabaseMetaData.getURL()");
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Four shard entries with the secret password (no default-shard, no tables). */
  private static String shards(String unique) {
    String full = H2Cluster.yaml(unique, "");
    return full.substring(0, full.indexOf("default-shard:"));
  }

  private static Path config(String name, String yaml) throws Exception {
    Path file = dir.resolve(name + ".yaml");
    H2Cluster.write(file, yaml);
    return file;
  }

  /** A bad config: SQLException with SQLState 08001 that never shows the password. */
  private static SQLException assertConfigError(String url) {
    int before = ClusterRegistry.liveRuntimes();
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertEquals("08001", e.getSQLState(), e::toString);
    NoSecrets.assertAbsent(SECRET, e);
    assertEquals(before, ClusterRegistry.liveRuntimes(), "a failed connect left a runtime");
    SQLException viaDataSource;
    try (SherdDataSource ds = new SherdDataSource(url)) {
      viaDataSource = assertThrows(SQLException.class, ds::getConnection);
    }
    assertEquals("08001", viaDataSource.getSQLState());
    NoSecrets.assertAbsent(SECRET, viaDataSource);
    return e;
  }

  private static void assertWorks(Connection c) throws SQLException {
    assertFalse(c.isClosed());
    assertTrue(c.isValid(1));
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
      assertTrue(rs.next());
      assertNotNull(rs.getObject(1));
    }
  }
}
