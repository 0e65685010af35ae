package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.exec.PlanExecutor;
import dev.sherd.jdbc.meta.Words.Token;
import dev.sherd.jdbc.result.ShardErrors;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.DialectFamily;
import dev.sherd.sql.plan.PassthroughPlan;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The statements the driver answers before (or instead of) the planner: the entry point of the
 * two hooks in the statement path. Stateless and thread-safe. On the hot path each hook costs one
 * allocation-free look at the statement's first word.
 *
 * <ul>
 *   <li>{@link #recognize}: statements answered locally — {@code SET …} and {@code USE …}
 *       ({@link SessionStatements}), {@code SHOW SHARDING} / {@code SHOW SHERD TABLES} (where each
 *       table's rows live); on MySQL-family clusters {@code SHOW DATABASES} / {@code SHOW
 *       SCHEMAS}, which list only the cluster's own database; and {@code SHOW [FULL] TABLES}
 *       (H2, MySQL family), the default shard's answer without the driver's own tables.
 *   <li>{@link #plan}: per-table definitions that are identical on every shard — {@code SHOW
 *       [FULL] COLUMNS|FIELDS FROM t}, {@code SHOW INDEX|INDEXES|KEYS FROM t}, {@code SHOW CREATE
 *       TABLE t}, {@code DESCRIBE t} — are read-only metadata even for a sharded table: they go to
 *       the default shard as written. The planner would refuse them, since they name a sharded
 *       table.
 * </ul>
 */
public final class LocalStatements {

  /** Words after DESCRIBE/DESC that make it MySQL's EXPLAIN of a statement, not a table. */
  private static final Set<String> EXPLAINED = Set.of("SELECT", "INSERT", "UPDATE", "DELETE",
      "REPLACE", "TABLE", "WITH", "FORMAT", "EXTENDED", "PARTITIONS", "ANALYZE", "ALL", "VALUES");

  private LocalStatements() {}

  /**
   * The statement the driver answers itself, or null when {@code sql} is planned as usual.
   *
   * @throws SQLException for a SET the driver refuses, naming the setting
   */
  public static LocalStatement recognize(String sql, ClusterConfig config) throws SQLException {
    if (SessionStatements.handles(sql)) {
      return SessionStatements.parse(sql);
    }
    if (Words.startsWith(sql, "RECOVER")) {
      List<Token> t = Words.of(sql);
      if (t.size() == 2 && t.get(1).is("TRANSACTIONS")) {
        return (logical, session, owner) -> TransactionStatements.recover(session, owner);
      }
      return null;
    }
    if (!Words.startsWith(sql, "SHOW")) {
      return null;
    }
    List<Token> t = Words.of(sql);
    if (t.size() == 2 && t.get(1).is("TRANSACTIONS")) {
      return (logical, session, owner) -> TransactionStatements.show(session, owner);
    }
    if ((t.size() == 2 && t.get(1).is("SHARDING"))
        || (t.size() == 3 && t.get(1).is("SHERD") && t.get(2).is("TABLES"))) {
      return LocalStatements::showSharding;
    }
    String body = Words.body(sql);
    if (config.dialect() == DialectFamily.MYSQL && t.size() >= 2
        && (t.get(1).is("DATABASES") || t.get(1).is("SCHEMAS"))) {
      return (logical, session, owner) -> filteredShow(body, session, owner, (row, own) ->
          own != null && own.equals(MetaRows.text(row, 0)));
    }
    if (config.dialect() != DialectFamily.POSTGRESQL && t.size() >= 2
        && (t.get(1).is("TABLES") || (t.get(1).is("FULL") && t.size() > 2
        && t.get(2).is("TABLES")))) {
      return (logical, session, owner) -> filteredShow(body, session, owner, (row, own) ->
          !LogicalTables.isInternal(MetaRows.text(row, 0)));
    }
    return null;
  }

  /**
   * For the planning path, after {@link #recognize} answered null: a plan sending a per-table
   * definition statement to the default shard; null for any other statement.
   */
  public static PassthroughPlan plan(String sql, ClusterConfig config) {
    if (!Words.startsWith(sql, "SHOW") && !Words.startsWith(sql, "DESCRIBE")
        && !Words.startsWith(sql, "DESC")) {
      return null;
    }
    List<Token> t = Words.of(sql);
    if (isDefinition(t)) {
      return new PassthroughPlan(Words.body(sql), Words.parameters(t), config.defaultShard());
    }
    return null;
  }

  private static boolean isDefinition(List<Token> t) {
    if (t.size() < 2) {
      return false;
    }
    if (t.get(0).is("DESCRIBE") || t.get(0).is("DESC")) {
      return t.get(1).isName() && !EXPLAINED.contains(t.get(1).text());
    }
    int i = 1;
    if (t.get(i).is("FULL") || t.get(i).is("EXTENDED")) {
      i++;
    }
    if (i >= t.size()) {
      return false;
    }
    Token what = t.get(i);
    if (what.is("COLUMNS") || what.is("FIELDS") || what.is("INDEX") || what.is("INDEXES")
        || what.is("KEYS")) {
      return i + 2 < t.size() && (t.get(i + 1).is("FROM") || t.get(i + 1).is("IN"))
          && t.get(i + 2).isName();
    }
    return i == 1 && what.is("CREATE") && t.size() >= 4 && t.get(2).is("TABLE")
        && t.get(3).isName();
  }

  private static PlanExecutor.Outcome showSharding(Connection logical,
      dev.sherd.jdbc.exec.ShardSession session, Statement owner) throws SQLException {
    return new PlanExecutor.Outcome(ShardingView.rows(session).toResultSet(owner), -1);
  }

  /** Which rows of a SHOW statement's answer belong to the logical database. */
  @FunctionalInterface
  private interface RowFilter {
    boolean keep(Object[] row, String ownCatalog);
  }

  /** The default shard's answer to a SHOW statement, keeping only the logical database's rows. */
  private static PlanExecutor.Outcome filteredShow(String sql,
      dev.sherd.jdbc.exec.ShardSession session, Statement owner, RowFilter filter)
      throws SQLException {
    ClusterConfig config = session.runtime().config();
    int shard = config.defaultShard();
    Lease lease = session.lease(shard);
    try (Statement s = lease.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      String own = lease.connection().getCatalog();
      MetaRows rows = MetaRows.copy(rs);
      rows.rows.removeIf(row -> !filter.keep(row, own));
      return new PlanExecutor.Outcome(rows.toResultSet(owner), -1);
    } catch (SQLException e) {
      throw ShardErrors.wrap(config.shard(shard).name(), e);
    } finally {
      lease.release();
    }
  }
}
