package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.meta.MetaCluster.Family;
import dev.sherd.jdbc.result.ColumnInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the logical {@link DatabaseMetaData} guarantees on every database family: each table once
 * with where its rows live, keys and columns as the default shard defines them, nothing from other
 * databases or system schemas unless asked, Sherd's identity, and exact descriptions of merged
 * results and parameters. One subclass per family; after every test no shard connection may still
 * be lent out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogicalMetaDataContract {

  static final String ALL_SHARDS = "[s0,s1,s2,s3]";

  MetaCluster cluster;
  Connection sherd;
  private Path dir;

  abstract Family family();

  @BeforeAll
  void startCluster() throws Exception {
    dir = Files.createTempDirectory("sherd-meta");
    cluster = MetaCluster.start(family(), dir);
    sherd = cluster.connect();
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (sherd != null) {
      sherd.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @AfterEach
  void noShardConnectionIsLeftBorrowed() throws SQLException {
    assertEquals(List.of(0, 0, 0, 0), cluster.activeConnections(),
        "shard connections still lent out after the test");
  }

  String name(String table) {
    return family().stored(table);
  }

  /** The catalog argument a direct call on shard s0 needs to see the shard's own database only. */
  String directCatalog() {
    return family() == Family.MARIADB ? cluster.database(0) : null;
  }

  /** The schema argument of a direct call on shard s0. */
  String directSchema() {
    switch (family()) {
      case H2:
        return "PUBLIC";
      case POSTGRESQL:
        return "public";
      default:
        return null;
    }
  }

  static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = rs.getObject(i);
          row.put(md.getColumnLabel(i).toUpperCase(java.util.Locale.ROOT),
              v == null ? null : v.toString());
        }
        rows.add(row);
      }
      return rows;
    }
  }

  static List<String> labels(ResultSet rs) throws SQLException {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
      labels.add(rs.getMetaData().getColumnLabel(i));
    }
    return labels;
  }

  /** TABLE_NAME → REMARKS of every table the logical getTables lists (fails on a duplicate). */
  Map<String, String> logicalTables(String schemaPattern) throws SQLException {
    Map<String, String> tables = new TreeMap<>();
    for (Map<String, Object> row : rows(sherd.getMetaData().getTables(null, schemaPattern, "%",
        null))) {
      String type = (String) row.get("TABLE_TYPE");
      if (type.contains("TABLE") && !type.contains("SYSTEM")) {
        String name = (String) row.get("TABLE_NAME");
        assertFalse(tables.containsKey(name), "listed twice: " + name + " in " + row);
        tables.put(name, (String) row.get("REMARKS"));
      }
    }
    return tables;
  }

  // ---- getTables ----------------------------------------------------------------------------------

  @Test
  void getTables_listsEachLogicalTableOnce() throws SQLException {
    assertEquals(List.of(name("archive"), name("countries"), name("customers"), name("events"),
        name("notes"), name("orders")), new ArrayList<>(logicalTables(null).keySet()));
  }

  @Test
  void getTables_remarksSayWhereRowsLiveAndKeepTheDatabasesRemark() throws SQLException {
    Map<String, String> remarks = logicalTables(null);
    assertEquals("Customer accounts — sharded by hash(id) over 4 shards " + ALL_SHARDS
        + "; colocated with orders", remarks.get(name("customers")));
    assertEquals("sharded by hash(customer_id) over 4 shards " + ALL_SHARDS
        + "; colocated with customers", remarks.get(name("orders")));
    assertEquals("broadcast to 4 shards " + ALL_SHARDS, remarks.get(name("countries")));
    assertEquals("sharded by range(id) over 4 shards " + ALL_SHARDS, remarks.get(name("events")));
    assertEquals("on default shard s0", remarks.get(name("notes")));
    assertEquals("sharded by hash(id) over 4 shards " + ALL_SHARDS, remarks.get(name("archive")));
  }

  @Test
  void getTables_reportsOnlyTheLogicalCatalog() throws SQLException {
    String catalog = sherd.getCatalog();
    for (Map<String, Object> row : rows(sherd.getMetaData().getTables(null, null, "%", null))) {
      Object cat = row.get("TABLE_CAT");
      assertTrue(cat == null || cat.equals(catalog), "another catalog: " + row);
    }
  }

  @Test
  void sqlQualifiedAsGetTablesReportsIt_runsOnEveryShard() throws SQLException {
    Map<String, Object> customers = rows(sherd.getMetaData().getTables(null, null,
        name("customers"), null)).get(0);
    String catalog = (String) customers.get("TABLE_CAT");
    assertEquals(sherd.getCatalog(), catalog);
    String quote = sherd.getMetaData().getIdentifierQuoteString();
    StringBuilder qualified = new StringBuilder();
    for (Object part : new Object[] {catalog, customers.get("TABLE_SCHEM"), name("customers")}) {
      if (part != null) {
        qualified.append(qualified.length() == 0 ? "" : ".").append(quote).append(part)
            .append(quote);
      }
    }
    String unquotedCatalog = family() == Family.MARIADB ? catalog + "." + name("customers")
        : qualified.toString().replace(quote + catalog + quote,
            catalog.toLowerCase(java.util.Locale.ROOT));
    for (String table : List.of(qualified.toString(), unquotedCatalog)) {
      String scatter = "SELECT COUNT(*), SUM(" + table + ".id) FROM " + table;
      try (Statement s = sherd.createStatement(); ResultSet rs = s.executeQuery(scatter)) {
        assertTrue(rs.next());
        assertEquals(20, rs.getInt(1), scatter);
        assertEquals(210, rs.getInt(2), scatter);
      }
      String routed = "SELECT name FROM " + table + " WHERE id = ?";
      try (PreparedStatement ps = sherd.prepareStatement(routed)) {
        for (int id : new int[] {3, 17}) {
          ps.setInt(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), routed + " with id " + id);
            assertEquals("customer " + id, rs.getString(1));
          }
        }
      }
    }
    sherd.setCatalog(catalog);
    assertThrows(SQLFeatureNotSupportedException.class, () -> sherd.setCatalog("no_such_catalog"));
  }

  @Test
  void getTables_ofAnotherCatalog_isEmpty() throws SQLException {
    assertEquals(List.of(), rows(sherd.getMetaData().getTables("no_such_catalog", null, "%",
        null)));
  }

  @Test
  void getTables_configuredTableMissingOnDefaultShard_comesFromTheFirstShardHoldingIt()
      throws SQLException {
    List<Map<String, Object>> rows = rows(sherd.getMetaData().getTables(null, null,
        name("archive"), null));
    assertEquals(1, rows.size(), rows.toString());
    assertEquals(sherd.getCatalog(), rows.get(0).get("TABLE_CAT") == null ? sherd.getCatalog()
        : rows.get(0).get("TABLE_CAT"));
    List<Map<String, Object>> columns = rows(sherd.getMetaData().getColumns(null, null,
        name("archive"), null));
    assertEquals(List.of(name("id"), name("note")),
        columns.stream().map(r -> r.get("COLUMN_NAME")).toList());
  }

  @Test
  void getTables_typeFilterIsTheDatabases() throws SQLException {
    DatabaseMetaData md = sherd.getMetaData();
    List<String> types = new ArrayList<>();
    for (Map<String, Object> row : rows(md.getTableTypes())) {
      types.add((String) row.get("TABLE_TYPE"));
    }
    String tableType = types.contains("BASE TABLE") ? "BASE TABLE" : "TABLE";
    List<Map<String, Object>> tables = rows(md.getTables(null, null, name("customers"),
        new String[] {tableType}));
    assertEquals(1, tables.size(), tables.toString());
    assertEquals(List.of(), rows(md.getTables(null, null, name("customers"),
        new String[] {"VIEW"})));
  }

  // ---- per-table metadata matches the default shard ------------------------------------------

  @Test
  void getColumns_ofShardedTable_matchTheDefaultShards() throws SQLException {
    List<Map<String, Object>> logical = rows(sherd.getMetaData().getColumns(null, null,
        name("customers"), null));
    List<Map<String, Object>> shard;
    try (Connection c = cluster.direct(0)) {
      shard = rows(c.getMetaData().getColumns(directCatalog(), directSchema(), name("customers"),
          null));
    }
    assertEquals(3, logical.size());
    assertTrue(String.valueOf(logical.get(0).get("REMARKS")).contains("sharding key (hash over 4"
        + " shards)"), logical.get(0).toString());
    for (int i = 0; i < shard.size(); i++) {
      logical.get(i).remove("REMARKS");
      shard.get(i).remove("REMARKS");
    }
    assertEquals(shard, logical);
  }

  @Test
  void getPrimaryKeys_ofShardedTable_matchTheDefaultShards() throws SQLException {
    for (String table : List.of("customers", "orders", "countries")) {
      List<Map<String, Object>> shard;
      try (Connection c = cluster.direct(0)) {
        shard = rows(c.getMetaData().getPrimaryKeys(directCatalog(), directSchema(),
            name(table)));
      }
      assertFalse(shard.isEmpty());
      assertEquals(shard, rows(sherd.getMetaData().getPrimaryKeys(null, null, name(table))),
          table);
    }
  }

  @Test
  void getIndexInfo_ofShardedTable_matchesTheDefaultShards() throws SQLException {
    for (String table : List.of("customers", "orders")) {
      List<Map<String, Object>> shard;
      try (Connection c = cluster.direct(0)) {
        shard = rows(c.getMetaData().getIndexInfo(directCatalog(), directSchema(), name(table),
            false, true));
      }
      assertTrue(shard.size() >= 2, shard.toString());
      assertEquals(shard, rows(sherd.getMetaData().getIndexInfo(null, null, name(table), false,
          true)), table);
    }
  }

  @Test
  void getImportedAndExportedKeys_matchTheDefaultShards() throws SQLException {
    List<Map<String, Object>> imported;
    List<Map<String, Object>> exported;
    try (Connection c = cluster.direct(0)) {
      imported = rows(c.getMetaData().getImportedKeys(directCatalog(), directSchema(),
          name("orders")));
      exported = rows(c.getMetaData().getExportedKeys(directCatalog(), directSchema(),
          name("customers")));
    }
    assertEquals(1, imported.size(), imported.toString());
    assertEquals(imported, rows(sherd.getMetaData().getImportedKeys(null, null, name("orders"))));
    assertEquals(exported, rows(sherd.getMetaData().getExportedKeys(null, null,
        name("customers"))));
  }

  @Test
  void getCatalogs_listsOnlyTheLogicalCatalog() throws SQLException {
    List<Map<String, Object>> catalogs = rows(sherd.getMetaData().getCatalogs());
    assertEquals(1, catalogs.size(), catalogs.toString());
    assertEquals(sherd.getCatalog(), catalogs.get(0).get("TABLE_CAT"));
  }

  // ---- identity and capabilities ----------------------------------------------------------------

  @Test
  void productIsTheShardsDatabase_andVersionSaysItIsViaSherd() throws SQLException {
    DatabaseMetaData md = sherd.getMetaData();
    try (Connection c = cluster.direct(0)) {
      DatabaseMetaData shard = c.getMetaData();
      // tools pick their dialect by product name and parse the version: both stay the database's
      assertEquals(shard.getDatabaseProductName(), md.getDatabaseProductName());
      assertEquals(shard.getDatabaseProductVersion() + " (via Sherd 0.1)",
          md.getDatabaseProductVersion());
      assertEquals(shard.getDatabaseMajorVersion(), md.getDatabaseMajorVersion());
      assertEquals(shard.getDatabaseMinorVersion(), md.getDatabaseMinorVersion());
      assertEquals(shard.getIdentifierQuoteString(), md.getIdentifierQuoteString());
      assertEquals(shard.storesUpperCaseIdentifiers(), md.storesUpperCaseIdentifiers());
      assertEquals(shard.storesLowerCaseIdentifiers(), md.storesLowerCaseIdentifiers());
      assertEquals(shard.storesMixedCaseIdentifiers(), md.storesMixedCaseIdentifiers());
      assertEquals(shard.storesMixedCaseQuotedIdentifiers(), md.storesMixedCaseQuotedIdentifiers());
      assertEquals(shard.supportsMixedCaseQuotedIdentifiers(),
          md.supportsMixedCaseQuotedIdentifiers());
      assertEquals(shard.getSQLKeywords(), md.getSQLKeywords());
      assertEquals(shard.getSearchStringEscape(), md.getSearchStringEscape());
    }
    assertEquals("Sherd JDBC driver", md.getDriverName());
    assertEquals("0.1", md.getDriverVersion());
    String family = Map.of(Family.H2, "h2", Family.POSTGRESQL, "postgresql",
        Family.MARIADB, "mariadb").get(family());
    assertEquals(cluster.url().replace("jdbc:sherd:", "jdbc:sherd:" + family + ":"),
        md.getURL(), "the URL names the shards' family, for tools that detect it there");
    try (Connection again = java.sql.DriverManager.getConnection(md.getURL());
        Statement s = again.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM customers")) {
      assertTrue(rs.next());
      assertEquals(20, rs.getInt(1), "the reported URL opens the same cluster");
    }
    assertNotNull(md.getUserName());
    assertTrue(md.getConnection() == sherd);
  }

  @Test
  void supportsAnswers_areTheDrivers() throws SQLException {
    DatabaseMetaData md = sherd.getMetaData();
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertTrue(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY,
        ResultSet.CONCUR_READ_ONLY));
    assertFalse(md.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY,
        ResultSet.CONCUR_UPDATABLE));
    assertFalse(md.supportsSavepoints());
    assertFalse(md.supportsStoredProcedures());
    assertTrue(md.supportsTransactions());
    assertTrue(md.supportsBatchUpdates());
    assertTrue(md.supportsGetGeneratedKeys());
    assertFalse(md.supportsMultipleResultSets());
    assertEquals(List.of(), rows(md.getProcedures(null, null, "%")));
  }

  // ---- result and parameter descriptions ---------------------------------------------------------

  static final String MERGED_AGGREGATE = "SELECT COUNT(*), SUM(amount), AVG(amount), MIN(qty),"
      + " MAX(amount), COUNT(DISTINCT customer_id) FROM orders";

  @Test
  void resultSetMetaData_ofMergedAggregate_isWhatOneDatabaseReports() throws SQLException {
    List<ColumnInfo> oneDatabase;
    try (Connection c = cluster.direct(0); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(MERGED_AGGREGATE)) {
      oneDatabase = ColumnInfo.from(rs.getMetaData());
    }
    try (Statement s = sherd.createStatement(); ResultSet rs = s.executeQuery(MERGED_AGGREGATE)) {
      assertTrue(rs.next());
      assertEquals(40, rs.getLong(1));
      assertEquals(oneDatabase, ColumnInfo.from(rs.getMetaData()));
    }
    try (PreparedStatement ps = sherd.prepareStatement(MERGED_AGGREGATE)) {
      assertEquals(oneDatabase, ColumnInfo.from(ps.getMetaData()));
    }
  }

  @Test
  void parameterMetaData_isTheDefaultShardsDescription() throws SQLException {
    String sql = "SELECT name FROM customers WHERE id = ? AND name = ?";
    try (PreparedStatement ps = sherd.prepareStatement(sql);
        Connection c = cluster.direct(0);
        PreparedStatement direct = c.prepareStatement(sql)) {
      ParameterMetaData logical = ps.getParameterMetaData();
      assertEquals(2, logical.getParameterCount());
      ParameterMetaData expected = SherdParameterMetaData.copyOf(direct.getParameterMetaData(), 2);
      for (int i = 1; i <= 2; i++) {
        assertEquals(expected.getParameterType(i), logical.getParameterType(i), "type of " + i);
        assertEquals(expected.getParameterTypeName(i), logical.getParameterTypeName(i));
        assertEquals(expected.getParameterClassName(i), logical.getParameterClassName(i));
        assertEquals(expected.getPrecision(i), logical.getPrecision(i));
        assertEquals(expected.isNullable(i), logical.isNullable(i));
      }
      if (family() != Family.MARIADB) {
        assertEquals(Types.INTEGER, logical.getParameterType(1));
        assertEquals(Types.VARCHAR, logical.getParameterType(2));
      }
      assertThrows(SQLException.class, () -> logical.getParameterType(3));
    }
  }

  @Test
  void parameterMetaData_ofAnInsertIntoAShardedTable() throws SQLException {
    try (PreparedStatement ps = sherd.prepareStatement(
        "INSERT INTO orders (customer_id, id, amount, qty) VALUES (?, ?, ?, ?)")) {
      ParameterMetaData md = ps.getParameterMetaData();
      assertEquals(4, md.getParameterCount());
      if (family() != Family.MARIADB) {
        assertEquals(Types.INTEGER, md.getParameterType(1));
        assertEquals(Types.DECIMAL == md.getParameterType(3)
            || Types.NUMERIC == md.getParameterType(3), true);
      }
    }
  }

  // ---- SHOW SHARDING and per-table statements ------------------------------------------------

  @Test
  void showSharding_listsEveryTableWithItsPlacement() throws SQLException {
    try (Statement s = sherd.createStatement(); ResultSet rs = s.executeQuery("SHOW SHARDING")) {
      assertEquals(List.of("TABLE_NAME", "KIND", "SHARDING_KEY", "COLOCATED_WITH", "SHARDS"),
          labels(rs));
      Map<String, List<Object>> byTable = new TreeMap<>();
      for (Map<String, Object> row : rows(rs)) {
        byTable.put(((String) row.get("TABLE_NAME")).toLowerCase(java.util.Locale.ROOT),
            new ArrayList<>(row.values()).subList(1, 5));
      }
      String all = "s0,s1,s2,s3";
      assertEquals(List.of("hash", "id", "orders", all), byTable.get("customers"));
      assertEquals(List.of("hash", "customer_id", "customers", all), byTable.get("orders"));
      assertEquals(java.util.Arrays.asList("broadcast", null, null, all),
          byTable.get("countries"));
      assertEquals(java.util.Arrays.asList("range", "id", null, all), byTable.get("events"));
      assertEquals(java.util.Arrays.asList("unlisted", null, null, "s0"), byTable.get("notes"));
      assertEquals(java.util.Arrays.asList("hash", "id", null, all), byTable.get("ledger"),
          "configured tables that no shard has yet are listed too");
      assertEquals(7, byTable.size(), byTable.toString());
    }
  }

  @Test
  void driverAnsweredStatements_canBePrepared_andAnswerAsStatementDoes() throws SQLException {
    List<Map<String, Object>> direct;
    try (Statement s = sherd.createStatement(); ResultSet rs = s.executeQuery("SHOW SHARDING")) {
      direct = rows(rs);
    }
    try (PreparedStatement ps = sherd.prepareStatement("SHOW SHARDING")) {
      assertEquals(0, ps.getParameterMetaData().getParameterCount());
      for (int run = 0; run < 2; run++) {
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(direct, rows(rs), "run " + run);
        }
      }
      SQLException notAnUpdate = assertThrows(SQLException.class, ps::executeUpdate);
      assertEquals("07000", notAnUpdate.getSQLState());
      ps.addBatch();
      assertThrows(java.sql.BatchUpdateException.class, ps::executeBatch);
    }
    try (Connection c = cluster.connect();
        PreparedStatement ps = c.prepareStatement("SET autocommit = 0")) {
      assertFalse(ps.execute());
      assertFalse(c.getAutoCommit(), "the prepared SET is applied to the logical connection");
    }
    SQLFeatureNotSupportedException refused = assertThrows(SQLFeatureNotSupportedException.class,
        () -> sherd.prepareStatement("SET search_mode = 1"), "a refused SET fails at prepare");
    assertTrue(refused.getMessage().contains("search_mode"), refused.getMessage());
  }

  @Test
  void schema_canBeSetToTheCurrentOneOnly() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      String current = c.getSchema();
      c.setSchema(current);
      assertEquals(current, c.getSchema());
      assertThrows(SQLFeatureNotSupportedException.class, () -> c.setSchema("sherd_elsewhere"));
      if (current == null) {
        return; // MariaDB: no schemas, and no SET SCHEMA
      }
      String unquoted = current.equals(current.toUpperCase(java.util.Locale.ROOT))
          ? current.toLowerCase(java.util.Locale.ROOT) : current.toUpperCase(java.util.Locale.ROOT);
      String[] accepted = c.getMetaData().getDatabaseProductName().equals("PostgreSQL")
          ? new String[] {"SET SCHEMA '" + current + "'", "SET search_path TO " + current,
              "SET search_path = \"" + current + "\""}
          : new String[] {"SET SCHEMA \"" + current + "\"", "SET SCHEMA " + unquoted};
      for (String sql : accepted) {
        assertFalse(s.execute(sql), sql);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          assertFalse(ps.execute(), sql);
        }
      }
      for (String sql : new String[] {"SET SCHEMA sherd_elsewhere", "SET SCHEMA \""
          + unquoted + "\""}) {
        SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
            () -> s.execute(sql), sql);
        assertTrue(e.getMessage().contains(current), e.getMessage());
      }
    }
  }

  @Test
  void sessionSettings_areAppliedToTheLogicalConnectionOrRefusedByName() throws SQLException {
    try (Connection c = cluster.connect(); Statement s = c.createStatement()) {
      assertFalse(s.execute("SET autocommit = 0"));
      assertFalse(c.getAutoCommit());
      s.execute("SET autocommit = 1");
      assertTrue(c.getAutoCommit());
      s.execute("SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      SQLFeatureNotSupportedException e = assertThrows(SQLFeatureNotSupportedException.class,
          () -> s.execute("SET lock_timeout = 1000"));
      assertTrue(e.getMessage().startsWith("SET lock_timeout: not supported"), e.getMessage());
      assertEquals("0A000", e.getSQLState());
    }
  }

  /** Runs {@code sql}; it must answer or fail with a clear SQLException, never crash. */
  List<Map<String, Object>> answerOrClearError(Statement s, String sql) {
    try {
      if (s.execute(sql)) {
        return rows(s.getResultSet());
      }
      return List.of();
    } catch (SQLException e) {
      assertNotNull(e.getMessage(), sql);
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(t instanceof RuntimeException, sql + " crashed: " + t);
      }
      return null;
    } catch (RuntimeException e) {
      throw new AssertionError(sql + " crashed", e);
    }
  }

  /** Runs {@code sql} and returns its rows; it must answer. */
  List<Map<String, Object>> answer(Statement s, String sql) throws SQLException {
    assertTrue(s.execute(sql), sql + " returned no result set");
    return rows(s.getResultSet());
  }

  void assertAccepted(Statement s, String sql) throws SQLException {
    assertFalse(s.execute(sql), sql);
    assertInstanceOf(Integer.class, s.getUpdateCount());
  }
}
