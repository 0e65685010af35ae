package dev.sherd.sql;

import dev.sherd.metadata.DialectFamily;
import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.ShardSql;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlString;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The Calcite side of a shard database family: how to parse its SQL (Babel parser, the family's
 * identifier quoting, identifiers kept as written) and how to unparse a rewritten tree for it (only
 * identifiers the input quoted are quoted, so {@code t_order} still means H2's {@code T_ORDER};
 * string literals are written plainly, never with Calcite's {@code _ISO-8859-1'…'} or
 * {@code U&'…'} forms, which the shard databases reject).
 * Immutable and thread-safe.
 */
final class SqlDialects {

  final SqlParser.Config parserConfig;
  final SqlDialect dialect;

  SqlDialects(DialectFamily family) {
    Lex lex = family == DialectFamily.MYSQL ? Lex.MYSQL : Lex.MYSQL_ANSI;
    this.parserConfig = SqlParser.config()
        .withParserFactory(SqlBabelParserImpl.FACTORY)
        .withConformance(SqlConformanceEnum.BABEL)
        .withLex(lex)
        .withQuoting(family == DialectFamily.MYSQL ? Quoting.BACK_TICK : Quoting.DOUBLE_QUOTE)
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false);
    switch (family) {
      case POSTGRESQL:
        this.dialect = new PlainLiterals.Postgresql();
        break;
      case MYSQL:
        this.dialect = new PlainLiterals.Mysql();
        break;
      default:
        this.dialect = new PlainLiterals.H2();
    }
  }

  /**
   * Unparses {@code node} for the shard. Each {@code ?} in the output is bound, by position, to the
   * original parameter whose index Calcite reports for it, or — for indexes at or above
   * {@code originalParameterCount} — to {@code computed.get(index - originalParameterCount)}.
   */
  ShardSql unparse(SqlNode node, int originalParameterCount, List<MergeExpr> computed,
      String lockClause) {
    SqlString s = node.toSqlString(c -> c.withDialect(dialect)
        .withQuoteAllIdentifiers(false)
        .withAlwaysUseParentheses(false)
        .withClauseStartsLine(false)
        .withClauseEndsLine(false)
        .withSelectListItemsOnSeparateLines(false)
        .withUpdateSetListNewline(false)
        .withValuesListNewline(false)
        .withIndentation(0));
    List<MergeExpr> params = new ArrayList<>();
    if (s.getDynamicParameters() != null) {
      for (int index : s.getDynamicParameters()) {
        params.add(index < originalParameterCount ? new MergeExpr.Param(index)
            : computed.get(index - originalParameterCount));
      }
    }
    String sql = s.getSql();
    return new ShardSql(lockClause == null ? sql : sql + " " + lockClause, params);
  }
}
