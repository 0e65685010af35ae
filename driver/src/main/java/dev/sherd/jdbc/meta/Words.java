package dev.sherd.jdbc.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lexer for the short statements the driver answers itself ({@code SET}, {@code USE},
 * {@code SHOW}, {@code DESCRIBE}): comments are skipped, words upper-cased, quoted identifiers
 * ({@code "x"}, {@code `x`}) and string literals ({@code 'x'}) unquoted. Stateless and
 * thread-safe.
 */
final class Words {

  enum Kind { WORD, QUOTED, STRING, NUMBER, PARAM, SYMBOL }

  /**
   * One token: for {@link Kind#WORD} the upper-cased word, for {@link Kind#QUOTED} and
   * {@link Kind#STRING} the text without quotes, otherwise as written.
   */
  record Token(Kind kind, String text, int start, int end) {

    boolean is(String upperWord) {
      return kind == Kind.WORD && text.equals(upperWord);
    }

    boolean isSymbol(char c) {
      return kind == Kind.SYMBOL && text.charAt(0) == c;
    }

    /** A word or quoted identifier: something that can name a table or a setting. */
    boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED;
    }
  }

  private Words() {}

  static List<Token> of(String sql) {
    List<Token> tokens = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (startsComment(sql, i)) {
        i = afterComment(sql, i);
      } else if (c == '\'' || c == '"' || c == '`') {
        int end = afterQuoted(sql, i, c);
        String text = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("" + c + c, "" + c);
        tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, text, i, end));
        i = end;
      } else if (c == '?') {
        tokens.add(new Token(Kind.PARAM, "?", i, i + 1));
        i++;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(i, end), i, end));
        i = end;
      } else if (isWordStart(c)) {
        int end = i;
        while (end < n && isWordPart(sql.charAt(end))) {
          end++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(i, end).toUpperCase(Locale.ROOT), i, end));
        i = end;
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(';')) {
      tokens.remove(tokens.size() - 1);
    }
    return tokens;
  }

  /**
   * True when the statement's first word (after whitespace and comments) is {@code upperWord}.
   * Allocation-free: it runs before every statement is planned.
   */
  static boolean startsWith(String sql, String upperWord) {
    if (sql == null) {
      return false;
    }
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (startsComment(sql, i)) {
        i = afterComment(sql, i);
      } else {
        break;
      }
    }
    int end = i + upperWord.length();
    return sql.regionMatches(true, i, upperWord, 0, upperWord.length())
        && (end >= n || !isWordPart(sql.charAt(end)));
  }

  /** The statement without trailing semicolons and whitespace. */
  static String body(String sql) {
    int end = sql.length();
    while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
      end--;
    }
    return sql.substring(0, end);
  }

  static int parameters(List<Token> tokens) {
    int count = 0;
    for (Token t : tokens) {
      if (t.kind() == Kind.PARAM) {
        count++;
      }
    }
    return count;
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean startsComment(String sql, int i) {
    if (i + 1 >= sql.length()) {
      return false;
    }
    char c = sql.charAt(i);
    char d = sql.charAt(i + 1);
    return (c == '-' && d == '-') || (c == '/' && d == '*');
  }

  private static int afterComment(String sql, int i) {
    if (sql.charAt(i) == '-') {
      int nl = sql.indexOf('\n', i);
      return nl < 0 ? sql.length() : nl + 1;
    }
    int close = sql.indexOf("*/", i + 2);
    return close < 0 ? sql.length() : close + 2;
  }

  /** The offset after the closing quote; a doubled quote is an escaped quote. */
  private static int afterQuoted(String sql, int start, char quote) {
    int i = start + 1;
    int n = sql.length();
    while (i < n) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }
}
