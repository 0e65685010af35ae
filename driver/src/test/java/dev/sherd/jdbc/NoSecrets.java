package dev.sherd.jdbc;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Assertions that a shard password appears nowhere an application or a log could show it. */
final class NoSecrets {

  private NoSecrets() {}

  /**
   * Fails when {@code secret} occurs in the message or {@code toString} of {@code t}, of any cause,
   * suppressed exception or chained {@link SQLException#getNextException() next exception}.
   */
  static void assertAbsent(String secret, Throwable t) {
    walk(secret, t, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /** Fails when {@code secret} occurs in {@code String.valueOf(o)}. */
  static void assertAbsent(String secret, Object o, String what) {
    String text = String.valueOf(o);
    if (text.contains(secret)) {
      throw new AssertionError(what + " shows the password: " + text);
    }
  }

  private static void walk(String secret, Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    for (String text : new String[] {t.getMessage(), t.toString(), t.getLocalizedMessage()}) {
      if (text != null && text.contains(secret)) {
        throw new AssertionError("the password appears in " + t.getClass().getName() + ": "
            + text, t);
      }
    }
    walk(secret, t.getCause(), seen);
    for (Throwable s : t.getSuppressed()) {
      walk(secret, s, seen);
    }
    if (t instanceof SQLException e) {
      walk(secret, e.getNextException(), seen);
    }
  }
}
