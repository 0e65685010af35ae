package dev.sherd.sql;

import java.util.List;
import java.util.Set;

/**
 * Functions and keywords whose value changes from one execution to the next (the clock, random
 * numbers, sequences, the session): a query calling one must not be answered from the driver's
 * result cache. Stateless and thread-safe.
 *
 * <p>Found by tokens, after comments and string literals are skipped, so {@code 'now'} and
 * {@code -- rand()} do not count. Function names count only when a {@code (} follows and no
 * {@code .} precedes ({@code t.uuid} is a column); keywords such as {@code CURRENT_TIMESTAMP}
 * count wherever they stand unquoted. The database's own catalog and statistics change without a
 * write ({@code INFORMATION_SCHEMA.SESSIONS}, {@code pg_stat_activity}): naming a system schema, or
 * any word starting with {@code PG_}, counts too. Erring towards "non-deterministic" only costs a
 * cache miss.
 * User-defined functions are not known here: a query calling one that is not deterministic needs
 * the {@code sherd:no_cache} hint.
 */
final class NondeterministicFunctions {

  /** Called as {@code name(…)}. */
  static final Set<String> FUNCTIONS = Set.of(
      // clock
      "NOW", "SYSDATE", "SYSTIMESTAMP", "GETDATE", "CURDATE", "CURTIME", "UTC_DATE", "UTC_TIME",
      "UTC_TIMESTAMP", "UNIX_TIMESTAMP", "CLOCK_TIMESTAMP", "STATEMENT_TIMESTAMP",
      "TRANSACTION_TIMESTAMP", "TIMEOFDAY", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
      "LOCALTIME", "LOCALTIMESTAMP",
      // randomness
      "RAND", "RANDOM", "SECURE_RAND", "RANDOM_UUID", "UUID", "UUID_SHORT", "GEN_RANDOM_UUID",
      "UUID_GENERATE_V4", "SETSEED",
      // sequences and generated values
      "NEXTVAL", "CURRVAL", "LASTVAL", "SETVAL", "LAST_INSERT_ID", "IDENTITY", "SCOPE_IDENTITY",
      // the session and the server's state
      "CONNECTION_ID", "SESSION_ID", "PG_BACKEND_PID", "TRANSACTION_ID", "ROW_COUNT",
      "FOUND_ROWS", "SLEEP", "PG_SLEEP", "GET_LOCK", "RELEASE_LOCK", "IS_FREE_LOCK",
      "IS_USED_LOCK", "PG_ADVISORY_LOCK", "PG_TRY_ADVISORY_LOCK", "MEMORY_FREE", "MEMORY_USED",
      "DISK_SPACE_USED", "LOCK_TIMEOUT", "TXID_CURRENT", "INET_CLIENT_ADDR", "CURRENT_SETTING");

  /** Standing alone, without parentheses. */
  static final Set<String> KEYWORDS = Set.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
      "LOCALTIME", "LOCALTIMESTAMP", "SYSDATE", "SYSTIMESTAMP");

  /** Schemas whose contents the database changes by itself. */
  static final Set<String> SYSTEM_SCHEMAS = Set.of("INFORMATION_SCHEMA", "PG_CATALOG",
      "PERFORMANCE_SCHEMA", "SYS", "MYSQL");

  private NondeterministicFunctions() {}

  /** The first non-deterministic function or keyword {@code sql} uses, or null. */
  static String firstIn(String sql) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.type() != SqlToken.Type.WORD || (i > 0 && tokens.get(i - 1).isSymbol('.'))) {
        continue;
      }
      if ((SqlTokenizer.isCall(tokens, i) && FUNCTIONS.contains(t.text()))
          || KEYWORDS.contains(t.text()) || t.text().startsWith("PG_")) {
        return t.text();
      }
      boolean qualifier = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('.');
      if (qualifier && SYSTEM_SCHEMAS.contains(t.text())) {
        return t.text();
      }
      if (t.isWord("NEXT") && i + 2 < tokens.size() && tokens.get(i + 1).isWord("VALUE")
          && tokens.get(i + 2).isWord("FOR")) {
        return "NEXT VALUE FOR";
      }
    }
    return null;
  }
}
