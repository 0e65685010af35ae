package dev.sherd.jdbc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sherd.jdbc.cli.ResultTable.Column;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablePrinterTest {

  private static ResultTable table(List<Column> columns, List<List<String>> rows) {
    return new ResultTable(columns, rows);
  }

  @Test
  void render_alignsColumns_numbersRightTextLeft() {
    ResultTable t = table(List.of(new Column("id", true), new Column("name", false),
            new Column("amount", true)),
        List.of(List.of("7", "Ada Lovelace", "12.50"), List.of("1042", "Ken", "1000.00")));
    assertEquals("   id | name         |  amount\n"
        + "------+--------------+---------\n"
        + "    7 | Ada Lovelace |   12.50\n"
        + " 1042 | Ken          | 1000.00\n"
        + "(2 rows)\n", TablePrinter.render(t));
  }

  @Test
  void render_null_showsNULL() {
    ResultTable t = table(List.of(new Column("city", false), new Column("n", true)),
        List.of(Arrays.asList(null, null), List.of("Paris", "3")));
    assertEquals(" city  |    n\n"
        + "-------+------\n"
        + " NULL  | NULL\n"
        + " Paris |    3\n"
        + "(2 rows)\n", TablePrinter.render(t));
  }

  @Test
  void render_oneRow_saysRowInSingular() {
    ResultTable t = table(List.of(new Column("x", true)), List.of(List.of("1")));
    assertEquals(" x\n---\n 1\n(1 row)\n", TablePrinter.render(t));
  }

  @Test
  void render_noRows_printsHeaderAndZeroCount() {
    ResultTable t = table(List.of(new Column("id", true), new Column("name", false)), List.of());
    assertEquals(" id | name\n----+------\n(0 rows)\n", TablePrinter.render(t));
  }

  @Test
  void render_noColumns_printsOnlyTheCount() {
    assertEquals("(0 rows)\n", TablePrinter.render(table(List.of(), List.of())));
  }

  @Test
  void render_lineBreaksAndTabs_stayOnOneLine() {
    ResultTable t = table(List.of(new Column("body", false)), List.of(List.of("a\nb\tc\r")));
    assertEquals(" body\n-----------\n a\\nb\\tc\\r\n(1 row)\n", TablePrinter.render(t));
  }

  @Test
  void render_width_countsCodePointsNotChars() {
    ResultTable t = table(List.of(new Column("s", false)), List.of(List.of("😀"), List.of("ab")));
    assertEquals(" s\n----\n 😀\n ab\n(2 rows)\n", TablePrinter.render(t));
  }

  @Test
  void resultTable_raggedRow_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> table(List.of(new Column("a", false), new Column("b", false)),
            List.of(List.of("only one"))));
  }

  @Test
  void cellText_showsDecimalsPlainAndBytesAsHex() {
    assertEquals("0.00000010", ResultTable.cellText(new BigDecimal("1.0E-7").setScale(8)));
    assertEquals("1000", ResultTable.cellText(new BigDecimal("1E+3")));
    assertEquals("X'00FF10'", ResultTable.cellText(new byte[] {0, -1, 16}));
    assertEquals(null, ResultTable.cellText(null));
  }

  @Test
  void rowCount_singularOnlyForOne() {
    assertEquals("(0 rows)", TablePrinter.rowCount(0));
    assertEquals("(1 row)", TablePrinter.rowCount(1));
    assertEquals("(12 rows)", TablePrinter.rowCount(12));
  }
}
