package dev.sherd.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {

    @Test
    void parse_documentedExample_buildsTheModel() throws ConfigException {
        ClusterConfig c = TestConfigs.parse(TestConfigs.example());

        assertEquals(2, c.shardCount());
        ShardSpec s0 = c.shard(0);
        ShardSpec s1 = c.shard(1);
        assertEquals("s0", s0.name());
        assertEquals(0, s0.index());
        assertEquals("jdbc:h2:mem:s0;DB_CLOSE_DELAY=-1", s0.url());
        assertEquals("sa", s0.user());
        assertEquals("", s0.password());
        assertEquals(Map.of(), s0.poolProperties());
        assertEquals("s1", s1.name());
        assertEquals(1, s1.index());
        assertEquals("app", s1.user());
        assertEquals("secret", s1.password());
        assertEquals(Map.of("maximumPoolSize", "16"), s1.poolProperties());
        assertEquals(List.of(s0, s1), c.shards());

        assertEquals(0, c.defaultShard());
        assertEquals(DialectFamily.H2, c.dialect());
        assertEquals(1, c.shardIndex("s1"));
        assertEquals(-1, c.shardIndex("s9"));
        assertEquals(ShardSet.of(0, 1), c.allShards());
        assertEquals(TestConfigs.SOURCE, c.source());

        assertEquals(List.of("customers", "orders", "events", "countries"),
                c.tableRules().stream().map(TableRule::name).toList());
        ShardedTable events = assertInstanceOf(ShardedTable.class, c.tableRule("events").orElseThrow());
        assertEquals("at", events.shardingKey());
        assertTrue(events.function().prunesRanges());
        assertEquals(0, events.function().shardOf("2024-02-01"));
        assertEquals(1, events.function().shardOf("2024-03-01"));
        assertInstanceOf(BroadcastTable.class, c.tableRule("countries").orElseThrow());
        ShardedTable orders = assertInstanceOf(ShardedTable.class, c.tableRule("orders").orElseThrow());
        assertEquals("customers", orders.colocationGroup());
        assertTrue(orders.isColocatedWith((ShardedTable) c.tableRule("customers").orElseThrow()));
    }

    @Test
    void tableRule_anyCase_findsTheRule() throws ConfigException {
        ClusterConfig c = TestConfigs.parse(TestConfigs.example());
        assertEquals("orders", c.tableRule("ORDERS").orElseThrow().name());
        assertEquals("orders", c.tableRule("Orders").orElseThrow().name());
        assertTrue(c.tableRule("unlisted").isEmpty());
    }

    @Test
    void parse_optionalKeysAbsent_usesDefaults() throws ConfigException {
        ClusterConfig c = TestConfigs.parse("""
                shards:
                  a: { url: "jdbc:postgresql://a/app" }
                  b: { url: "jdbc:postgresql://b/app", user: app }
                """);
        assertNull(c.shard(0).user());
        assertEquals("", c.shard(0).password());
        assertEquals(0, c.defaultShard(), "first shard when default-shard is absent");
        assertTrue(c.tableRules().isEmpty());
        assertEquals(DialectFamily.POSTGRESQL, c.dialect());
    }

    @Test
    void parse_defaultShard_isResolvedToIndex() throws ConfigException {
        ClusterConfig c = TestConfigs.parse(TestConfigs.SHARDS + "default-shard: s2\n");
        assertEquals(2, c.defaultShard());
    }

    @Test
    void parse_algorithmAbsent_meansHash() throws ConfigException {
        ClusterConfig c = TestConfigs.parseTables("  t: { sharding-key: id }\n");
        assertFalse(((ShardedTable) c.tableRule("t").orElseThrow()).function().prunesRanges());
    }

    @Test
    void parse_mysqlAndMariadbShards_shareMysqlFamily() throws ConfigException {
        ClusterConfig c = TestConfigs.parse("""
                shards:
                  a: { url: "jdbc:mysql://a/app" }
                  b: { url: "jdbc:mariadb://b/app" }
                """);
        assertEquals(DialectFamily.MYSQL, c.dialect());
    }

    @Test
    void parse_sixtyFourShards_isAccepted() throws ConfigException {
        StringBuilder yaml = new StringBuilder("shards:\n");
        for (int i = 0; i < 64; i++) {
            yaml.append("  s").append(i).append(": { url: \"jdbc:h2:mem:s").append(i).append("\" }\n");
        }
        ClusterConfig c = TestConfigs.parse(yaml.toString());
        assertEquals(64, c.shardCount());
        assertEquals(ShardSet.all(64), c.allShards());
    }

    @Test
    void load_file_readsItWithPathAsSource(@TempDir Path dir) throws IOException, ConfigException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, TestConfigs.example());
        ClusterConfig c = ClusterConfig.load(file);
        assertEquals(file.toString(), c.source());
        assertEquals(2, c.shardCount());
    }

    @Test
    void load_missingFile_failsWithEmptyKeyPath(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterConfig.load(file));
        assertEquals(file.toString(), e.source());
        assertEquals("", e.keyPath());
        assertTrue(e.problem().startsWith("cannot read file: "), e.problem());
        assertEquals(file + ": " + e.problem(), e.getMessage());
    }

    @Test
    void load_invalidUtf8_failsNamingEncoding(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'s', ':', ' ', (byte) 0xE9});
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterConfig.load(file));
        assertTrue(e.problem().contains("UTF-8"), e.problem());
    }

    @Test
    void load_errorInFile_namesFileAsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "shards: {}\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterConfig.load(file));
        assertEquals(file + ": shards: no shards configured", e.getMessage());
    }

    @Test
    void loadResource_classpath_readsItWithClasspathSource() throws ConfigException {
        ClassLoader loader = getClass().getClassLoader();
        ClusterConfig c = ClusterConfig.loadResource("dev/sherd/metadata/example-cluster.yaml", loader);
        assertEquals("classpath:dev/sherd/metadata/example-cluster.yaml", c.source());
        assertEquals(4, c.tableRules().size());
        assertEquals(c.fingerprint(), ClusterConfig.loadResource("/dev/sherd/metadata/example-cluster.yaml", null).fingerprint());
    }

    @Test
    void loadResource_missing_failsNamingResource() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClusterConfig.loadResource("no/such.yaml", getClass().getClassLoader()));
        assertEquals("classpath:no/such.yaml", e.source());
        assertEquals("", e.keyPath());
        assertEquals("classpath:no/such.yaml: classpath resource not found", e.getMessage());
    }

    @Test
    void poolProperties_keepConfigOrderAsStrings() throws ConfigException {
        ClusterConfig c = TestConfigs.parse("""
                shards:
                  s0:
                    url: "jdbc:h2:mem:s0"
                    pool: { maximumPoolSize: 16, autoCommit: false, poolName: main, idleTimeout: 60000 }
                """);
        Map<String, String> pool = c.shard(0).poolProperties();
        assertEquals(List.of("maximumPoolSize", "autoCommit", "poolName", "idleTimeout"), List.copyOf(pool.keySet()));
        assertEquals("false", pool.get("autoCommit"));
        assertEquals("60000", pool.get("idleTimeout"));
        assertThrows(UnsupportedOperationException.class, () -> pool.put("x", "y"));
    }

    @Test
    void toString_namesShardsAndTables() throws ConfigException {
        String s = TestConfigs.parse(TestConfigs.example()).toString();
        assertTrue(s.contains("[s0, s1]") && s.contains("orders") && s.contains("H2"), s);
    }
}
