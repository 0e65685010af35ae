package dev.sherd.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of a golden planner file: a statement, optional parameter values and the expected
 * description of its plan. The file format (see {@code golden/planner-cases.txt}):
 *
 * <pre>
 * === case-name
 * # why the expectation is what one database holding all rows would do
 * sql: SELECT * FROM customers WHERE id = ?     (repeat "sql:" for a multi-line statement)
 * params: 7, 'text', null, 1.5, true
 * kind: query
 * shards: s2
 * </pre>
 *
 * Keys may repeat (merge steps, EXPLAIN rows); order matters within a key. Immutable.
 */
record GoldenCase(String name, int line, String sql, Object[] params,
    Map<String, List<String>> expected) {

  static List<GoldenCase> load(String resource) {
    try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<GoldenCase> parse(String text) {
    List<GoldenCase> cases = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    Builder current = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.startsWith("=== ")) {
        if (current != null) {
          cases.add(current.build());
        }
        current = new Builder(line.substring(4).strip(), i + 1);
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else {
        int colon = line.indexOf(": ");
        if (current == null || colon < 0) {
          throw new IllegalArgumentException("line " + (i + 1) + ": expected '=== name' or"
              + " 'key: value' but found: " + line);
        }
        current.add(line.substring(0, colon).strip(), line.substring(colon + 2), i + 1);
      }
    }
    if (current != null) {
      cases.add(current.build());
    }
    return cases;
  }

  /** Parses {@code 7, 'a, b', null, 1.5, true}: Long, String, null, BigDecimal, Boolean. */
  static Object[] parseParams(String text, int line) {
    List<Object> values = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i < n && text.charAt(i) == '\'') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
          char c = text.charAt(i);
          if (c == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
            sb.append('\'');
            i += 2;
          } else if (c == '\'') {
            i++;
            break;
          } else {
            sb.append(c);
            i++;
          }
        }
        values.add(sb.toString());
      } else {
        int end = text.indexOf(',', i);
        String token = (end < 0 ? text.substring(i) : text.substring(i, end)).strip();
        i = end < 0 ? n : end;
        values.add(scalar(token, line));
      }
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i < n && text.charAt(i) == ',') {
        i++;
      }
    }
    return values.toArray();
  }

  private static Object scalar(String token, int line) {
    switch (token) {
      case "null":
        return null;
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        try {
          return token.contains(".") ? new BigDecimal(token) : (Object) Long.parseLong(token);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("line " + line + ": parameter '" + token
              + "' is not null, true, false, a number or a 'quoted string'", e);
        }
    }
  }

  private static final class Builder {
    private final String name;
    private final int line;
    private final List<String> sql = new ArrayList<>();
    private Object[] params;
    private final Map<String, List<String>> expected = new LinkedHashMap<>();

    Builder(String name, int line) {
      this.name = name;
      this.line = line;
    }

    void add(String key, String value, int at) {
      switch (key) {
        case "sql":
          sql.add(value);
          break;
        case "params":
          params = parseParams(value, at);
          break;
        default:
          expected.computeIfAbsent(key, k -> new ArrayList<>()).add(value.strip());
      }
    }

    GoldenCase build() {
      if (sql.isEmpty()) {
        throw new IllegalArgumentException("case " + name + " (line " + line + ") has no sql:");
      }
      if (expected.isEmpty()) {
        throw new IllegalArgumentException("case " + name + " (line " + line + ") expects nothing");
      }
      return new GoldenCase(name, line, String.join("\n", sql), params, expected);
    }
  }
}
