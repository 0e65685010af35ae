package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.PlanExecutor;
import dev.sherd.jdbc.meta.Words.Kind;
import dev.sherd.jdbc.meta.Words.Token;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/*
 * Why most settings are refused and a few are accepted as no-ops. A logical connection owns no
 * shard connection: every statement borrows pooled ones, which other logical connections use next.
 * Replaying a SET on a borrowed connection would change one shard's session only, and the setting
 * would leak to whoever borrows that connection afterwards. So a setting must either be a property
 * of the logical connection (auto-commit, isolation, read-only: the connection applies them to
 * every shard connection it borrows, and the pool resets them on return) or change nothing a JDBC
 * application can observe. The accepted no-ops are of the second kind: they describe the client
 * side of the wire (the text encoding, the digits of floats sent as text, the date text style, a
 * label for monitoring), which each shard driver negotiates for its own connections; values read
 * through JDBC are the same whatever they say. Everything else is refused, naming the setting,
 * rather than silently ignored.
 */
/**
 * The {@code SET …} and {@code USE …} statements that BI tools and client libraries send when they
 * connect. Stateless and thread-safe; a parsed statement is immutable.
 *
 * <ul>
 *   <li>accepted, changing nothing: {@code application_name}, {@code extra_float_digits},
 *       {@code NAMES} / {@code CHARACTER SET} / {@code character_set_*} / {@code client_encoding}
 *       with a UTF-8 encoding, {@code DateStyle} ISO, {@code USE} of the cluster's own database,
 *       {@code SCHEMA} / {@code search_path} naming the schema the connection is in;
 *   <li>applied to the logical connection: {@code autocommit},
 *       {@code [SESSION] TRANSACTION ISOLATION LEVEL …} / {@code READ ONLY|WRITE},
 *       {@code SESSION CHARACTERISTICS AS TRANSACTION …}, {@code transaction_isolation},
 *       {@code transaction_read_only} and their older names;
 *   <li>everything else: {@link SQLFeatureNotSupportedException} (0A000) naming the setting.
 * </ul>
 *
 * <p>{@code SET TRANSACTION …} without {@code SESSION} is applied like the {@code SESSION} form,
 * to the logical connection until changed (MySQL would apply it to the next transaction only,
 * PostgreSQL to the current one).
 */
public final class SessionStatements {

  private static final String ACCEPTED = "accepted: application_name, extra_float_digits,"
      + " NAMES/CHARACTER SET/character_set_*/client_encoding UTF-8, DateStyle ISO and SCHEMA/"
      + "search_path to the current schema (no-ops),"
      + " autocommit, transaction isolation and read-only (applied to the logical connection)";
  private static final Set<String> UTF8 = Set.of("UTF8", "UTF-8", "UTF8MB3", "UTF8MB4", "UNICODE");

  /** What one clause of a SET statement does to the logical connection. */
  @FunctionalInterface
  private interface Action {
    void apply(Connection logical) throws SQLException;
  }

  private static final Action NO_OP = c -> { };

  private SessionStatements() {}

  /** True for statements this class answers: those starting with SET or USE. */
  static boolean handles(String sql) {
    return Words.startsWith(sql, "SET") || Words.startsWith(sql, "USE");
  }

  /**
   * Parses a SET or USE statement; every clause is checked before any is applied.
   *
   * @throws SQLFeatureNotSupportedException for a setting that is not accepted, naming it
   * @throws SQLSyntaxErrorException         when the statement cannot be read
   */
  static LocalStatement parse(String sql) throws SQLException {
    List<Token> tokens = Words.of(sql);
    if (tokens.get(0).is("USE")) {
      return use(tokens, sql);
    }
    Parser p = new Parser(tokens, sql);
    List<Action> actions = new ArrayList<>();
    p.next(); // SET
    do {
      actions.add(p.clause());
    } while (p.skipSymbol(','));
    p.expectEnd();
    return (logical, session, owner) -> {
      for (Action a : actions) {
        a.apply(logical);
      }
      return new PlanExecutor.Outcome(null, 0);
    };
  }

  private static LocalStatement use(List<Token> tokens, String sql) throws SQLException {
    if (tokens.size() != 2 || !tokens.get(1).isName()) {
      throw syntax(sql, tokens.size() > 1 ? tokens.get(1).text() : "end");
    }
    Token db = tokens.get(1);
    boolean quoted = db.kind() == Kind.QUOTED;
    String written = quoted ? db.text() : sql.substring(db.start(), db.end());
    return (logical, session, owner) -> {
      String own = logical.getCatalog();
      boolean same = written.equals(own) || (!quoted
          && (written.toUpperCase(Locale.ROOT).equals(own)
          || written.toLowerCase(Locale.ROOT).equals(own)));
      if (!same) {
        throw new SQLFeatureNotSupportedException("USE " + written + ": not supported: the"
            + " cluster is one logical database, " + own + "; other databases on the shard"
            + " servers are not part of it", "0A000");
      }
      return new PlanExecutor.Outcome(null, 0);
    };
  }

  /** Reads the clauses of one SET statement. */
  private static final class Parser {
    private final List<Token> tokens;
    private final String sql;
    private int i;

    Parser(List<Token> tokens, String sql) {
      this.tokens = tokens;
      this.sql = sql;
    }

    /** A token as written (words keep their case), for messages. */
    String written(Token t) {
      return t == null ? "" : t.kind() == Kind.WORD ? sql.substring(t.start(), t.end()) : t.text();
    }

    Token peek(int ahead) {
      return i + ahead < tokens.size() ? tokens.get(i + ahead) : null;
    }

    boolean peekWord(int ahead, String word) {
      Token t = peek(ahead);
      return t != null && t.is(word);
    }

    Token next() throws SQLException {
      if (i >= tokens.size()) {
        throw syntax(sql, "end");
      }
      return tokens.get(i++);
    }

    boolean skipWord(String word) {
      if (peekWord(0, word)) {
        i++;
        return true;
      }
      return false;
    }

    boolean skipSymbol(char c) {
      Token t = peek(0);
      if (t != null && t.isSymbol(c)) {
        i++;
        return true;
      }
      return false;
    }

    void expectWord(String word) throws SQLException {
      Token t = next();
      if (!t.is(word)) {
        throw syntax(sql, t.text());
      }
    }

    void expectEnd() throws SQLException {
      if (i < tokens.size()) {
        throw syntax(sql, tokens.get(i).text());
      }
    }

    Action clause() throws SQLException {
      if (peekWord(0, "GLOBAL") || peekWord(0, "PERSIST") || peekWord(0, "PERSIST_ONLY")) {
        throw refused((written(peek(0)) + " " + written(peek(1))).trim(),
            "it would change the shard servers for every user");
      }
      if (peek(0) != null && peek(0).isSymbol('@')) {
        return systemVariable();
      }
      if ((peekWord(0, "SESSION") || peekWord(0, "LOCAL")) && peekWord(1, "CHARACTERISTICS")) {
        i += 2;
        expectWord("AS");
        expectWord("TRANSACTION");
        return characteristics();
      }
      if (peekWord(0, "SESSION") || peekWord(0, "LOCAL")) {
        i++;
      }
      if (skipWord("TRANSACTION")) {
        return characteristics();
      }
      if (skipWord("NAMES")) {
        List<String> values = values();
        if (skipWord("COLLATE")) {
          throw refused("NAMES … COLLATE", "a collation changes how strings compare; set it in"
              + " every shard's JDBC URL or database");
        }
        return encoding("NAMES", values, false);
      }
      if (peekWord(0, "CHARACTER") && peekWord(1, "SET")) {
        i += 2;
        return encoding("CHARACTER SET", values(), false);
      }
      if (skipWord("CHARSET")) {
        return encoding("CHARSET", values(), false);
      }
      if (peekWord(0, "TIME") && peekWord(1, "ZONE")) {
        throw refused("TIME ZONE", "it changes the values of time zone dependent types");
      }
      if (peekWord(0, "SCHEMA") || peekWord(0, "SEARCH_PATH")) {
        return schema(written(next()));
      }
      return assignment(name());
    }

    /**
     * {@code SCHEMA x} (H2, PostgreSQL) or {@code search_path = x} (PostgreSQL): accepted when
     * {@code x} is the schema the connection is already in, refused otherwise — every shard
     * connection is in the schema its JDBC URL names, and switching one pooled connection would
     * leak to its next borrower.
     */
    private Action schema(String setting) throws SQLException {
      if (!skipSymbol('=')) {
        skipWord("TO");
      }
      Token named = next();
      if (named.kind() != Kind.WORD && named.kind() != Kind.QUOTED
          && named.kind() != Kind.STRING) {
        throw syntax(sql, named.text());
      }
      String written = written(named);
      if (peek(0) != null && peek(0).isSymbol(',')) {
        throw refused(setting, "only the schema the connection is already in can be set, on"
            + " its own");
      }
      boolean exact = named.kind() != Kind.WORD;
      return c -> {
        String current = c.getSchema();
        if (!(exact ? written.equals(current) : stored(c, written).equals(current))) {
          throw refused(setting, written + " is not the schema every shard connection is"
              + " already in (" + current + "), the only one that can be set: a pooled shard"
              + " connection switched to another schema would keep it for its next borrower;"
              + " name the schema in every shard's JDBC URL");
        }
      };
    }

    /** {@code @@[session.]name = value}; a user variable {@code @x} is refused. */
    private Action systemVariable() throws SQLException {
      i++;
      if (!skipSymbol('@')) {
        throw refused("@" + written(peek(0)), "user variables would live on one pooled shard"
            + " connection");
      }
      if ((peekWord(0, "SESSION") || peekWord(0, "LOCAL")) && peek(1) != null
          && peek(1).isSymbol('.')) {
        i += 2;
      } else if (peekWord(0, "GLOBAL") || peekWord(0, "PERSIST")) {
        throw refused("@@" + written(peek(0)), "it would change the shard servers for every"
            + " user");
      }
      return assignment(name());
    }

    private String name() throws SQLException {
      Token t = next();
      if (!t.isName()) {
        throw syntax(sql, t.text());
      }
      return t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text();
    }

    private Action assignment(String name) throws SQLException {
      if (!skipSymbol('=') && !skipWord("TO")) {
        if (peek(0) != null && peek(0).isSymbol(':') && peek(1) != null
            && peek(1).isSymbol('=')) {
          i += 2;
        } // else H2's SET AUTOCOMMIT TRUE: no '='
      }
      return setting(name, values());
    }

    /**
     * One value, or a comma-separated list of values ({@code DateStyle = ISO, MDY}); a comma
     * followed by {@code name =} starts the next clause instead.
     */
    private List<String> values() throws SQLException {
      List<String> values = new ArrayList<>();
      values.add(value());
      while (peek(0) != null && peek(0).isSymbol(',') && !startsClause(1)) {
        i++;
        values.add(value());
      }
      return values;
    }

    private boolean startsClause(int at) {
      Token a = peek(at);
      Token b = peek(at + 1);
      return a == null || a.isSymbol('@') || (a.isName() && b != null
          && (b.isSymbol('=') || b.is("TO") || b.isSymbol(':') || a.is("NAMES")
          || a.is("SESSION") || a.is("TRANSACTION") || (a.is("CHARACTER") && b.is("SET"))));
    }

    private String value() throws SQLException {
      Token t = next();
      if (t.isSymbol('-') && peek(0) != null && peek(0).kind() == Kind.NUMBER) {
        return "-" + next().text();
      }
      if (t.kind() == Kind.SYMBOL || t.kind() == Kind.PARAM) {
        throw syntax(sql, t.text());
      }
      return t.kind() == Kind.WORD ? sql.substring(t.start(), t.end()) : t.text();
    }

    /** {@code ISOLATION LEVEL …}, {@code READ ONLY}, {@code READ WRITE}, comma-separated. */
    private Action characteristics() throws SQLException {
      List<Action> actions = new ArrayList<>();
      do {
        if (skipWord("ISOLATION")) {
          expectWord("LEVEL");
          int level = level(levelWords());
          actions.add(c -> c.setTransactionIsolation(level));
        } else if (peekWord(0, "READ") && (peekWord(1, "ONLY") || peekWord(1, "WRITE"))) {
          boolean readOnly = peekWord(1, "ONLY");
          i += 2;
          actions.add(c -> c.setReadOnly(readOnly));
        } else {
          throw refused("TRANSACTION " + written(peek(0)), "only ISOLATION LEVEL, READ ONLY and"
              + " READ WRITE can be set");
        }
      } while (peek(0) != null && peek(0).isSymbol(',') && !startsClause(1) && skipSymbol(','));
      return c -> {
        for (Action a : actions) {
          a.apply(c);
        }
      };
    }

    private String levelWords() throws SQLException {
      String first = next().text();
      if ((first.equals("READ") && (peekWord(0, "COMMITTED") || peekWord(0, "UNCOMMITTED")))
          || (first.equals("REPEATABLE") && peekWord(0, "READ"))) {
        return first + " " + next().text();
      }
      return first;
    }

    private Action setting(String name, List<String> values) throws SQLException {
      String single = values.size() == 1 ? values.get(0) : null;
      switch (name) {
        case "application_name":
          return NO_OP;
        case "extra_float_digits":
          if (single != null && single.matches("-?\\d+")) {
            return NO_OP;
          }
          throw refused(name + " = " + String.join(", ", values), "expected an integer");
        case "client_encoding":
        case "character_set_client":
        case "character_set_connection":
          return encoding(name, values, false);
        case "character_set_results":
          return encoding(name, values, true);
        case "datestyle":
          if (values.get(0).split(",")[0].trim().equalsIgnoreCase("ISO")) {
            return NO_OP;
          }
          throw refused("DateStyle = " + String.join(", ", values), "only ISO is accepted:"
              + " JDBC reads dates as values, and the shard drivers need ISO");
        case "autocommit":
          boolean on = bool(name, single);
          return c -> c.setAutoCommit(on);
        case "transaction_isolation":
        case "tx_isolation":
        case "default_transaction_isolation":
          int level = level(single == null ? "" : single.replace('-', ' '));
          return c -> c.setTransactionIsolation(level);
        case "transaction_read_only":
        case "tx_read_only":
        case "default_transaction_read_only":
          boolean readOnly = bool(name, single);
          return c -> c.setReadOnly(readOnly);
        default:
          throw refused(name, "the setting would change one pooled shard connection only, and"
              + " leak to whoever borrows it next; set it in every shard's JDBC URL or pool"
              + " settings (e.g. connectionInitSql)");
      }
    }
  }

  private static Action encoding(String setting, List<String> values, boolean nullAllowed)
      throws SQLException {
    String v = values.size() == 1 ? values.get(0).toUpperCase(Locale.ROOT) : "";
    if (UTF8.contains(v) || (nullAllowed && v.equals("NULL"))) {
      return NO_OP;
    }
    throw refused(setting + " " + String.join(", ", values), "only UTF-8 (utf8, utf8mb4,"
        + " UTF8) is accepted: JDBC strings are Unicode and each shard driver chooses its"
        + " connections' encoding");
  }

  /** An unquoted identifier as the database stores it (H2 upper-cases, PostgreSQL lower-cases). */
  private static String stored(Connection c, String unquoted) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    if (md.storesUpperCaseIdentifiers()) {
      return unquoted.toUpperCase(Locale.ROOT);
    }
    return md.storesLowerCaseIdentifiers() ? unquoted.toLowerCase(Locale.ROOT) : unquoted;
  }

  private static boolean bool(String name, String value) throws SQLException {
    switch (value == null ? "" : value.toUpperCase(Locale.ROOT)) {
      case "1": case "ON": case "TRUE":
        return true;
      case "0": case "OFF": case "FALSE":
        return false;
      default:
        throw refused(name + " = " + value, "expected 0, 1, ON, OFF, TRUE or FALSE");
    }
  }

  private static int level(String words) throws SQLException {
    switch (words.toUpperCase(Locale.ROOT).trim()) {
      case "READ UNCOMMITTED":
        return Connection.TRANSACTION_READ_UNCOMMITTED;
      case "READ COMMITTED":
        return Connection.TRANSACTION_READ_COMMITTED;
      case "REPEATABLE READ":
        return Connection.TRANSACTION_REPEATABLE_READ;
      case "SERIALIZABLE":
        return Connection.TRANSACTION_SERIALIZABLE;
      default:
        throw refused("TRANSACTION ISOLATION LEVEL " + words, "expected READ UNCOMMITTED, READ"
            + " COMMITTED, REPEATABLE READ or SERIALIZABLE");
    }
  }

  private static SQLFeatureNotSupportedException refused(String setting, String why) {
    return new SQLFeatureNotSupportedException("SET " + setting + ": not supported: " + why
        + " (" + ACCEPTED + ")", "0A000");
  }

  private static SQLSyntaxErrorException syntax(String sql, String at) {
    return new SQLSyntaxErrorException("cannot read the session statement at '" + at
        + "' [SQL: " + sql + "]", "42000");
  }
}
