package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.exec.ShardSession;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the default shard's database says about itself and its SQL (product, identifier quoting
 * and case rules, keyword and function lists, limits, grammar), read once per cluster runtime in
 * one shard round trip and kept: these answers do not change while the runtime lives. An answer
 * the shard driver refused is kept as its exception and thrown again when asked. Immutable and
 * thread-safe.
 */
final class ShardFacts {

  /** One answer of the shard's {@link DatabaseMetaData}. */
  @FunctionalInterface
  interface Reader {
    Object read(DatabaseMetaData md) throws SQLException;
  }

  /** The answers kept: each names the {@link DatabaseMetaData} method it reads. */
  enum Fact {
    PRODUCT_NAME(DatabaseMetaData::getDatabaseProductName),
    PRODUCT_VERSION(DatabaseMetaData::getDatabaseProductVersion),
    MAJOR_VERSION(DatabaseMetaData::getDatabaseMajorVersion),
    MINOR_VERSION(DatabaseMetaData::getDatabaseMinorVersion),
    ALL_TABLES_ARE_SELECTABLE(DatabaseMetaData::allTablesAreSelectable),
    NULLS_ARE_SORTED_HIGH(DatabaseMetaData::nullsAreSortedHigh),
    NULLS_ARE_SORTED_LOW(DatabaseMetaData::nullsAreSortedLow),
    NULLS_ARE_SORTED_AT_START(DatabaseMetaData::nullsAreSortedAtStart),
    NULLS_ARE_SORTED_AT_END(DatabaseMetaData::nullsAreSortedAtEnd),
    USES_LOCAL_FILES(DatabaseMetaData::usesLocalFiles),
    USES_LOCAL_FILE_PER_TABLE(DatabaseMetaData::usesLocalFilePerTable),
    SUPPORTS_MIXED_CASE_IDENTIFIERS(DatabaseMetaData::supportsMixedCaseIdentifiers),
    STORES_UPPER_CASE_IDENTIFIERS(DatabaseMetaData::storesUpperCaseIdentifiers),
    STORES_LOWER_CASE_IDENTIFIERS(DatabaseMetaData::storesLowerCaseIdentifiers),
    STORES_MIXED_CASE_IDENTIFIERS(DatabaseMetaData::storesMixedCaseIdentifiers),
    SUPPORTS_MIXED_CASE_QUOTED_IDENTIFIERS(DatabaseMetaData::supportsMixedCaseQuotedIdentifiers),
    STORES_UPPER_CASE_QUOTED_IDENTIFIERS(DatabaseMetaData::storesUpperCaseQuotedIdentifiers),
    STORES_LOWER_CASE_QUOTED_IDENTIFIERS(DatabaseMetaData::storesLowerCaseQuotedIdentifiers),
    STORES_MIXED_CASE_QUOTED_IDENTIFIERS(DatabaseMetaData::storesMixedCaseQuotedIdentifiers),
    IDENTIFIER_QUOTE_STRING(DatabaseMetaData::getIdentifierQuoteString),
    SQL_KEYWORDS(DatabaseMetaData::getSQLKeywords),
    NUMERIC_FUNCTIONS(DatabaseMetaData::getNumericFunctions),
    STRING_FUNCTIONS(DatabaseMetaData::getStringFunctions),
    SYSTEM_FUNCTIONS(DatabaseMetaData::getSystemFunctions),
    TIME_DATE_FUNCTIONS(DatabaseMetaData::getTimeDateFunctions),
    SEARCH_STRING_ESCAPE(DatabaseMetaData::getSearchStringEscape),
    EXTRA_NAME_CHARACTERS(DatabaseMetaData::getExtraNameCharacters),
    SUPPORTS_ALTER_TABLE_WITH_ADD_COLUMN(DatabaseMetaData::supportsAlterTableWithAddColumn),
    SUPPORTS_ALTER_TABLE_WITH_DROP_COLUMN(DatabaseMetaData::supportsAlterTableWithDropColumn),
    SUPPORTS_COLUMN_ALIASING(DatabaseMetaData::supportsColumnAliasing),
    NULL_PLUS_NON_NULL_IS_NULL(DatabaseMetaData::nullPlusNonNullIsNull),
    SUPPORTS_CONVERT(DatabaseMetaData::supportsConvert),
    SUPPORTS_TABLE_CORRELATION_NAMES(DatabaseMetaData::supportsTableCorrelationNames),
    SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES(
        DatabaseMetaData::supportsDifferentTableCorrelationNames),
    SUPPORTS_EXPRESSIONS_IN_ORDER_BY(DatabaseMetaData::supportsExpressionsInOrderBy),
    SUPPORTS_ORDER_BY_UNRELATED(DatabaseMetaData::supportsOrderByUnrelated),
    SUPPORTS_GROUP_BY(DatabaseMetaData::supportsGroupBy),
    SUPPORTS_GROUP_BY_UNRELATED(DatabaseMetaData::supportsGroupByUnrelated),
    SUPPORTS_GROUP_BY_BEYOND_SELECT(DatabaseMetaData::supportsGroupByBeyondSelect),
    SUPPORTS_LIKE_ESCAPE_CLAUSE(DatabaseMetaData::supportsLikeEscapeClause),
    SUPPORTS_NON_NULLABLE_COLUMNS(DatabaseMetaData::supportsNonNullableColumns),
    SUPPORTS_MINIMUM_SQL_GRAMMAR(DatabaseMetaData::supportsMinimumSQLGrammar),
    SUPPORTS_CORE_SQL_GRAMMAR(DatabaseMetaData::supportsCoreSQLGrammar),
    SUPPORTS_EXTENDED_SQL_GRAMMAR(DatabaseMetaData::supportsExtendedSQLGrammar),
    SUPPORTS_ANSI92_ENTRY_LEVEL_SQL(DatabaseMetaData::supportsANSI92EntryLevelSQL),
    SUPPORTS_ANSI92_INTERMEDIATE_SQL(DatabaseMetaData::supportsANSI92IntermediateSQL),
    SUPPORTS_ANSI92_FULL_SQL(DatabaseMetaData::supportsANSI92FullSQL),
    SUPPORTS_INTEGRITY_ENHANCEMENT_FACILITY(DatabaseMetaData::supportsIntegrityEnhancementFacility),
    SUPPORTS_OUTER_JOINS(DatabaseMetaData::supportsOuterJoins),
    SUPPORTS_FULL_OUTER_JOINS(DatabaseMetaData::supportsFullOuterJoins),
    SUPPORTS_LIMITED_OUTER_JOINS(DatabaseMetaData::supportsLimitedOuterJoins),
    SCHEMA_TERM(DatabaseMetaData::getSchemaTerm),
    PROCEDURE_TERM(DatabaseMetaData::getProcedureTerm),
    CATALOG_TERM(DatabaseMetaData::getCatalogTerm),
    IS_CATALOG_AT_START(DatabaseMetaData::isCatalogAtStart),
    CATALOG_SEPARATOR(DatabaseMetaData::getCatalogSeparator),
    SUPPORTS_SCHEMAS_IN_DATA_MANIPULATION(DatabaseMetaData::supportsSchemasInDataManipulation),
    SUPPORTS_SCHEMAS_IN_TABLE_DEFINITIONS(DatabaseMetaData::supportsSchemasInTableDefinitions),
    SUPPORTS_SCHEMAS_IN_INDEX_DEFINITIONS(DatabaseMetaData::supportsSchemasInIndexDefinitions),
    SUPPORTS_SCHEMAS_IN_PRIVILEGE_DEFINITIONS(
        DatabaseMetaData::supportsSchemasInPrivilegeDefinitions),
    SUPPORTS_CATALOGS_IN_DATA_MANIPULATION(DatabaseMetaData::supportsCatalogsInDataManipulation),
    SUPPORTS_CATALOGS_IN_TABLE_DEFINITIONS(DatabaseMetaData::supportsCatalogsInTableDefinitions),
    SUPPORTS_CATALOGS_IN_INDEX_DEFINITIONS(DatabaseMetaData::supportsCatalogsInIndexDefinitions),
    SUPPORTS_CATALOGS_IN_PRIVILEGE_DEFINITIONS(
        DatabaseMetaData::supportsCatalogsInPrivilegeDefinitions),
    SUPPORTS_SELECT_FOR_UPDATE(DatabaseMetaData::supportsSelectForUpdate),
    SUPPORTS_SUBQUERIES_IN_COMPARISONS(DatabaseMetaData::supportsSubqueriesInComparisons),
    SUPPORTS_SUBQUERIES_IN_EXISTS(DatabaseMetaData::supportsSubqueriesInExists),
    SUPPORTS_SUBQUERIES_IN_INS(DatabaseMetaData::supportsSubqueriesInIns),
    SUPPORTS_SUBQUERIES_IN_QUANTIFIEDS(DatabaseMetaData::supportsSubqueriesInQuantifieds),
    SUPPORTS_CORRELATED_SUBQUERIES(DatabaseMetaData::supportsCorrelatedSubqueries),
    SUPPORTS_UNION(DatabaseMetaData::supportsUnion),
    SUPPORTS_UNION_ALL(DatabaseMetaData::supportsUnionAll),
    SUPPORTS_OPEN_CURSORS_ACROSS_COMMIT(DatabaseMetaData::supportsOpenCursorsAcrossCommit),
    SUPPORTS_OPEN_CURSORS_ACROSS_ROLLBACK(DatabaseMetaData::supportsOpenCursorsAcrossRollback),
    SUPPORTS_OPEN_STATEMENTS_ACROSS_COMMIT(DatabaseMetaData::supportsOpenStatementsAcrossCommit),
    SUPPORTS_OPEN_STATEMENTS_ACROSS_ROLLBACK(
        DatabaseMetaData::supportsOpenStatementsAcrossRollback),
    MAX_BINARY_LITERAL_LENGTH(DatabaseMetaData::getMaxBinaryLiteralLength),
    MAX_CHAR_LITERAL_LENGTH(DatabaseMetaData::getMaxCharLiteralLength),
    MAX_COLUMN_NAME_LENGTH(DatabaseMetaData::getMaxColumnNameLength),
    MAX_COLUMNS_IN_GROUP_BY(DatabaseMetaData::getMaxColumnsInGroupBy),
    MAX_COLUMNS_IN_INDEX(DatabaseMetaData::getMaxColumnsInIndex),
    MAX_COLUMNS_IN_ORDER_BY(DatabaseMetaData::getMaxColumnsInOrderBy),
    MAX_COLUMNS_IN_SELECT(DatabaseMetaData::getMaxColumnsInSelect),
    MAX_COLUMNS_IN_TABLE(DatabaseMetaData::getMaxColumnsInTable),
    MAX_INDEX_LENGTH(DatabaseMetaData::getMaxIndexLength),
    MAX_SCHEMA_NAME_LENGTH(DatabaseMetaData::getMaxSchemaNameLength),
    MAX_PROCEDURE_NAME_LENGTH(DatabaseMetaData::getMaxProcedureNameLength),
    MAX_CATALOG_NAME_LENGTH(DatabaseMetaData::getMaxCatalogNameLength),
    MAX_ROW_SIZE(DatabaseMetaData::getMaxRowSize),
    DOES_MAX_ROW_SIZE_INCLUDE_BLOBS(DatabaseMetaData::doesMaxRowSizeIncludeBlobs),
    MAX_STATEMENT_LENGTH(DatabaseMetaData::getMaxStatementLength),
    MAX_TABLE_NAME_LENGTH(DatabaseMetaData::getMaxTableNameLength),
    MAX_TABLES_IN_SELECT(DatabaseMetaData::getMaxTablesInSelect),
    MAX_USER_NAME_LENGTH(DatabaseMetaData::getMaxUserNameLength),
    MAX_LOGICAL_LOB_SIZE(DatabaseMetaData::getMaxLogicalLobSize),
    DEFAULT_TRANSACTION_ISOLATION(DatabaseMetaData::getDefaultTransactionIsolation),
    SUPPORTS_TRANSACTIONS(DatabaseMetaData::supportsTransactions),
    SUPPORTS_ISOLATION_NONE(md -> md.supportsTransactionIsolationLevel(
        Connection.TRANSACTION_NONE)),
    SUPPORTS_ISOLATION_READ_UNCOMMITTED(md -> md.supportsTransactionIsolationLevel(
        Connection.TRANSACTION_READ_UNCOMMITTED)),
    SUPPORTS_ISOLATION_READ_COMMITTED(md -> md.supportsTransactionIsolationLevel(
        Connection.TRANSACTION_READ_COMMITTED)),
    SUPPORTS_ISOLATION_REPEATABLE_READ(md -> md.supportsTransactionIsolationLevel(
        Connection.TRANSACTION_REPEATABLE_READ)),
    SUPPORTS_ISOLATION_SERIALIZABLE(md -> md.supportsTransactionIsolationLevel(
        Connection.TRANSACTION_SERIALIZABLE)),
    SUPPORTS_DDL_AND_DML_TRANSACTIONS(
        DatabaseMetaData::supportsDataDefinitionAndDataManipulationTransactions),
    SUPPORTS_DML_TRANSACTIONS_ONLY(DatabaseMetaData::supportsDataManipulationTransactionsOnly),
    DDL_CAUSES_TRANSACTION_COMMIT(DatabaseMetaData::dataDefinitionCausesTransactionCommit),
    DDL_IGNORED_IN_TRANSACTIONS(DatabaseMetaData::dataDefinitionIgnoredInTransactions);

    private final Reader reader;

    Fact(Reader reader) {
      this.reader = reader;
    }
  }

  /** One snapshot per runtime; a runtime that is no longer referenced takes its facts with it. */
  private static final Map<ClusterRuntime, ShardFacts> BY_RUNTIME =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final String shard;
  private final Map<Fact, Object> answers;

  private ShardFacts(String shard, Map<Fact, Object> answers) {
    this.shard = shard;
    this.answers = answers;
  }

  /** The facts of {@code session}'s cluster, read from its default shard the first time. */
  static ShardFacts of(ShardSession session) throws SQLException {
    ClusterRuntime runtime = session.runtime();
    ShardFacts facts = BY_RUNTIME.get(runtime);
    if (facts == null) {
      facts = read(session);
      BY_RUNTIME.put(runtime, facts);
    }
    return facts;
  }

  private static ShardFacts read(ShardSession session) throws SQLException {
    int shard = session.runtime().config().defaultShard();
    String name = session.runtime().config().shard(shard).name();
    Lease lease = session.lease(shard);
    try {
      DatabaseMetaData md = lease.connection().getMetaData();
      Map<Fact, Object> answers = new EnumMap<>(Fact.class);
      for (Fact f : Fact.values()) {
        try {
          answers.put(f, f.reader.read(md));
        } catch (SQLException e) {
          answers.put(f, e);
        }
      }
      return new ShardFacts(name, Collections.unmodifiableMap(answers));
    } catch (SQLException e) {
      throw ShardErrors.wrap(name, e);
    } finally {
      lease.release();
    }
  }

  private Object get(Fact fact) throws SQLException {
    Object answer = answers.get(fact);
    if (answer instanceof SQLException e) {
      throw ShardErrors.wrap(shard, e); // a fresh exception each time, with the shard's class
    }
    return answer;
  }

  boolean bool(Fact fact) throws SQLException {
    return (Boolean) get(fact);
  }

  int integer(Fact fact) throws SQLException {
    return (Integer) get(fact);
  }

  long longValue(Fact fact) throws SQLException {
    return (Long) get(fact);
  }

  String text(Fact fact) throws SQLException {
    return (String) get(fact);
  }
}
