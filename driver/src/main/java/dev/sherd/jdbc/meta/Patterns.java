package dev.sherd.jdbc.meta;

/**
 * Metadata search patterns ({@code %} any characters, {@code _} one character, the driver's
 * escape string before a literal one), matched case-sensitively as the shard databases do.
 * Stateless and thread-safe.
 */
final class Patterns {

  private Patterns() {}

  /** Whether {@code value} matches {@code pattern}; a null pattern matches everything. */
  static boolean matches(String pattern, String value, String escape) {
    if (pattern == null) {
      return true;
    }
    return matches(pattern, 0, value, 0, escape == null || escape.isEmpty() ? '\u0000'
        : escape.charAt(0));
  }

  /**
   * The name a pattern stands for when it has no wildcard (escapes removed), or null when it has
   * one (or is null).
   */
  static String literal(String pattern, String escape) {
    if (pattern == null) {
      return null;
    }
    char esc = escape == null || escape.isEmpty() ? '\u0000' : escape.charAt(0);
    StringBuilder sb = new StringBuilder(pattern.length());
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == esc && i + 1 < pattern.length()) {
        sb.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        return null;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean matches(String p, int pi, String v, int vi, char escape) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == escape && pi + 1 < p.length()) {
        if (vi >= v.length() || v.charAt(vi) != p.charAt(pi + 1)) {
          return false;
        }
        pi += 2;
        vi++;
      } else if (c == '%') {
        for (int k = vi; k <= v.length(); k++) {
          if (matches(p, pi + 1, v, k, escape)) {
            return true;
          }
        }
        return false;
      } else if (c == '_') {
        if (vi >= v.length()) {
          return false;
        }
        pi++;
        vi++;
      } else {
        if (vi >= v.length() || v.charAt(vi) != c) {
          return false;
        }
        pi++;
        vi++;
      }
    }
    return vi == v.length();
  }
}
