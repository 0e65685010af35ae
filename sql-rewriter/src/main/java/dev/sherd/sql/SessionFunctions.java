package dev.sherd.sql;

import java.util.List;
import java.util.Set;

/**
 * Functions whose effect outlives the statement on the session that runs it: settings
 * ({@code set_config(…, false)}), session-level locks ({@code pg_advisory_lock}, MySQL's
 * {@code GET_LOCK}) and the session's random seed. Through the driver a statement runs on a pooled
 * shard connection that the next statement may not get — an unlock would go to another
 * connection, and a setting would stay with the connection for whoever borrows it next — so a
 * statement calling one is refused, naming it, rather than leaking. (Transaction-level locks, such
 * as {@code pg_advisory_xact_lock}, end with the transaction and are allowed.)
 *
 * <p>Found by tokens, so names inside literals and comments do not count; a name counts only when
 * a {@code (} follows and no {@code .} precedes. Stateless and thread-safe.
 */
final class SessionFunctions {

  static final Set<String> FUNCTIONS = Set.of("SET_CONFIG", "SETSEED", "PG_ADVISORY_LOCK",
      "PG_ADVISORY_LOCK_SHARED", "PG_TRY_ADVISORY_LOCK", "PG_TRY_ADVISORY_LOCK_SHARED",
      "PG_ADVISORY_UNLOCK", "PG_ADVISORY_UNLOCK_SHARED", "PG_ADVISORY_UNLOCK_ALL", "GET_LOCK",
      "RELEASE_LOCK", "RELEASE_ALL_LOCKS");

  private SessionFunctions() {}

  /** The first session-changing function {@code sql} calls, or null. */
  static String firstIn(String sql) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
    for (int i = 0; i < tokens.size(); i++) {
      if (SqlTokenizer.isCall(tokens, i) && FUNCTIONS.contains(tokens.get(i).text())) {
        return tokens.get(i).text().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }
}
