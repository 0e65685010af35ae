package dev.sherd.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sherd.metadata.BroadcastTable;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ShardSet;
import dev.sherd.metadata.ShardedTable;
import dev.sherd.metadata.TableRule;
import dev.sherd.sql.plan.DdlPlan;
import dev.sherd.sql.plan.ExplainPlan;
import dev.sherd.sql.plan.PassthroughPlan;
import dev.sherd.sql.plan.QueryPlan;
import dev.sherd.sql.plan.Refusals;
import dev.sherd.sql.plan.RouteSpec;
import dev.sherd.sql.plan.ShardSql;
import dev.sherd.sql.plan.StatementPlan;
import dev.sherd.sql.plan.TransactionPlan;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns SQL text into a {@link StatementPlan}: classify, parse (Calcite, the shard family's
 * dialect), analyse, route, rewrite. Plans are cached by SQL text (Caffeine, bounded), so a
 * statement is parsed once however often it runs; a PreparedStatement binds its parameters into the
 * cached plan. Thread-safe.
 *
 * <p>Parsing failures of statements that name no configured table are not errors here: such a
 * statement (vendor syntax on an unlisted table) is passed to the default shard, which is where the
 * table lives and which judges the syntax. A statement that names a sharded or broadcast table must
 * parse, since it cannot be routed otherwise.
 */
public final class Planner {

  /** Default bound of the plan cache. */
  public static final long DEFAULT_MAX_PLANS = 10_000;

  private final ClusterConfig config;
  private final Names names;
  private final SqlDialects dialects;
  private final WritePlanner writes;
  private final RouteFactory routes;
  private final Cache<String, StatementPlan> cache;
  private final LogicalCatalog catalog;

  public Planner(ClusterConfig config, long maxPlans) {
    this(config, maxPlans, LogicalCatalog.NONE);
  }

  /**
   * @param catalog the catalog clients qualify names with, removed before planning
   *                ({@link CatalogQualifiers}); asked only for texts that contain a dot
   */
  public Planner(ClusterConfig config, long maxPlans, LogicalCatalog catalog) {
    this.config = config;
    this.catalog = catalog;
    this.names = new Names(config);
    this.dialects = new SqlDialects(config.dialect());
    this.routes = new RouteFactory(config);
    this.writes = new WritePlanner(config, names, dialects, routes);
    this.cache = Caffeine.newBuilder().maximumSize(maxPlans).executor(Runnable::run).build();
  }

  public ClusterConfig config() {
    return config;
  }

  /** The plan of {@code sql}, from the cache when this text was planned before. */
  public StatementPlan plan(String sql) throws SQLException {
    StatementPlan plan = cache.getIfPresent(sql);
    if (plan == null) {
      plan = planUncached(sql);
      cache.put(sql, plan);
    }
    return plan;
  }

  /**
   * Parses and analyses representative statements without caching them, so that Calcite's
   * one-time initialisation is paid before the application's first statement.
   */
  public void warmUp() throws SQLException {
    planUncached("SELECT a, COUNT(*), SUM(b) FROM sherd_warmup WHERE c = ? AND d IN (1, 2)"
        + " GROUP BY a ORDER BY a LIMIT 10");
    planUncached("INSERT INTO sherd_warmup (a, b) VALUES (?, 'x')");
  }

  /** Forgets every cached plan (after DDL, which may change what a text means). */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** Number of cached plans (approximate). */
  public long cachedPlans() {
    return cache.estimatedSize();
  }

  StatementPlan planUncached(String sql) throws SQLException {
    String text = sql.indexOf('.') < 0 ? sql
        : CatalogQualifiers.strip(sql, catalog.name(), config.dialect());
    StatementShape shape = StatementShape.of(text);
    switch (shape.kind) {
      case EXPLAIN:
        if (shape.body.isEmpty()) {
          throw new SQLSyntaxErrorException("EXPLAIN needs a statement", "42000");
        }
        return new ExplainPlan(sql, planUncached(shape.body));
      case MULTIPLE:
        throw Refusals.unsupported("several statements in one text: send each statement on its"
            + " own (each may route differently)");
      case TRANSACTION:
        return transaction(sql, shape);
      case QUERY:
        refuseSessionFunctions(shape);
        return query(sql, shape);
      case INSERT:
      case UPDATE:
      case DELETE:
        refuseSessionFunctions(shape);
        return write(sql, shape);
      case DDL:
        return ddl(sql, shape);
      case SESSION:
        throw Refusals.unsupported(firstWords(shape.body) + ": session settings would change only"
            + " one pooled shard connection; set them in each shard's JDBC URL or pool settings");
      case UPSERT:
        if (namesConfiguredTable(shape)) {
          throw Refusals.unsupported(firstWords(shape.body) + " on a sharded or broadcast table");
        }
        return passthrough(sql, shape);
      default:
        if (namesConfiguredTable(shape)) {
          if (!KNOWN_VERBS.contains(firstWords(shape.body).split(" ")[0])) {
            parse(shape); // not a statement at all: a syntax error, reported with its position
          }
          throw Refusals.unsupported("statement '" + firstWords(shape.body)
              + "' names a sharded or broadcast table, and only SELECT, INSERT, UPDATE, DELETE and"
              + " DDL can be routed");
        }
        return passthrough(sql, shape);
    }
  }

  /**
   * COMMIT, ROLLBACK, BEGIN and START TRANSACTION map onto the logical connection; savepoints and
   * transaction characteristics (READ ONLY, ISOLATION LEVEL…) in SQL are refused rather than
   * half-applied.
   */
  private StatementPlan transaction(String sql, StatementShape shape) throws SQLException {
    List<SqlToken> tokens = SqlTokenizer.tokenize(shape.body);
    String verb = tokens.get(0).text();
    boolean plain;
    switch (verb) {
      case "COMMIT":
      case "ROLLBACK":
      case "BEGIN":
        plain = tokens.size() == 1 || (tokens.size() == 2 && (tokens.get(1).isWord("WORK")
            || tokens.get(1).isWord("TRANSACTION")));
        break;
      case "START":
        plain = tokens.size() == 2 && tokens.get(1).isWord("TRANSACTION");
        break;
      default:
        plain = false;
    }
    if (!plain) {
      throw Refusals.unsupported("'" + shape.body + "': savepoints and transaction options in SQL"
          + " are not supported; use Connection.setAutoCommit/commit/rollback/setReadOnly/"
          + "setTransactionIsolation");
    }
    return new TransactionPlan(sql, verb);
  }

  private static void refuseSessionFunctions(StatementShape shape) throws SQLException {
    String function = SessionFunctions.firstIn(shape.body);
    if (function != null) {
      throw Refusals.unsupported(function + "(): its effect stays with the pooled shard"
          + " connection that runs it, which the next statement may not get (an unlock would go"
          + " to another connection, a setting would pass to the connection's next borrower); set"
          + " parameters in every shard's JDBC URL, use transaction-level locks");
    }
  }

  /** First words of statements that are valid SQL but cannot be routed: refused, not misparsed. */
  private static final Set<String> KNOWN_VERBS = Set.of("GRANT", "REVOKE", "CALL", "EXEC",
      "EXECUTE", "ANALYZE", "VACUUM", "LOCK", "SHOW", "DESCRIBE", "DESC", "HELP", "CHECKPOINT",
      "SCRIPT", "RUNSCRIPT", "BACKUP", "SHUTDOWN", "COPY", "DO", "PREPARE", "DEALLOCATE", "LISTEN",
      "NOTIFY", "REFRESH", "REINDEX", "CLUSTER", "DISCARD", "LOAD", "OPTIMIZE", "REPAIR", "KILL",
      "FLUSH", "HANDLER", "CHECK", "CHECKSUM", "REPLACE", "MERGE", "UPSERT", "SET", "USE", "RESET");

  private StatementPlan query(String sql, StatementShape shape) throws SQLException {
    Optional<SqlNode> parsed = parse(shape);
    if (parsed.isEmpty()) {
      return passthrough(sql, shape);
    }
    SqlNode node = parsed.get();
    QueryAnalyzer.Analysis analysis = new QueryAnalyzer(names).analyzeQuery(node);
    RouteSpec route = routes.route(analysis, true);
    ShardSql direct = ShardSql.verbatim(shape.lockClause == null ? shape.body
        : shape.body + " " + shape.lockClause, shape.parameterCount);
    // for the driver's result cache: never cache a query whose value changes between executions
    boolean nondeterministic = NondeterministicFunctions.firstIn(shape.body) != null;
    boolean noCache = NoCacheHint.in(sql);
    if (analysis.sharded.isEmpty()) {
      return new QueryPlan(sql, shape.parameterCount, route, direct, null, List.of(), 0, false,
          "statement reads no sharded table", analysis.tables, shape.lockClause != null,
          nondeterministic, noCache);
    }
    if (analysis.spreadReason != null) {
      return new QueryPlan(sql, shape.parameterCount, route, direct, null, List.of(), 0, false,
          analysis.spreadReason, analysis.tables, shape.lockClause != null, nondeterministic,
          noCache);
    }
    try {
      ScatterRewriter.Result r = new ScatterRewriter(analysis, names, shape.parameterCount)
          .rewrite(node);
      ShardSql scatter = r.shardQuery() == null ? direct
          : dialects.unparse(r.shardQuery(), shape.parameterCount, r.computedParams(),
              shape.lockClause);
      return new QueryPlan(sql, shape.parameterCount, route, direct, scatter, r.steps(),
          r.hiddenColumns(), r.aggregated(), null, analysis.tables, shape.lockClause != null,
          nondeterministic, noCache);
    } catch (SQLFeatureNotSupportedException e) {
      return new QueryPlan(sql, shape.parameterCount, route, direct, null, List.of(), 0, false,
          e.getMessage().substring("not supported across shards: ".length()), analysis.tables,
          shape.lockClause != null, nondeterministic, noCache);
    } catch (RuntimeException e) {
      // Calcite could not write this statement for the shard database: it still runs as written
      // on one shard; a scatter is refused, naming why.
      return new QueryPlan(sql, shape.parameterCount, route, direct, null, List.of(), 0, false,
          "the statement cannot be rewritten for the shards (" + e + ")", analysis.tables,
          shape.lockClause != null, nondeterministic, noCache);
    }
  }

  private StatementPlan write(String sql, StatementShape shape) throws SQLException {
    Optional<SqlNode> parsed = parse(shape);
    if (parsed.isEmpty()) {
      return passthrough(sql, shape);
    }
    return writes.plan(sql, shape, parsed.get());
  }

  private StatementPlan ddl(String sql, StatementShape shape) throws SQLException {
    ShardSet all = config.allShards();
    ShardSet defaultShard = ShardSet.single(config.defaultShard());
    Set<String> tables = new HashSet<>();
    switch (shape.ddlObject) {
      case TABLE:
      case INDEX: {
        if (shape.ddlTables.isEmpty()) {
          // DROP INDEX names no table: indexes of sharded and broadcast tables exist everywhere,
          // those of unlisted tables only on the default shard.
          return new DdlPlan(shape.body, all, tables, true);
        }
        int configured = 0;
        for (StatementShape.Identifier t : shape.ddlTables) {
          Optional<TableRule> rule = names.table(t.name(), t.quoted());
          tables.add(rule.map(TableRule::name).orElse(t.name().toLowerCase(Locale.ROOT)));
          if (rule.isPresent()) {
            configured++;
          }
        }
        if (configured != 0 && configured != shape.ddlTables.size()) {
          throw Refusals.unsupported("one DDL statement on both configured and unlisted tables "
              + tables + ": run one statement per table");
        }
        if (shape.ddlReadsTables && readsConfiguredTable(shape, shape.ddlTables)) {
          throw Refusals.unsupported("CREATE TABLE … AS SELECT reading a sharded or broadcast"
              + " table: each shard would copy only its own rows");
        }
        return new DdlPlan(shape.body, configured > 0 ? all : defaultShard, tables);
      }
      case SCHEMA:
        return new DdlPlan(shape.body, all, tables);
      case VIEW:
      case SEQUENCE:
      case OTHER:
      default:
        if (namesConfiguredTable(shape)) {
          throw Refusals.unsupported(firstWords(shape.body) + " naming a sharded or broadcast"
              + " table: it would be created only on the default shard");
        }
        return new DdlPlan(shape.body, defaultShard, tables);
    }
  }

  private boolean readsConfiguredTable(StatementShape shape, List<StatementShape.Identifier> own) {
    for (StatementShape.Identifier id : shape.identifiers) {
      if (!own.contains(id) && names.table(id.name(), id.quoted()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private boolean namesConfiguredTable(StatementShape shape) {
    for (StatementShape.Identifier id : shape.identifiers) {
      Optional<TableRule> rule = names.table(id.name(), id.quoted());
      if (rule.isPresent() && (rule.get() instanceof ShardedTable
          || rule.get() instanceof BroadcastTable)) {
        return true;
      }
    }
    return false;
  }

  private StatementPlan passthrough(String sql, StatementShape shape) {
    return new PassthroughPlan(shape.body, shape.parameterCount, config.defaultShard());
  }

  /**
   * Parses the statement; empty when it does not parse but names no configured table (it is then
   * passed through to the default shard).
   */
  private Optional<SqlNode> parse(StatementShape shape) throws SQLSyntaxErrorException {
    try {
      return Optional.of(SqlParser.create(parseableText(shape.body), dialects.parserConfig)
          .parseStmt());
    } catch (SqlParseException e) {
      if (!namesConfiguredTable(shape)) {
        return Optional.empty();
      }
      SqlParserPos pos = e.getPos();
      String where = pos == null ? "" : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
      String first = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
      throw new SQLSyntaxErrorException("cannot parse statement on a sharded or broadcast table"
          + where + ": " + first + " [SQL: " + shape.body + "]", "42000", e);
    }
  }

  /**
   * MySQL accepts a string literal as a column alias ({@code AS 'Total'}, {@code AS "Total"}),
   * which Calcite does not parse: for parsing only, such an alias is written as a back-quoted
   * identifier (same label).
   */
  private String parseableText(String body) {
    if (config.dialect() != dev.sherd.metadata.DialectFamily.MYSQL
        || (body.indexOf('\'') < 0 && body.indexOf('"') < 0)) {
      return body;
    }
    List<SqlToken> tokens = SqlTokenizer.tokenize(body);
    StringBuilder out = null;
    int copied = 0;
    for (int i = 1; i < tokens.size(); i++) {
      SqlToken alias = tokens.get(i);
      boolean quotedText = alias.type() == SqlToken.Type.STRING
          || (alias.type() == SqlToken.Type.QUOTED && body.charAt(alias.start()) == '"');
      if (quotedText && tokens.get(i - 1).isWord("AS")) {
        out = out == null ? new StringBuilder(body.length()) : out;
        String text = alias.type() == SqlToken.Type.QUOTED ? alias.text()
            : alias.text().substring(1, alias.text().length() - 1).replace("''", "'");
        out.append(body, copied, alias.start()).append('`').append(text.replace("`", "``"))
            .append('`');
        copied = alias.end();
      }
    }
    return out == null ? body : out.append(body, copied, body.length()).toString();
  }

  private static String firstWords(String body) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(body);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(2, tokens.size()); i++) {
      if (tokens.get(i).type() == SqlToken.Type.WORD) {
        sb.append(sb.length() == 0 ? "" : " ").append(tokens.get(i).text());
      }
    }
    return sb.toString();
  }
}
