package dev.sherd.sql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
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

  /**
   * MySQL/MariaDB. Also repairs two of Calcite's MySQL unparsings: {@code BETWEEN ASYMMETRIC},
   * which MariaDB rejects, and {@code EXTRACT}, whose MySQL form throws ClassCastException on an
   * unvalidated tree; both are written in their standard form, which MySQL accepts.
   */
  static final class Mysql extends MysqlSqlDialect {
    Mysql() {
      super(MysqlSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      if (call.getOperator() instanceof SqlBetweenOperator between) {
        SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
        call.operand(0).unparse(writer, between.getLeftPrec(), between.getRightPrec());
        writer.sep(between.isNegated() ? "NOT BETWEEN" : "BETWEEN");
        call.operand(1).unparse(writer, 0, 0);
        writer.sep("AND");
        call.operand(2).unparse(writer, 0, 0);
        writer.endList(frame);
      } else if (call.getKind() == SqlKind.EXTRACT) {
        call.getOperator().unparse(writer, call, leftPrec, rightPrec);
      } else {
        super.unparseCall(writer, call, leftPrec, rightPrec);
      }
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
