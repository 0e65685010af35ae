package dev.sherd.sql;

import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * Calcite's dialects, except that string literals are unparsed as plain {@code '…'}: Calcite
 * writes {@code N'…'} as {@code _ISO-8859-1'…'} and non-ASCII text as {@code U&'…'} / {@code _UTF16},
 * which H2 rejects and the other databases do not need over a UTF-8 connection.
 */
final class PlainLiterals {

  private PlainLiterals() {}

  static final class H2 extends H2SqlDialect {
    H2() {
      super(H2SqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
      super.quoteStringLiteral(buf, null, val);
    }

    @Override
    public void quoteStringLiteralUnicode(StringBuilder buf, String val) {
      super.quoteStringLiteral(buf, null, val);
    }
  }

  static final class Postgresql extends PostgresqlSqlDialect {
    Postgresql() {
      super(PostgresqlSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
      super.quoteStringLiteral(buf, null, val);
    }

    @Override
    public void quoteStringLiteralUnicode(StringBuilder buf, String val) {
      super.quoteStringLiteral(buf, null, val);
    }
  }

  static final class Mysql extends MysqlSqlDialect {
    Mysql() {
      super(MysqlSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
      super.quoteStringLiteral(buf, null, val);
    }

    @Override
    public void quoteStringLiteralUnicode(StringBuilder buf, String val) {
      super.quoteStringLiteral(buf, null, val);
    }
  }
}
