package dev.sherd.jdbc.merge;

import java.util.Comparator;

/**
 * How the shard database orders and equates strings, for the merge steps that compare them
 * (ORDER BY, MIN/MAX, GROUP BY, DISTINCT). Only collations the merge can reproduce exactly are
 * {@link #exact()}: H2's default (UTF-16 code units, as {@link String#compareTo}), code-point
 * order (PostgreSQL {@code C}/{@code POSIX}/{@code C.UTF-8}, MariaDB {@code *_nopad_bin}) and
 * code-point order with PAD SPACE semantics (MariaDB {@code *_bin}: trailing spaces are ignored
 * when comparing). For any other collation (linguistic, case-insensitive) the executor refuses
 * merges that compare strings rather than guess. Immutable and thread-safe.
 */
public final class StringCollation implements Comparator<String> {

  /** H2 without a configured collation. */
  public static final StringCollation UTF16 = new StringCollation("UTF-16 code units", true,
      false, false);

  private final String name;
  private final boolean exact;
  private final boolean codePoints;
  private final boolean padSpace;

  private StringCollation(String name, boolean exact, boolean codePoints, boolean padSpace) {
    this.name = name;
    this.exact = exact;
    this.codePoints = codePoints;
    this.padSpace = padSpace;
  }

  /** Binary order of Unicode code points, optionally ignoring trailing spaces. */
  public static StringCollation codePoints(String name, boolean padSpace) {
    return new StringCollation(name, true, true, padSpace);
  }

  /** A collation the merge cannot reproduce. */
  public static StringCollation unsupported(String name) {
    return new StringCollation(name, false, false, false);
  }

  /** The database's name for the collation. */
  public String name() {
    return name;
  }

  /** True when {@link #compare} and {@link #key} reproduce the database exactly. */
  public boolean exact() {
    return exact;
  }

  @Override
  public int compare(String a, String b) {
    if (!exact) {
      throw new IllegalStateException("collation " + name + " cannot be reproduced by the merge");
    }
    if (padSpace) {
      a = stripTrailingSpaces(a);
      b = stripTrailingSpaces(b);
    }
    return codePoints ? compareCodePoints(a, b) : a.compareTo(b);
  }

  /** The form in which strings equal under this collation are {@code equals}. */
  public String key(String s) {
    return padSpace ? stripTrailingSpaces(s) : s;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return end == s.length() ? s : s.substring(0, end);
  }

  private static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  @Override
  public String toString() {
    return name;
  }
}
