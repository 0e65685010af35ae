package dev.sherd.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * What a statement is, found by tokens alone, before (or instead of) parsing: its kind, the text to
 * parse (trailing {@code ;} and a trailing row-lock clause removed, an {@code EXPLAIN} prefix
 * removed), and for DDL the object it creates or changes. Immutable.
 *
 * <p>This is the path for everything Calcite's parsers reject (see CALCITE-NOTES): DDL is routed by
 * the table it names and forwarded verbatim; {@code FOR UPDATE}/{@code FOR SHARE}/{@code LOCK IN
 * SHARE MODE} are cut off before parsing and appended again to every per-shard statement.
 */
final class StatementShape {

  enum Kind {
    QUERY, INSERT, UPDATE, DELETE, UPSERT, DDL, TRANSACTION, SESSION, EXPLAIN, OTHER,
    /** Several statements in one text: each must be sent on its own. */
    MULTIPLE
  }

  /** The object a DDL statement acts on. */
  enum DdlObject { TABLE, INDEX, VIEW, SEQUENCE, SCHEMA, OTHER }

  final Kind kind;
  /** Statement text without a trailing {@code ;}, an EXPLAIN prefix or a lock clause. */
  final String body;
  /** A trailing row-lock clause such as {@code FOR UPDATE}, or null. */
  final String lockClause;
  final DdlObject ddlObject;
  /** For DDL: the tables it names (created, dropped, altered, indexed), as written. */
  final List<Identifier> ddlTables;
  /** For DDL: true for CREATE TABLE … AS SELECT and CREATE VIEW (they read other tables). */
  final boolean ddlReadsTables;
  /** Every identifier in the statement, for "does it name a sharded table?" checks. */
  final List<Identifier> identifiers;
  final int parameterCount;

  /** An identifier as written: its text (upper-cased unless quoted) and whether it was quoted. */
  record Identifier(String name, boolean quoted) {}

  private StatementShape(Kind kind, String body, String lockClause, DdlObject ddlObject,
      List<Identifier> ddlTables, boolean ddlReadsTables, List<Identifier> identifiers,
      int parameterCount) {
    this.kind = kind;
    this.body = body;
    this.lockClause = lockClause;
    this.ddlObject = ddlObject;
    this.ddlTables = ddlTables;
    this.ddlReadsTables = ddlReadsTables;
    this.identifiers = identifiers;
    this.parameterCount = parameterCount;
  }

  static StatementShape of(String sql) {
    List<SqlToken> tokens = SqlTokenizer.tokenize(sql);
    int end = tokens.size();
    while (end > 0 && tokens.get(end - 1).isSymbol(';')) {
      end--;
    }
    tokens = tokens.subList(0, end);
    String body = end == 0 ? "" : sql.substring(0, tokens.get(end - 1).end());
    if (hasStatementSeparator(tokens)) {
      return new StatementShape(Kind.MULTIPLE, body, null, null, List.of(), false, List.of(), 0);
    }
    List<Identifier> identifiers = new ArrayList<>();
    for (SqlToken t : tokens) {
      if (t.isIdentifier()) {
        identifiers.add(new Identifier(t.text(), t.type() == SqlToken.Type.QUOTED));
      }
    }
    int params = SqlTokenizer.countParameters(tokens);
    if (tokens.isEmpty()) {
      return new StatementShape(Kind.OTHER, body, null, null, List.of(), false, identifiers, 0);
    }
    SqlToken first = tokens.get(0);
    Kind kind = kindOf(first);
    if (kind == Kind.EXPLAIN) {
      int skip = 1;
      if (tokens.size() > 2 && tokens.get(1).isWord("PLAN") && tokens.get(2).isWord("FOR")) {
        skip = 3;
      }
      String inner = tokens.size() > skip ? body.substring(tokens.get(skip).start()) : "";
      return new StatementShape(Kind.EXPLAIN, inner, null, null, List.of(), false, identifiers,
          params);
    }
    if (kind == Kind.QUERY) {
      int lock = lockClauseStart(tokens);
      if (lock >= 0) {
        int offset = tokens.get(lock).start();
        return new StatementShape(kind, body.substring(0, offset).stripTrailing(),
            body.substring(offset), null, List.of(), false, identifiers, params);
      }
    }
    if (kind == Kind.DDL) {
      return ddl(tokens, body, identifiers, params);
    }
    return new StatementShape(kind, body, null, null, List.of(), false, identifiers, params);
  }

  private static Kind kindOf(SqlToken first) {
    if (first.isSymbol('(')) {
      return Kind.QUERY;
    }
    if (first.type() != SqlToken.Type.WORD) {
      return Kind.OTHER;
    }
    switch (first.text()) {
      case "SELECT": case "WITH": case "VALUES": case "TABLE":
        return Kind.QUERY;
      case "INSERT":
        return Kind.INSERT;
      case "UPDATE":
        return Kind.UPDATE;
      case "DELETE":
        return Kind.DELETE;
      case "MERGE": case "REPLACE": case "UPSERT":
        return Kind.UPSERT;
      case "CREATE": case "DROP": case "ALTER": case "TRUNCATE": case "COMMENT": case "RENAME":
        return Kind.DDL;
      case "COMMIT": case "ROLLBACK": case "BEGIN": case "START": case "SAVEPOINT": case "RELEASE":
        return Kind.TRANSACTION;
      case "SET": case "USE": case "RESET":
        return Kind.SESSION;
      case "EXPLAIN":
        return Kind.EXPLAIN;
      default:
        return Kind.OTHER;
    }
  }

  /** True when a {@code ;} at nesting depth 0 separates two statements. */
  private static boolean hasStatementSeparator(List<SqlToken> tokens) {
    int depth = 0;
    for (SqlToken t : tokens) {
      if (t.isSymbol('(')) {
        depth++;
      } else if (t.isSymbol(')')) {
        depth--;
      } else if (depth <= 0 && t.isSymbol(';')) {
        return true;
      }
    }
    return false;
  }

  /** Index of the token starting a trailing row-lock clause at nesting depth 0, or -1. */
  private static int lockClauseStart(List<SqlToken> tokens) {
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.isSymbol('(')) {
        depth++;
      } else if (t.isSymbol(')')) {
        depth--;
      } else if (depth == 0 && i + 1 < tokens.size()) {
        SqlToken next = tokens.get(i + 1);
        if (t.isWord("FOR") && (next.isWord("UPDATE") || next.isWord("SHARE")
            || next.isWord("NO") || next.isWord("KEY"))) {
          return i;
        }
        if (t.isWord("LOCK") && next.isWord("IN") && i + 3 < tokens.size()
            && tokens.get(i + 2).isWord("SHARE") && tokens.get(i + 3).isWord("MODE")) {
          return i;
        }
      }
    }
    return -1;
  }

  private static StatementShape ddl(List<SqlToken> tokens, String body,
      List<Identifier> identifiers, int params) {
    String verb = tokens.get(0).text();
    int i = 1;
    if (verb.equals("COMMENT") && i < tokens.size() && tokens.get(i).isWord("ON")) {
      i++; // COMMENT ON TABLE t / COMMENT ON COLUMN t.c
    }
    // Skip modifiers between the verb and the object keyword.
    while (i < tokens.size() && tokens.get(i).type() == SqlToken.Type.WORD
        && isDdlModifier(tokens.get(i).text())) {
      i++;
    }
    if (i >= tokens.size()) {
      return new StatementShape(Kind.DDL, body, null, DdlObject.OTHER, List.of(), false,
          identifiers, params);
    }
    String object = tokens.get(i).text();
    i++;
    i = skipIfExists(tokens, i);
    List<Identifier> tables = new ArrayList<>();
    DdlObject ddlObject;
    boolean reads = false;
    switch (object) {
      case "TABLE":
        ddlObject = DdlObject.TABLE;
        i = readQualifiedName(tokens, i, tables);
        if (verb.equals("DROP") || verb.equals("TRUNCATE")) {
          while (i < tokens.size() && tokens.get(i).isSymbol(',')) {
            i = readQualifiedName(tokens, i + 1, tables);
          }
        }
        reads = verb.equals("CREATE") && containsWord(tokens, i, "SELECT");
        break;
      case "COLUMN": {
        // COMMENT ON COLUMN [schema.]table.column: the table is the part before the column
        ddlObject = DdlObject.TABLE;
        List<Identifier> parts = new ArrayList<>();
        while (i < tokens.size() && tokens.get(i).isIdentifier()) {
          SqlToken t = tokens.get(i);
          parts.add(new Identifier(t.text(), t.type() == SqlToken.Type.QUOTED));
          if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol('.')) {
            break;
          }
          i += 2;
        }
        if (parts.size() >= 2) {
          tables.add(parts.get(parts.size() - 2));
        }
        break;
      }
      case "INDEX":
        ddlObject = DdlObject.INDEX;
        if (verb.equals("CREATE")) {
          int on = indexOfWord(tokens, i, "ON");
          if (on >= 0) {
            readQualifiedName(tokens, on + 1, tables);
          }
        }
        break;
      case "VIEW":
        ddlObject = DdlObject.VIEW;
        reads = true;
        break;
      case "SEQUENCE":
        ddlObject = DdlObject.SEQUENCE;
        break;
      case "SCHEMA":
        ddlObject = DdlObject.SCHEMA;
        break;
      default:
        ddlObject = DdlObject.OTHER;
    }
    return new StatementShape(Kind.DDL, body, null, ddlObject, List.copyOf(tables), reads,
        identifiers, params);
  }

  private static boolean isDdlModifier(String word) {
    switch (word) {
      case "OR": case "REPLACE": case "GLOBAL": case "LOCAL": case "TEMPORARY": case "TEMP":
      case "MEMORY": case "CACHED": case "UNIQUE": case "HASH": case "SPATIAL": case "UNLOGGED":
      case "FORCE": case "CONCURRENTLY":
        return true;
      default:
        return false;
    }
  }

  private static int skipIfExists(List<SqlToken> tokens, int i) {
    if (i + 1 < tokens.size() && tokens.get(i).isWord("IF")) {
      if (tokens.get(i + 1).isWord("EXISTS")) {
        return i + 2;
      }
      if (i + 2 < tokens.size() && tokens.get(i + 1).isWord("NOT")
          && tokens.get(i + 2).isWord("EXISTS")) {
        return i + 3;
      }
    }
    return i;
  }

  /** Reads {@code name} or {@code schema.name}; adds the last part. Returns the next index. */
  private static int readQualifiedName(List<SqlToken> tokens, int i, List<Identifier> out) {
    i = skipIfExists(tokens, i);
    if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
      return i;
    }
    SqlToken last = tokens.get(i);
    i++;
    while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.') && tokens.get(i + 1).isIdentifier()) {
      last = tokens.get(i + 1);
      i += 2;
    }
    out.add(new Identifier(last.text(), last.type() == SqlToken.Type.QUOTED));
    return i;
  }

  private static int indexOfWord(List<SqlToken> tokens, int from, String word) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).isWord(word)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean containsWord(List<SqlToken> tokens, int from, String word) {
    return indexOfWord(tokens, from, word) >= 0;
  }
}
