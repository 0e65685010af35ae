package dev.sherd.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SqlTokenizerTest {

  /** Tokens as "TYPE:text", for compact assertions. */
  private static String tokens(String sql) {
    return SqlTokenizer.tokenize(sql).stream().map(t -> t.type() + ":" + t.text())
        .collect(Collectors.joining(" "));
  }

  private static int params(String sql) {
    return SqlTokenizer.countParameters(SqlTokenizer.tokenize(sql));
  }

  @Test
  void words_upperCased_quotedIdentifiersKeepCase() {
    assertEquals("WORD:SELECT QUOTED:Name SYMBOL:, WORD:X_1$ WORD:FROM QUOTED:t",
        tokens("select \"Name\", x_1$ from `t`"));
  }

  @Test
  void quotedIdentifier_doubledQuoteIsOneQuote() {
    List<SqlToken> t = SqlTokenizer.tokenize("SELECT \"na\"\"me\", `a``b` FROM t");
    assertEquals("na\"me", t.get(1).text());
    assertEquals(SqlToken.Type.QUOTED, t.get(1).type());
    assertEquals("a`b", t.get(3).text());
  }

  @Test
  void stringLiteral_isOneTokenWithDoubledQuotes() {
    List<SqlToken> t = SqlTokenizer.tokenize("x = 'it''s ? ; -- /* no */' AND y");
    assertEquals(SqlToken.Type.STRING, t.get(2).type());
    assertEquals("'it''s ? ; -- /* no */'", t.get(2).text());
    assertEquals("WORD:AND", t.get(3).type() + ":" + t.get(3).text());
    assertEquals(5, t.size());
  }

  @Test
  void comments_areSkippedWithTheirContents() {
    assertEquals("WORD:SELECT NUMBER:1 WORD:FROM WORD:T",
        tokens("/* ? FROM x */ SELECT 1 -- ? 'unclosed\nFROM t -- end ?"));
  }

  @Test
  void parameters_countedOutsideLiteralsCommentsAndQuotedNames() {
    assertEquals(2, params("SELECT \"a?\" FROM t /* ? */ WHERE a = '?' AND b = ? -- ?\n AND c = ?"));
    assertEquals(0, params("SELECT 'a?b' FROM t"));
  }

  @Test
  void tokenOffsets_pointIntoTheStatement() {
    String sql = "SELECT  'x'  FROM t";
    SqlToken literal = SqlTokenizer.tokenize(sql).get(1);
    assertEquals("'x'", sql.substring(literal.start(), literal.end()));
  }

  @Test
  void unterminatedLiteralAndComment_runToTheEnd() {
    assertEquals("WORD:SELECT STRING:'abc", tokens("SELECT 'abc"));
    assertEquals("WORD:SELECT", tokens("SELECT /* never closed ?"));
  }

  @Test
  void numbersAndSymbols() {
    assertEquals("NUMBER:1.5 SYMBOL:+ NUMBER:2 SYMBOL:; PARAM:?", tokens("1.5+2;?"));
  }
}
