package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.cli.StatementSplitter.Split;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementSplitterTest {

  private static void assertSplit(String text, List<String> statements, String remainder) {
    Split split = StatementSplitter.split(text);
    assertEquals(statements, split.statements(), text);
    assertEquals(remainder, split.remainder(), text);
  }

  @Test
  void split_semicolons_endStatementsWithoutTheSemicolon() {
    assertSplit("SELECT 1; SELECT 2;\n", List.of("SELECT 1", "SELECT 2"), "");
  }

  @Test
  void split_noSemicolon_isUnfinished() {
    Split split = StatementSplitter.split("SELECT *\nFROM t");
    assertEquals(List.of(), split.statements());
    assertEquals("SELECT *\nFROM t", split.remainder());
    assertFalse(split.complete());
  }

  @Test
  void split_multiLine_keepsLineBreaksInsideTheStatement() {
    assertSplit("SELECT *\n  FROM orders\n WHERE id = 7;\n",
        List.of("SELECT *\n  FROM orders\n WHERE id = 7"), "");
  }

  @Test
  void split_textAfterLastSemicolon_isTheRemainder() {
    assertSplit("SELECT 1; SELECT\n", List.of("SELECT 1"), "SELECT\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 'a;b' FROM t;",
      "SELECT 'it''s; fine' FROM t;",
      "SELECT \"a;b\" FROM t;",
      "SELECT `a;b` FROM t;",
      "SELECT $$a;b$$ FROM t;",
      "SELECT $body$ a; 'b'; $$ $body$ FROM t;",
      "SELECT 1 -- a; comment\n FROM t;",
      "SELECT 1 /* a; comment */ FROM t;"})
  void split_semicolonInsideStringOrComment_doesNotEndTheStatement(String sql) {
    Split split = StatementSplitter.split(sql);
    assertEquals(List.of(sql.substring(0, sql.length() - 1)), split.statements());
    assertTrue(split.complete());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SELECT 'a;", "SELECT \"a;", "SELECT $$ a;", "SELECT 1 /* a;",
      "SELECT 'it''s;"})
  void split_unclosedStringOrComment_waitsForMore(String text) {
    assertSplit(text, List.of(), text);
  }

  @Test
  void split_stringAcrossLines_endsAtTheClosingQuote() {
    assertSplit("INSERT INTO t VALUES ('a;\nb');", List.of("INSERT INTO t VALUES ('a;\nb')"), "");
  }

  @Test
  void split_dollarParameterOrName_isNoDollarQuote() {
    assertSplit("SELECT $1, a$b FROM t; x", List.of("SELECT $1, a$b FROM t"), "x");
  }

  @Test
  void split_leadingCommentsAndBlanks_areDroppedInsideCommentsKept() {
    assertSplit("-- first\n/* second */\n  SELECT 1 /* kept */;",
        List.of("SELECT 1 /* kept */"), "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "-- just a comment", "-- note\n", "/* note */", ";;", " ; ;\n"})
  void split_onlyBlanksCommentsOrSemicolons_isNothingAndComplete(String text) {
    assertSplit(text, List.of(), "");
  }

  @Test
  void split_commentAfterTheLastStatement_isComplete() {
    assertSplit("SELECT 1; -- done\n", List.of("SELECT 1"), "");
  }

  @Test
  void split_unclosedBlockCommentBeforeAnyCode_isTheRemainder() {
    assertSplit("SELECT 1; /* a\nb", List.of("SELECT 1"), "/* a\nb");
  }

  @Test
  void split_minusAndSlashAlone_areOperators() {
    assertSplit("SELECT 4-1, 8/2;", List.of("SELECT 4-1, 8/2"), "");
  }
}
