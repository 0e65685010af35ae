package dev.sherd.jdbc.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell input into SQL statements at each {@code ;} that is code: a {@code ;} inside a
 * string ({@code '...'} with {@code ''} as a quote), a quoted identifier ({@code "..."},
 * {@code `...`}), a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}), a line comment
 * ({@code -- ...}) or a block comment ({@code /* ... *}{@code /}) does not end a statement.
 *
 * <p>Strings follow standard SQL: a backslash is an ordinary character (MySQL's {@code 'it\'s'}
 * reads as an unterminated string, so the shell waits for more input). Block comments do not
 * nest. A statement is returned without its {@code ;}, with the whitespace and comments before it
 * and the whitespace after it removed; comments inside it are kept. Input that holds only
 * whitespace and comments is no statement. Stateless and thread-safe.
 */
final class StatementSplitter {

  /**
   * The complete statements of a text, and what follows the last of them: the start of an
   * unfinished statement (or of an unclosed comment), or empty when nothing is left over.
   */
  record Split(List<String> statements, String remainder) {
    Split {
      statements = List.copyOf(statements);
    }

    /** True when the text ends at a statement boundary: nothing needs more input. */
    boolean complete() {
      return remainder.isEmpty();
    }
  }

  private StatementSplitter() {}

  /** Splits {@code text}; see the class comment for what ends a statement. */
  static Split split(String text) {
    List<String> statements = new ArrayList<>();
    int start = -1; // first code character of the current statement, -1 before it
    int commentStart = -1; // start of an unclosed block comment before any code
    int n = text.length();
    int i = 0;
    while (i < n) {
      char ch = text.charAt(i);
      if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          commentStart = i;
          i = n;
        } else {
          i = end + 2;
        }
      } else if (Character.isWhitespace(ch)) {
        i++;
      } else if (ch == ';') {
        if (start >= 0) {
          statements.add(text.substring(start, i).strip());
          start = -1;
        }
        i++;
      } else {
        if (start < 0) {
          start = i;
        }
        i = skipToken(text, i);
      }
    }
    String remainder = start >= 0 ? text.substring(start)
        : commentStart >= 0 ? text.substring(commentStart) : "";
    return new Split(statements, remainder);
  }

  /** The index just past the quoted token or plain character at {@code i}; {@code n} if unclosed. */
  private static int skipToken(String text, int i) {
    char ch = text.charAt(i);
    switch (ch) {
      case '\'':
      case '"':
      case '`':
        return skipQuoted(text, i, ch);
      case '$':
        String tag = dollarTag(text, i);
        if (tag != null) {
          int end = text.indexOf(tag, i + tag.length());
          return end < 0 ? text.length() : end + tag.length();
        }
        return i + 1;
      default:
        return i + 1;
    }
  }

  /** Skips a token quoted by {@code quote}, where a doubled quote stands for one. */
  private static int skipQuoted(String text, int i, char quote) {
    int j = i + 1;
    while (j < text.length()) {
      if (text.charAt(j) == quote) {
        if (j + 1 < text.length() && text.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return text.length();
  }

  /**
   * The opening tag of a dollar-quoted string at {@code i} ({@code $$} or {@code $name$}), or null
   * when the {@code $} is something else: a parameter such as {@code $1}, or part of a name.
   */
  private static String dollarTag(String text, int i) {
    if (i > 0 && isNamePart(text.charAt(i - 1))) {
      return null;
    }
    int j = i + 1;
    while (j < text.length() && isNamePart(text.charAt(j)) && text.charAt(j) != '$') {
      if (j == i + 1 && Character.isDigit(text.charAt(j))) {
        return null;
      }
      j++;
    }
    return j < text.length() && text.charAt(j) == '$' ? text.substring(i, j + 1) : null;
  }

  private static boolean isNamePart(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
  }
}
