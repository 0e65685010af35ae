package dev.sherd.sql;

/**
 * One lexical token of a SQL statement, as found by {@link SqlTokenizer}.
 *
 * @param type  what kind of token
 * @param text  the token's text: for {@link Type#WORD} upper-cased, for {@link Type#QUOTED} the
 *              identifier without its quotes, otherwise as written
 * @param start offset of the token's first character in the statement
 * @param end   offset just after the token's last character
 */
record SqlToken(Type type, String text, int start, int end) {

  enum Type { WORD, QUOTED, STRING, NUMBER, PARAM, SYMBOL }

  boolean isWord(String upper) {
    return type == Type.WORD && text.equals(upper);
  }

  boolean isSymbol(char c) {
    return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == c;
  }

  /** True for a word or quoted identifier: something that can name a table. */
  boolean isIdentifier() {
    return type == Type.WORD || type == Type.QUOTED;
  }
}
