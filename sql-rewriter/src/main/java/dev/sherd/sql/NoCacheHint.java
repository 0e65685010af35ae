package dev.sherd.sql;

import java.util.Locale;

/**
 * The per-statement opt-out of the driver's result cache: a comment holding {@code sherd:no_cache}
 * anywhere ({@code /}{@code * sherd:no_cache *}{@code /}, {@code -- sherd:no_cache}), or the
 * optimizer-hint form {@code SELECT /}{@code *+ sherd_no_cache *}{@code / …}. The hint form needs
 * the underscore: Calcite parses {@code /}{@code *+ … *}{@code /} after SELECT as a hint list of
 * identifiers, so {@code sherd:no_cache} there is a syntax error on a sharded table.
 * Case-insensitive; text inside string literals and quoted identifiers does not count. Stateless
 * and thread-safe.
 */
final class NoCacheHint {

  static final String HINT = "sherd:no_cache";
  static final String HINT_IDENTIFIER = "sherd_no_cache";

  private NoCacheHint() {}

  /** True when a comment of {@code sql} carries the hint. */
  static boolean in(String sql) {
    if (sql.indexOf("/*") < 0 && sql.indexOf("--") < 0) {
      return false; // the common case: no comment, no hint
    }
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        if (holdsHint(sql, i + 2, end)) {
          return true;
        }
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        int end = close < 0 ? n : close;
        if (holdsHint(sql, i + 2, end)) {
          return true;
        }
        i = close < 0 ? n : close + 2;
      } else {
        i++;
      }
    }
    return false;
  }

  private static boolean holdsHint(String sql, int from, int to) {
    String comment = sql.substring(from, to).toLowerCase(Locale.ROOT);
    return comment.contains(HINT) || comment.contains(HINT_IDENTIFIER);
  }

  private static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }
}
