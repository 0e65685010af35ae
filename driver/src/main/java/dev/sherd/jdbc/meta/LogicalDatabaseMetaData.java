package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.exec.ShardSession;
import dev.sherd.jdbc.meta.CatalogReader.Shape;
import dev.sherd.jdbc.meta.ShardFacts.Fact;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.metadata.ClusterConfig;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;

/*
 * Design. Three kinds of answers, each from one place:
 *  - identity and capabilities of the driver (product "Sherd", forward-only read-only results,
 *    no savepoints, no stored procedures...): constants and the logical connection's state;
 *  - what the shard database says about its SQL (quoting, case rules, keywords, limits):
 *    ShardFacts, read once per cluster runtime from the default shard;
 *  - the catalog (tables, columns, keys, indexes, types): CatalogReader, which reads the default
 *    shard within the logical database's scope and copies the answer into memory, and
 *    LogicalTables, which lists each table once with a note of where its rows live.
 * Grammar answers (supportsUnion, supportsFullOuterJoins...) describe the shard database's SQL: a
 * statement that cannot be answered exactly across shards is refused when it runs, with a
 * SQLFeatureNotSupportedException naming the construct.
 */
/**
 * The {@link DatabaseMetaData} of a logical connection: it describes the logical database — each
 * table once, with its real columns and keys as the default shard defines them, never the
 * per-shard copies — and says that it is Sherd, over which database. Result sets it returns are
 * in memory and hold no shard connection. Like the connection it belongs to, not thread-safe.
 */
public final class LogicalDatabaseMetaData implements DatabaseMetaData {

  private static final Shape TABLE = Shape.of("TABLE_CAT", "TABLE_SCHEM", false);
  private static final Shape TABLE_PATTERN = Shape.of("TABLE_CAT", "TABLE_SCHEM", true);
  private static final Shape NO_COLUMNS = new Shape(List.of(), null, false);
  private static final Shape TYPES = Shape.of("TYPE_CAT", "TYPE_SCHEM", true);
  private static final Shape FUNCTIONS = Shape.of("FUNCTION_CAT", "FUNCTION_SCHEM", true);
  private static final Shape PROCEDURES = Shape.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", true);
  private static final Shape IMPORTED =
      new Shape(List.of("FKTABLE_CAT", "PKTABLE_CAT"), "FKTABLE_SCHEM", false);
  private static final Shape EXPORTED =
      new Shape(List.of("PKTABLE_CAT", "FKTABLE_CAT"), "PKTABLE_SCHEM", false);

  private final Connection connection;
  private final ShardSession session;
  private final String url;
  private final DriverIdentity driver;
  private final ClusterConfig config;
  private final CatalogReader reader;

  /**
   * @param connection the logical connection ({@link #getConnection()})
   * @param session    the same connection's access to its shards
   * @param url        the {@code jdbc:sherd:} URL it was opened with
   */
  public LogicalDatabaseMetaData(Connection connection, ShardSession session, String url,
      DriverIdentity driver) {
    this.connection = connection;
    this.session = session;
    this.url = url;
    this.driver = driver;
    this.config = session.runtime().config();
    this.reader = new CatalogReader(session);
  }

  private void checkOpen() throws SQLException {
    if (connection.isClosed()) {
      throw new SQLNonTransientConnectionException("connection is closed", "08003");
    }
  }

  private ShardFacts facts() throws SQLException {
    checkOpen();
    return ShardFacts.of(session);
  }

  private boolean fact(Fact fact) throws SQLException {
    return facts().bool(fact);
  }

  private int limit(Fact fact) throws SQLException {
    return facts().integer(fact);
  }

  private String text(Fact fact) throws SQLException {
    return facts().text(fact);
  }

  private MetaRows read(String catalog, String schema, Shape shape, CatalogReader.Call call)
      throws SQLException {
    checkOpen();
    return reader.read(catalog, schema, shape, call);
  }

  private MetaRows readTable(String catalog, String schema, String table, Shape shape,
      CatalogReader.Call call) throws SQLException {
    checkOpen();
    return reader.readTable(catalog, schema, table, shape, call);
  }

  @FunctionalInterface
  private interface ShardAnswer<T> {
    T of(DatabaseMetaData md) throws SQLException;
  }

  /** One answer of the default shard's driver that depends on arguments: not kept. */
  private <T> T onDefaultShard(ShardAnswer<T> answer) throws SQLException {
    checkOpen();
    Lease lease = session.lease(config.defaultShard());
    try {
      return answer.of(lease.connection().getMetaData());
    } catch (SQLException e) {
      throw ShardErrors.wrap(config.shard(config.defaultShard()).name(), e);
    } finally {
      lease.release();
    }
  }

  /** The default shard's product name, as its own driver reports it (e.g. {@code H2}). */
  public String getShardDatabaseProductName() throws SQLException {
    return text(Fact.PRODUCT_NAME);
  }

  /** The default shard's product version, as its own driver reports it. */
  public String getShardDatabaseProductVersion() throws SQLException {
    return text(Fact.PRODUCT_VERSION);
  }

  // ---- identity -----------------------------------------------------------------------------------

  /**
   * The shards' own product name ({@code H2}, {@code PostgreSQL}, {@code MariaDB}): ORMs, query
   * builders and migration tools choose their SQL dialect by it, and the cluster speaks exactly that
   * dialect. That it is Sherd shows in the version string, the driver name and
   * {@link #getShardDatabaseProductName()}.
   */
  @Override
  public String getDatabaseProductName() throws SQLException {
    return text(Fact.PRODUCT_NAME);
  }

  /**
   * The shards' version followed by Sherd's, e.g. {@code 2.4.240 (2025-09-22) (via Sherd 0.1)}: the
   * database's own version comes first so tools that parse it keep working.
   */
  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return text(Fact.PRODUCT_VERSION) + " (via Sherd " + driver.version() + ")";
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return limit(Fact.MAJOR_VERSION);
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return limit(Fact.MINOR_VERSION);
  }

  @Override
  public String getDriverName() {
    return driver.name();
  }

  @Override
  public String getDriverVersion() {
    return driver.version();
  }

  @Override
  public int getDriverMajorVersion() {
    return driver.major();
  }

  @Override
  public int getDriverMinorVersion() {
    return driver.minor();
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  /** The {@code jdbc:sherd:} URL; it names the config file and never holds a password. */
  @Override
  public String getURL() {
    return url;
  }

  /** The user the default shard's connections log in as. */
  @Override
  public String getUserName() throws SQLException {
    String user = config.shard(config.defaultShard()).user();
    return user != null ? user : onDefaultShard(DatabaseMetaData::getUserName);
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  // ---- capabilities of the driver ---------------------------------------------------------------

  /** Merged results stream from several shards: forward-only only. */
  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0; // setCursorName is not supported
  }

  /** Savepoints would have to be set on every shard a transaction touches: not yet. */
  @Override
  public boolean supportsSavepoints() {
    return false;
  }

  /** CALL is not routed across shards ({@code prepareCall} is refused). */
  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean supportsRefCursors() {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  /**
   * True: a write routed to one shard (an insert into an unlisted table, or rows whose sharding
   * key is given and lands on one shard) returns the keys its shard generated. A write spanning
   * shards returns none.
   */
  @Override
  public boolean supportsGetGeneratedKeys() {
    return true;
  }

  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  @Override
  public boolean supportsTransactions() throws SQLException {
    return fact(Fact.SUPPORTS_TRANSACTIONS);
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return true;
  }

  @Override
  public int getDefaultTransactionIsolation() throws SQLException {
    return limit(Fact.DEFAULT_TRANSACTION_ISOLATION);
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
    switch (level) {
      case Connection.TRANSACTION_NONE:
        return fact(Fact.SUPPORTS_ISOLATION_NONE);
      case Connection.TRANSACTION_READ_UNCOMMITTED:
        return fact(Fact.SUPPORTS_ISOLATION_READ_UNCOMMITTED);
      case Connection.TRANSACTION_READ_COMMITTED:
        return fact(Fact.SUPPORTS_ISOLATION_READ_COMMITTED);
      case Connection.TRANSACTION_REPEATABLE_READ:
        return fact(Fact.SUPPORTS_ISOLATION_REPEATABLE_READ);
      case Connection.TRANSACTION_SERIALIZABLE:
        return fact(Fact.SUPPORTS_ISOLATION_SERIALIZABLE);
      default:
        return false;
    }
  }

  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    return fact(Fact.SUPPORTS_DDL_AND_DML_TRANSACTIONS);
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    return fact(Fact.SUPPORTS_DML_TRANSACTIONS_ONLY);
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    return fact(Fact.DDL_CAUSES_TRANSACTION_COMMIT);
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    return fact(Fact.DDL_IGNORED_IN_TRANSACTIONS);
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    return fact(Fact.SUPPORTS_OPEN_CURSORS_ACROSS_COMMIT);
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    return fact(Fact.SUPPORTS_OPEN_CURSORS_ACROSS_ROLLBACK);
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    return fact(Fact.SUPPORTS_OPEN_STATEMENTS_ACROSS_COMMIT);
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    return fact(Fact.SUPPORTS_OPEN_STATEMENTS_ACROSS_ROLLBACK);
  }

  /** Row ids are per shard; {@code setRowId} is refused. */
  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return true; // LOB values are copied into the statement or the row
  }

  /** The JDBC sharding-key API ({@code ShardingKey}), not Sherd's own sharding. */
  @Override
  public boolean supportsSharding() {
    return false;
  }

  /** A logical connection holds no shard connection while idle: no limit of its own. */
  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  // ---- the shard database's SQL -----------------------------------------------------------------

  @Override
  public boolean allTablesAreSelectable() throws SQLException {
    return fact(Fact.ALL_TABLES_ARE_SELECTABLE);
  }

  @Override
  public boolean nullsAreSortedHigh() throws SQLException {
    return fact(Fact.NULLS_ARE_SORTED_HIGH);
  }

  @Override
  public boolean nullsAreSortedLow() throws SQLException {
    return fact(Fact.NULLS_ARE_SORTED_LOW);
  }

  @Override
  public boolean nullsAreSortedAtStart() throws SQLException {
    return fact(Fact.NULLS_ARE_SORTED_AT_START);
  }

  @Override
  public boolean nullsAreSortedAtEnd() throws SQLException {
    return fact(Fact.NULLS_ARE_SORTED_AT_END);
  }

  @Override
  public boolean usesLocalFiles() throws SQLException {
    return fact(Fact.USES_LOCAL_FILES);
  }

  @Override
  public boolean usesLocalFilePerTable() throws SQLException {
    return fact(Fact.USES_LOCAL_FILE_PER_TABLE);
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() throws SQLException {
    return fact(Fact.SUPPORTS_MIXED_CASE_IDENTIFIERS);
  }

  @Override
  public boolean storesUpperCaseIdentifiers() throws SQLException {
    return fact(Fact.STORES_UPPER_CASE_IDENTIFIERS);
  }

  @Override
  public boolean storesLowerCaseIdentifiers() throws SQLException {
    return fact(Fact.STORES_LOWER_CASE_IDENTIFIERS);
  }

  @Override
  public boolean storesMixedCaseIdentifiers() throws SQLException {
    return fact(Fact.STORES_MIXED_CASE_IDENTIFIERS);
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    return fact(Fact.SUPPORTS_MIXED_CASE_QUOTED_IDENTIFIERS);
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    return fact(Fact.STORES_UPPER_CASE_QUOTED_IDENTIFIERS);
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    return fact(Fact.STORES_LOWER_CASE_QUOTED_IDENTIFIERS);
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    return fact(Fact.STORES_MIXED_CASE_QUOTED_IDENTIFIERS);
  }

  @Override
  public String getIdentifierQuoteString() throws SQLException {
    return text(Fact.IDENTIFIER_QUOTE_STRING);
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return text(Fact.SQL_KEYWORDS);
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return text(Fact.NUMERIC_FUNCTIONS);
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return text(Fact.STRING_FUNCTIONS);
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    return text(Fact.SYSTEM_FUNCTIONS);
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return text(Fact.TIME_DATE_FUNCTIONS);
  }

  @Override
  public String getSearchStringEscape() throws SQLException {
    return text(Fact.SEARCH_STRING_ESCAPE);
  }

  @Override
  public String getExtraNameCharacters() throws SQLException {
    return text(Fact.EXTRA_NAME_CHARACTERS);
  }

  @Override
  public boolean supportsAlterTableWithAddColumn() throws SQLException {
    return fact(Fact.SUPPORTS_ALTER_TABLE_WITH_ADD_COLUMN);
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() throws SQLException {
    return fact(Fact.SUPPORTS_ALTER_TABLE_WITH_DROP_COLUMN);
  }

  @Override
  public boolean supportsColumnAliasing() throws SQLException {
    return fact(Fact.SUPPORTS_COLUMN_ALIASING);
  }

  @Override
  public boolean nullPlusNonNullIsNull() throws SQLException {
    return fact(Fact.NULL_PLUS_NON_NULL_IS_NULL);
  }

  @Override
  public boolean supportsConvert() throws SQLException {
    return fact(Fact.SUPPORTS_CONVERT);
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) throws SQLException {
    return onDefaultShard(md -> md.supportsConvert(fromType, toType));
  }

  @Override
  public boolean supportsTableCorrelationNames() throws SQLException {
    return fact(Fact.SUPPORTS_TABLE_CORRELATION_NAMES);
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    return fact(Fact.SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES);
  }

  @Override
  public boolean supportsExpressionsInOrderBy() throws SQLException {
    return fact(Fact.SUPPORTS_EXPRESSIONS_IN_ORDER_BY);
  }

  @Override
  public boolean supportsOrderByUnrelated() throws SQLException {
    return fact(Fact.SUPPORTS_ORDER_BY_UNRELATED);
  }

  @Override
  public boolean supportsGroupBy() throws SQLException {
    return fact(Fact.SUPPORTS_GROUP_BY);
  }

  @Override
  public boolean supportsGroupByUnrelated() throws SQLException {
    return fact(Fact.SUPPORTS_GROUP_BY_UNRELATED);
  }

  @Override
  public boolean supportsGroupByBeyondSelect() throws SQLException {
    return fact(Fact.SUPPORTS_GROUP_BY_BEYOND_SELECT);
  }

  @Override
  public boolean supportsLikeEscapeClause() throws SQLException {
    return fact(Fact.SUPPORTS_LIKE_ESCAPE_CLAUSE);
  }

  @Override
  public boolean supportsNonNullableColumns() throws SQLException {
    return fact(Fact.SUPPORTS_NON_NULLABLE_COLUMNS);
  }

  @Override
  public boolean supportsMinimumSQLGrammar() throws SQLException {
    return fact(Fact.SUPPORTS_MINIMUM_SQL_GRAMMAR);
  }

  @Override
  public boolean supportsCoreSQLGrammar() throws SQLException {
    return fact(Fact.SUPPORTS_CORE_SQL_GRAMMAR);
  }

  @Override
  public boolean supportsExtendedSQLGrammar() throws SQLException {
    return fact(Fact.SUPPORTS_EXTENDED_SQL_GRAMMAR);
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    return fact(Fact.SUPPORTS_ANSI92_ENTRY_LEVEL_SQL);
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() throws SQLException {
    return fact(Fact.SUPPORTS_ANSI92_INTERMEDIATE_SQL);
  }

  @Override
  public boolean supportsANSI92FullSQL() throws SQLException {
    return fact(Fact.SUPPORTS_ANSI92_FULL_SQL);
  }

  @Override
  public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    return fact(Fact.SUPPORTS_INTEGRITY_ENHANCEMENT_FACILITY);
  }

  @Override
  public boolean supportsOuterJoins() throws SQLException {
    return fact(Fact.SUPPORTS_OUTER_JOINS);
  }

  @Override
  public boolean supportsFullOuterJoins() throws SQLException {
    return fact(Fact.SUPPORTS_FULL_OUTER_JOINS);
  }

  @Override
  public boolean supportsLimitedOuterJoins() throws SQLException {
    return fact(Fact.SUPPORTS_LIMITED_OUTER_JOINS);
  }

  @Override
  public String getSchemaTerm() throws SQLException {
    return text(Fact.SCHEMA_TERM);
  }

  @Override
  public String getProcedureTerm() throws SQLException {
    return text(Fact.PROCEDURE_TERM);
  }

  @Override
  public String getCatalogTerm() throws SQLException {
    return text(Fact.CATALOG_TERM);
  }

  @Override
  public boolean isCatalogAtStart() throws SQLException {
    return fact(Fact.IS_CATALOG_AT_START);
  }

  @Override
  public String getCatalogSeparator() throws SQLException {
    return text(Fact.CATALOG_SEPARATOR);
  }

  @Override
  public boolean supportsSchemasInDataManipulation() throws SQLException {
    return fact(Fact.SUPPORTS_SCHEMAS_IN_DATA_MANIPULATION);
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() throws SQLException {
    return fact(Fact.SUPPORTS_SCHEMAS_IN_TABLE_DEFINITIONS);
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    return fact(Fact.SUPPORTS_SCHEMAS_IN_INDEX_DEFINITIONS);
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    return fact(Fact.SUPPORTS_SCHEMAS_IN_PRIVILEGE_DEFINITIONS);
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() throws SQLException {
    return fact(Fact.SUPPORTS_CATALOGS_IN_DATA_MANIPULATION);
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    return fact(Fact.SUPPORTS_CATALOGS_IN_TABLE_DEFINITIONS);
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    return fact(Fact.SUPPORTS_CATALOGS_IN_INDEX_DEFINITIONS);
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    return fact(Fact.SUPPORTS_CATALOGS_IN_PRIVILEGE_DEFINITIONS);
  }

  /** FOR UPDATE is passed to every shard the statement reads. */
  @Override
  public boolean supportsSelectForUpdate() throws SQLException {
    return fact(Fact.SUPPORTS_SELECT_FOR_UPDATE);
  }

  @Override
  public boolean supportsSubqueriesInComparisons() throws SQLException {
    return fact(Fact.SUPPORTS_SUBQUERIES_IN_COMPARISONS);
  }

  @Override
  public boolean supportsSubqueriesInExists() throws SQLException {
    return fact(Fact.SUPPORTS_SUBQUERIES_IN_EXISTS);
  }

  @Override
  public boolean supportsSubqueriesInIns() throws SQLException {
    return fact(Fact.SUPPORTS_SUBQUERIES_IN_INS);
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    return fact(Fact.SUPPORTS_SUBQUERIES_IN_QUANTIFIEDS);
  }

  @Override
  public boolean supportsCorrelatedSubqueries() throws SQLException {
    return fact(Fact.SUPPORTS_CORRELATED_SUBQUERIES);
  }

  @Override
  public boolean supportsUnion() throws SQLException {
    return fact(Fact.SUPPORTS_UNION);
  }

  @Override
  public boolean supportsUnionAll() throws SQLException {
    return fact(Fact.SUPPORTS_UNION_ALL);
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return limit(Fact.MAX_BINARY_LITERAL_LENGTH);
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return limit(Fact.MAX_CHAR_LITERAL_LENGTH);
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return limit(Fact.MAX_COLUMN_NAME_LENGTH);
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return limit(Fact.MAX_COLUMNS_IN_GROUP_BY);
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return limit(Fact.MAX_COLUMNS_IN_INDEX);
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return limit(Fact.MAX_COLUMNS_IN_ORDER_BY);
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return limit(Fact.MAX_COLUMNS_IN_SELECT);
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return limit(Fact.MAX_COLUMNS_IN_TABLE);
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return limit(Fact.MAX_INDEX_LENGTH);
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return limit(Fact.MAX_SCHEMA_NAME_LENGTH);
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return limit(Fact.MAX_PROCEDURE_NAME_LENGTH);
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return limit(Fact.MAX_CATALOG_NAME_LENGTH);
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return limit(Fact.MAX_ROW_SIZE);
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    return fact(Fact.DOES_MAX_ROW_SIZE_INCLUDE_BLOBS);
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return limit(Fact.MAX_STATEMENT_LENGTH);
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return limit(Fact.MAX_TABLE_NAME_LENGTH);
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return limit(Fact.MAX_TABLES_IN_SELECT);
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return limit(Fact.MAX_USER_NAME_LENGTH);
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    return facts().longValue(Fact.MAX_LOGICAL_LOB_SIZE);
  }

  // ---- the catalog ------------------------------------------------------------------------------

  /**
   * Each logical table once, as the default shard defines it, in the logical database only (never
   * another database on the shard server, nor system schemas unless asked for). REMARKS keeps the
   * database's remark and adds where the rows live: {@code sharded by hash(id) over 4 shards
   * [s0,s1,s2,s3]; colocated with orders}, {@code broadcast to 4 shards [...]}, {@code on default
   * shard s0}.
   */
  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern,
      String[] types) throws SQLException {
    checkOpen();
    return new LogicalTables(reader, config, ShardFacts.of(session))
        .tables(catalog, schemaPattern, tableNamePattern, types).toResultSet();
  }

  /** The columns of the logical tables; the sharding key's REMARKS say that it is one. */
  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    checkOpen();
    String table = Patterns.literal(tableNamePattern, text(Fact.SEARCH_STRING_ESCAPE));
    CatalogReader.Call call =
        (md, c, s) -> md.getColumns(c, s, tableNamePattern, columnNamePattern);
    MetaRows rows = table == null ? read(catalog, schemaPattern, TABLE_PATTERN, call)
        : readTable(catalog, schemaPattern, table, TABLE_PATTERN, call);
    LogicalTables.annotateColumns(rows, config);
    return rows.toResultSet();
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table)
      throws SQLException {
    return readTable(catalog, schema, table, TABLE,
        (md, c, s) -> md.getPrimaryKeys(c, s, table)).toResultSet();
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique,
      boolean approximate) throws SQLException {
    return readTable(catalog, schema, table, TABLE,
        (md, c, s) -> md.getIndexInfo(c, s, table, unique, approximate)).toResultSet();
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return readTable(catalog, schema, table, IMPORTED,
        (md, c, s) -> md.getImportedKeys(c, s, table)).toResultSet();
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return readTable(catalog, schema, table, EXPORTED,
        (md, c, s) -> md.getExportedKeys(c, s, table)).toResultSet();
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema,
      String parentTable, String foreignCatalog, String foreignSchema, String foreignTable)
      throws SQLException {
    return read(parentCatalog, parentSchema, EXPORTED, (md, c, s) -> md.getCrossReference(c, s,
        parentTable, foreignCatalog == null ? c : foreignCatalog,
        foreignSchema == null ? s : foreignSchema, foreignTable)).toResultSet();
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope,
      boolean nullable) throws SQLException {
    return readTable(catalog, schema, table, NO_COLUMNS,
        (md, c, s) -> md.getBestRowIdentifier(c, s, table, scope, nullable)).toResultSet();
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return readTable(catalog, schema, table, NO_COLUMNS,
        (md, c, s) -> md.getVersionColumns(c, s, table)).toResultSet();
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table,
      String columnNamePattern) throws SQLException {
    return readTable(catalog, schema, table, TABLE,
        (md, c, s) -> md.getColumnPrivileges(c, s, table, columnNamePattern)).toResultSet();
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern,
      String tableNamePattern) throws SQLException {
    return read(catalog, schemaPattern, TABLE_PATTERN,
        (md, c, s) -> md.getTablePrivileges(c, s, tableNamePattern)).toResultSet();
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern,
      String tableNamePattern, String columnNamePattern) throws SQLException {
    return read(catalog, schemaPattern, TABLE_PATTERN,
        (md, c, s) -> md.getPseudoColumns(c, s, tableNamePattern, columnNamePattern))
        .toResultSet();
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return read(catalog, schemaPattern, TABLE_PATTERN,
        (md, c, s) -> md.getSuperTables(c, s, tableNamePattern)).toResultSet();
  }

  /** The logical catalog only: the default shard connection's own. */
  @Override
  public ResultSet getCatalogs() throws SQLException {
    return read(null, null, Shape.of("TABLE_CAT", null, true),
        (md, c, s) -> md.getCatalogs()).toResultSet();
  }

  /** The schemas of the logical catalog. */
  @Override
  public ResultSet getSchemas() throws SQLException {
    return read(null, null, Shape.of("TABLE_CATALOG", null, true),
        (md, c, s) -> md.getSchemas()).toResultSet();
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    return read(catalog, null, Shape.of("TABLE_CATALOG", null, true),
        (md, c, s) -> md.getSchemas(c, schemaPattern)).toResultSet();
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    checkOpen();
    return reader.readAll((md, c, s) -> md.getTableTypes()).toResultSet();
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    checkOpen();
    return reader.readAll((md, c, s) -> md.getTypeInfo()).toResultSet();
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern,
      int[] types) throws SQLException {
    return read(catalog, schemaPattern, TYPES,
        (md, c, s) -> md.getUDTs(c, s, typeNamePattern, types)).toResultSet();
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    return read(catalog, schemaPattern, TYPES,
        (md, c, s) -> md.getSuperTypes(c, s, typeNamePattern)).toResultSet();
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    return read(catalog, schemaPattern, TYPES,
        (md, c, s) -> md.getAttributes(c, s, typeNamePattern, attributeNamePattern))
        .toResultSet();
  }

  /**
   * Functions of the logical database, as the default shard has them. A function created through
   * the driver exists on the default shard only; a statement using it on another shard fails
   * there, naming the shard.
   */
  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return read(catalog, schemaPattern, FUNCTIONS,
        (md, c, s) -> md.getFunctions(c, s, functionNamePattern)).toResultSet();
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern,
      String functionNamePattern, String columnNamePattern) throws SQLException {
    return read(catalog, schemaPattern, FUNCTIONS, (md, c, s) ->
        md.getFunctionColumns(c, s, functionNamePattern, columnNamePattern)).toResultSet();
  }

  /** Always empty (with the standard columns): stored procedures cannot be called through Sherd. */
  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern,
      String procedureNamePattern) throws SQLException {
    MetaRows rows = read(catalog, schemaPattern, PROCEDURES,
        (md, c, s) -> md.getProcedures(c, s, procedureNamePattern));
    rows.rows.clear();
    return rows.toResultSet();
  }

  /** Always empty (with the standard columns): stored procedures cannot be called through Sherd. */
  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern,
      String procedureNamePattern, String columnNamePattern) throws SQLException {
    MetaRows rows = read(catalog, schemaPattern, PROCEDURES,
        (md, c, s) -> md.getProcedureColumns(c, s, procedureNamePattern, columnNamePattern));
    rows.rows.clear();
    return rows.toResultSet();
  }

  /** None: client info set on a logical connection stays in the driver. */
  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    checkOpen();
    return new MetaRows(List.of(MetaRows.varchar("NAME"), MetaRows.integer("MAX_LEN"),
        MetaRows.varchar("DEFAULT_VALUE"), MetaRows.varchar("DESCRIPTION")), new ArrayList<>())
        .toResultSet();
  }

  // ---- wrapper ----------------------------------------------------------------------------------

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "LogicalDatabaseMetaData[" + url + "]";
  }
}
