package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.sql.plan.PassthroughPlan;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which statements the driver answers itself, and which per-table ones go to the default shard. */
class LocalStatementsTest {

  private static ClusterConfig config(String scheme) throws Exception {
    String url = scheme.equals("h2") ? "jdbc:h2:mem:x" : "jdbc:" + scheme + "://h/db";
    return ClusterConfig.parse("shards:\n  s0: { url: \"" + url + "0\" }\n  s1: { url: \"" + url
        + "1\" }\ndefault-shard: s1\ntables:\n  customers: { sharding-key: id }\n", "test");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHOW COLUMNS FROM customers", "SHOW FULL COLUMNS FROM customers",
      "show fields in customers", "SHOW INDEX FROM customers", "SHOW INDEXES IN customers",
      "SHOW KEYS FROM `customers` FROM db", "SHOW CREATE TABLE customers",
      "DESCRIBE customers", "DESC customers id", "SHOW COLUMNS FROM customers LIKE ?;"})
  void perTableDefinitions_goToTheDefaultShardAsWritten(String sql) throws Exception {
    PassthroughPlan plan = LocalStatements.plan(sql, config("mariadb"));
    assertNotNull(plan, sql);
    assertEquals(1, plan.shard());
    assertEquals(sql.replaceAll(";$", ""), plan.sql());
    assertEquals(sql.contains("?") ? 1 : 0, plan.parameterCount());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT * FROM customers", "DESC SELECT * FROM customers",
      "DESCRIBE FORMAT=JSON SELECT 1", "SHOW search_path", "SHOW TABLE STATUS",
      "SHOW COLUMNS", "SHOWCASE", "EXPLAIN SELECT 1"})
  void otherStatements_arePlannedAsUsual(String sql) throws Exception {
    assertNull(LocalStatements.plan(sql, config("mariadb")), sql);
    assertNull(LocalStatements.recognize(sql, config("mariadb")), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHOW SHARDING", "show sharding;", "SHOW SHERD TABLES",
      "SET NAMES utf8mb4", "USE db", "SHOW DATABASES", "SHOW SCHEMAS LIKE 'x%'", "SHOW TABLES",
      "SHOW FULL TABLES"})
  void driverAnsweredStatements_areRecognized(String sql) throws Exception {
    assertNotNull(LocalStatements.recognize(sql, config("mariadb")), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SHOW DATABASES", "SHOW TABLES"})
  void onPostgres_showStatementsAreThePostgresOnes(String sql) throws Exception {
    assertNull(LocalStatements.recognize(sql, config("postgresql")), sql);
  }
}
