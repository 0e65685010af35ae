package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.meta.MetaCluster.Family;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The logical metadata contract on four MariaDB databases of one server, and what MySQL-family
 * tools send when they connect. Skipped (loudly) without a server at 127.0.0.1:3306, unless
 * CI=true.
 */
class MariaDbLogicalMetaDataTest extends LogicalMetaDataContract {

  @Override
  Family family() {
    return Family.MARIADB;
  }

  @Test
  void getTables_neverShowsOtherDatabasesTables() throws SQLException {
    try (Connection plain = cluster.direct(0)) {
      List<Map<String, Object>> physical = rows(plain.getMetaData().getTables(null, null,
          "customers", null));
      assertTrue(physical.size() > 1, "the plain driver lists every database's customers: "
          + physical);
    }
    DatabaseMetaData md = sherd.getMetaData();
    List<Map<String, Object>> logical = rows(md.getTables(null, null, "customers", null));
    assertEquals(1, logical.size(), logical.toString());
    assertEquals(cluster.database(0), logical.get(0).get("TABLE_CAT"));
    Set<Object> catalogs = new TreeSet<>();
    for (Map<String, Object> row : rows(md.getTables(null, null, "%", null))) {
      catalogs.add(row.get("TABLE_CAT"));
    }
    assertEquals(Set.of(cluster.database(0)), catalogs);
    assertEquals(List.of(), rows(md.getTables(cluster.database(1), null, "%", null)),
        "another database on the shard server is not part of the logical database");
    assertEquals(List.of(), rows(md.getColumns("mysql", null, "user", null)));
  }

  @Test
  void connectStatements_ofMySqlTools_answerForTheLogicalSchema() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertAccepted(s, "SET NAMES utf8mb4");
      assertAccepted(s, "SET character_set_results = NULL");
      assertAccepted(s, "SET autocommit=1");
      assertAccepted(s, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
      assertTrue(String.valueOf(answer(s, "SELECT @@version").get(0).get("@@VERSION"))
          .contains("MariaDB"));
      List<Map<String, Object>> databases = answer(s, "SHOW DATABASES");
      assertEquals(List.of(cluster.database(0)),
          databases.stream().map(r -> r.values().iterator().next()).toList(),
          "only the cluster's own database");
      assertEquals(5, answer(s, "SHOW TABLES").size(), "the default shard's tables, each once");
      assertFalse(answer(s, "SHOW VARIABLES LIKE 'lower_case%'").isEmpty());
      assertEquals(3, answer(s, "SHOW COLUMNS FROM customers").size());
      assertEquals(3, answer(s, "DESCRIBE customers").size());
      assertEquals(3, answer(s, "SHOW FULL COLUMNS FROM customers").size());
      assertFalse(answer(s, "SHOW INDEX FROM orders").isEmpty());
      assertTrue(String.valueOf(answer(s, "SHOW CREATE TABLE customers").get(0)
          .get("CREATE TABLE")).contains("Customer accounts"));
      assertEquals(cluster.database(0), answer(s, "SELECT DATABASE()").get(0).values()
          .iterator().next());
      // catalog queries run as written on the default shard: the driver's own table is excluded
      List<Map<String, Object>> tables = answer(s, "SELECT table_name FROM"
          + " information_schema.tables WHERE table_schema = DATABASE()"
          + " AND table_name <> 'sherd_tx_decisions' ORDER BY table_name");
      assertEquals(List.of("countries", "customers", "events", "notes", "orders"),
          tables.stream().map(r -> r.values().iterator().next()).toList());
      assertAccepted(s, "USE " + cluster.database(0));
      SQLFeatureNotSupportedException use = assertThrows(SQLFeatureNotSupportedException.class,
          () -> s.execute("USE mysql"));
      assertTrue(use.getMessage().startsWith("USE mysql: not supported"), use.getMessage());
      SQLFeatureNotSupportedException mode = assertThrows(SQLFeatureNotSupportedException.class,
          () -> s.execute("SET sql_mode = 'ANSI_QUOTES'"));
      assertTrue(mode.getMessage().startsWith("SET sql_mode: not supported"), mode.getMessage());
      assertThrows(SQLFeatureNotSupportedException.class, () -> s.execute("SET NAMES latin1"));
    }
  }

  @Test
  void definitionStatements_canBePrepared() throws SQLException {
    try (var ps = sherd.prepareStatement("SHOW COLUMNS FROM orders");
        var rs = ps.executeQuery()) {
      assertEquals(4, rows(rs).size());
    }
  }
}
