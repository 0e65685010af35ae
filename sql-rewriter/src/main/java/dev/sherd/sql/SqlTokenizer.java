package dev.sherd.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SQL lexer for the statements Calcite cannot parse (DDL, lock clauses, vendor syntax).
 *
 * <p>It only needs to be right about where tokens start and end: comments and string literals are
 * skipped as a unit (so a keyword or a {@code ?} inside them is never seen), identifiers quoted with
 * {@code "} or {@code `} keep their case, everything else is upper-cased words, numbers, {@code ?}
 * and symbols. Stateless and thread-safe.
 */
final class SqlTokenizer {

  private SqlTokenizer() {}

  static List<SqlToken> tokenize(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = skipLineComment(sql, i);
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'') {
        int end = skipQuoted(sql, i, '\'');
        tokens.add(new SqlToken(SqlToken.Type.STRING, sql.substring(i, end), i, end));
        i = end;
      } else if (c == '"' || c == '`') {
        int end = skipQuoted(sql, i, c);
        String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("" + c + c, "" + c);
        tokens.add(new SqlToken(SqlToken.Type.QUOTED, name, i, end));
        i = end;
      } else if (c == '?') {
        tokens.add(new SqlToken(SqlToken.Type.PARAM, "?", i, i + 1));
        i++;
      } else if (Character.isDigit(c)) {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        tokens.add(new SqlToken(SqlToken.Type.NUMBER, sql.substring(i, end), i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int end = i;
        while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        tokens.add(new SqlToken(SqlToken.Type.WORD,
            sql.substring(i, end).toUpperCase(Locale.ROOT), i, end));
        i = end;
      } else {
        tokens.add(new SqlToken(SqlToken.Type.SYMBOL, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    return tokens;
  }

  /**
   * Whether token {@code i} is an unqualified function call: a word followed by {@code (} and not
   * preceded by {@code .} ({@code t.uuid(} is a method or column, not the function).
   */
  static boolean isCall(List<SqlToken> tokens, int i) {
    return tokens.get(i).type() == SqlToken.Type.WORD && i + 1 < tokens.size()
        && tokens.get(i + 1).isSymbol('(') && (i == 0 || !tokens.get(i - 1).isSymbol('.'));
  }

  /** Number of {@code ?} parameter markers outside literals and comments. */
  static int countParameters(List<SqlToken> tokens) {
    int count = 0;
    for (SqlToken t : tokens) {
      if (t.type() == SqlToken.Type.PARAM) {
        count++;
      }
    }
    return count;
  }

  private static int skipLineComment(String sql, int i) {
    int nl = sql.indexOf('\n', i);
    return nl < 0 ? sql.length() : nl + 1;
  }

  /** Returns the offset after the closing quote; a doubled quote is an escaped quote. */
  private static int skipQuoted(String sql, int start, char quote) {
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
