package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.metadata.ClusterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class DemoClusterTest {

  @Test
  void config_isValidAndNamesFourShards() throws Exception {
    try (DemoCluster demo = DemoCluster.create()) {
      ClusterConfig config = ClusterConfig.load(demo.configFile());
      assertEquals(4, config.shardCount());
      assertEquals("jdbc:sherd:" + demo.configFile(), demo.url());
    }
  }

  @Test
  void twoClusters_neverShareDatabases() throws Exception {
    try (DemoCluster a = DemoCluster.create(); DemoCluster b = DemoCluster.create()) {
      assertNotEquals(a.configFile(), b.configFile());
      for (String shard : DemoCluster.SHARDS) {
        assertNotEquals(a.shardUrl(shard), b.shardUrl(shard));
        assertTrue(a.shardUrl(shard).contains(";DB_CLOSE_DELAY=-1"));
      }
    }
  }

  @Test
  void close_shutsDownShardDatabasesAndDeletesConfig() throws Exception {
    DemoCluster demo = DemoCluster.create();
    Path file = demo.configFile();
    String s1 = demo.shardUrl("s1");
    try (Connection c = DriverManager.getConnection(s1, "sa", "");
         Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t(x INT)");
    }
    demo.close();
    assertFalse(Files.exists(file));
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection(s1 + ";IFEXISTS=TRUE", "sa", "").close());
    assertEquals("90146", e.getSQLState());
  }

  @Test
  void close_withNoDatabaseOpened_succeeds() throws Exception {
    DemoCluster demo = DemoCluster.create();
    demo.close();
    assertFalse(Files.exists(demo.configFile()));
  }
}
