package dev.sherd.jdbc.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StringCollationTest {

  private static final String BMP_HIGH = "\uFF21";            // FULLWIDTH A, U+FF21
  private static final String SUPPLEMENTARY = "\uD83D\uDE00"; // U+1F600

  @Test
  void utf16_ordersLikeStringCompareTo() {
    // UTF-16: a surrogate (0xD83D) sorts before U+FF21
    assertTrue(StringCollation.UTF16.compare(SUPPLEMENTARY, BMP_HIGH) < 0);
  }

  @Test
  void codePoints_ordersSupplementaryCharactersLast() {
    StringCollation c = StringCollation.codePoints("C", false);
    assertTrue(c.compare(SUPPLEMENTARY, BMP_HIGH) > 0);
    assertTrue(c.compare("B", "a") < 0);
    assertTrue(c.compare("a", "ab") < 0);
  }

  @Test
  void padSpace_ignoresTrailingSpacesInOrderAndEquality() {
    StringCollation c = StringCollation.codePoints("utf8mb4_bin", true);
    assertEquals(0, c.compare("a  ", "a"));
    assertEquals(c.key("a  "), c.key("a"));
    assertFalse(c.key(" a").equals(c.key("a")));
  }

  @Test
  void unsupported_refusesToCompare() {
    StringCollation c = StringCollation.unsupported("utf8mb4_general_ci");
    assertFalse(c.exact());
    assertThrows(IllegalStateException.class, () -> c.compare("a", "A"));
  }
}
