package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.meta.MetaCluster.Family;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The logical metadata contract on four PostgreSQL databases, and what psql, DBeaver and Metabase
 * send when they connect. Skipped (loudly) without a server at 127.0.0.1:5432, unless CI=true.
 */
class PostgresLogicalMetaDataTest extends LogicalMetaDataContract {

  @Override
  Family family() {
    return Family.POSTGRESQL;
  }

  @Test
  void getTables_neverListsSystemSchemasOrOtherSchemas_unlessAsked() throws SQLException {
    List<Map<String, Object>> all = rows(sherd.getMetaData().getTables(null, null, "%", null));
    assertTrue(all.stream().allMatch(r -> "public".equals(r.get("TABLE_SCHEM"))), all.toString());
    List<Map<String, Object>> catalog = rows(sherd.getMetaData().getTables(null, "pg_catalog",
        "pg_class", null));
    assertEquals(1, catalog.size(), "asked for pg_catalog: " + catalog);
    List<Map<String, Object>> decoy = rows(sherd.getMetaData().getTables(null, "decoy", "%",
        null));
    assertEquals(1, decoy.size(), decoy.toString());
  }

  @Test
  void connectStatements_ofPostgresTools_answerForTheLogicalSchema() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertAccepted(s, "SET extra_float_digits = 3");
      assertAccepted(s, "SET application_name = 'DBeaver 24.1.0 - Main'");
      assertAccepted(s, "SET client_encoding TO 'UTF8'");
      assertAccepted(s, "SET DateStyle = 'ISO, MDY'");
      assertAccepted(s, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
      assertTrue(String.valueOf(answer(s, "SELECT version()").get(0).get("VERSION"))
          .startsWith("PostgreSQL"));
      assertEquals("\"$user\", public", answer(s, "SHOW search_path").get(0).get("SEARCH_PATH"));
      List<Map<String, Object>> namespaces = answer(s,
          "SELECT nspname FROM pg_catalog.pg_namespace ORDER BY nspname");
      assertTrue(namespaces.stream().anyMatch(r -> "public".equals(r.get("NSPNAME"))));
      // catalog queries run as written on the default shard: the driver's own table is excluded
      List<Map<String, Object>> tables = answer(s, "SELECT table_name FROM"
          + " information_schema.tables WHERE table_schema = 'public'"
          + " AND table_name <> 'sherd_tx_decisions' ORDER BY table_name");
      assertEquals(List.of("countries", "customers", "events", "notes", "orders"),
          tables.stream().map(r -> r.get("TABLE_NAME")).toList());
      SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
          () -> s.execute("SET search_path TO decoy"));
      assertTrue(e.getMessage().startsWith("SET search_path: not supported"), e.getMessage());
      assertThrows(SQLFeatureNotSupportedException.class, () -> s.execute("SET TIME ZONE 'UTC'"));
      assertFalse(answer(s, "SHOW TRANSACTION ISOLATION LEVEL").isEmpty());
      assertEquals(null, answerOrClearError(s, "DESCRIBE customers"),
          "not PostgreSQL syntax: the default shard's error");
    }
  }
}
