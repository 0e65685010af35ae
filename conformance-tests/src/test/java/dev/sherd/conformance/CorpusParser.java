package dev.sherd.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the corpus script format documented at the top of {@code conformance/corpus.sql}.
 *
 * <p>Strict on purpose: an unknown directive, a missing or duplicate id, a statement without its
 * terminating semicolon, or conflicting directives is an error naming the line, so a typo cannot
 * silently weaken a comparison. Stateless.
 */
final class CorpusParser {

    static final String CORPUS = "conformance/corpus.sql";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*([a-z-]+)\\s*(?::\\s*(.*))?");
    private static final Pattern EXCLUSION = Pattern.compile("([a-z0-9, ]+?)\\s*\\((.*\\S.*)\\)");

    private CorpusParser() {
    }

    /** Parses the corpus from the test classpath. */
    static List<CorpusEntry> loadCorpus() {
        return parse(CORPUS, resource(CORPUS));
    }

    static String resource(String name) {
        try (InputStream in = CorpusParser.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + name + " not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusEntry> parse(String source, String text) {
        List<CorpusEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String[]> directives = new ArrayList<>(); // {name, value or null, line}
        StringBuilder sql = new StringBuilder();
        int sqlStart = 0;
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                String trimmed = line.strip();
                if (sql.isEmpty()) {
                    if (trimmed.isEmpty() || trimmed.startsWith("---")) {
                        continue;
                    }
                    if (trimmed.startsWith("--")) {
                        var m = DIRECTIVE.matcher(trimmed);
                        if (!m.matches()) {
                            throw error(source, lineNo, "not a directive (commentary lines start with ---): " + trimmed);
                        }
                        directives.add(new String[] {m.group(1), m.group(2) == null ? null : m.group(2).strip(), String.valueOf(lineNo)});
                        continue;
                    }
                    sqlStart = lineNo;
                }
                sql.append(sql.isEmpty() ? "" : "\n").append(line);
                if (trimmed.endsWith(";")) {
                    String statement = sql.toString().strip();
                    statement = statement.substring(0, statement.length() - 1).strip();
                    if (directives.stream().anyMatch(d -> d[0].equals("variant"))) {
                        addVariant(source, sqlStart, directives, statement, entries);
                        directives.clear();
                        sql.setLength(0);
                        continue;
                    }
                    CorpusEntry entry = entry(source, sqlStart, directives, statement);
                    if (!ids.add(entry.id())) {
                        throw error(source, sqlStart, "duplicate id " + entry.id());
                    }
                    entries.add(entry);
                    directives.clear();
                    sql.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sql.isEmpty()) {
            throw error(source, sqlStart, "statement is not terminated by ';' at the end of a line");
        }
        if (!directives.isEmpty()) {
            throw error(source, Integer.parseInt(directives.get(0)[2]), "directives without a statement");
        }
        for (CorpusUnit unit : CorpusUnit.group(entries)) { // also validates transaction blocks
            if (unit.entries().size() > 1 && unit.entries().stream().anyMatch(e -> !e.notRunOn().isEmpty())) {
                throw new IllegalArgumentException(unit.entries().get(0).location() + ": skip/only inside a transaction block;"
                        + " a block runs whole or not at all, so use a variant");
            }
        }
        return List.copyOf(entries);
    }

    /** {@code -- variant: mariadb, ...} then a statement: the previous entry's SQL on those backends. */
    private static void addVariant(String source, int line, List<String[]> directives, String sql, List<CorpusEntry> entries) {
        if (directives.size() != 1) {
            throw error(source, line, "a variant takes no other directive; it shares the id and directives of the entry above it");
        }
        if (entries.isEmpty()) {
            throw error(source, line, "a variant must follow the entry it varies");
        }
        String value = directives.get(0)[1];
        if (value == null || value.isBlank()) {
            throw error(source, line, "variant needs the backends it is for, e.g. '-- variant: mariadb'");
        }
        CorpusEntry base = entries.get(entries.size() - 1);
        for (String key : list(value)) {
            Backend backend = backend(source, line, key);
            if (base.variants().containsKey(backend)) {
                throw error(source, line, base.id() + " already has a " + key + " variant");
            }
            if (base.notRunOn().containsKey(backend)) {
                throw error(source, line, base.id() + " does not run on " + key + "; a variant for it is dead text");
            }
            base = base.withVariant(backend, sql);
        }
        entries.set(entries.size() - 1, base);
    }

    /** {@code mariadb, postgresql (why)}: the backends and the reason, which is required. */
    private static void exclusion(String source, int line, String name, String value, CorpusEntry.Builder b) {
        var m = EXCLUSION.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw error(source, line, name + " needs backends and a reason: '-- " + name + ": mariadb (why it cannot run there)'");
        }
        Set<Backend> named = new HashSet<>();
        for (String key : list(m.group(1))) {
            named.add(backend(source, line, key));
        }
        String reason = m.group(2).strip();
        for (Backend backend : Backend.values()) {
            if (name.equals("skip") == named.contains(backend)) {
                if (b.notRunOn.put(backend, reason) != null) {
                    throw error(source, line, "more than one skip/only for " + backend.key());
                }
            }
        }
        if (b.notRunOn.size() == Backend.values().length) {
            throw error(source, line, "the entry would run on no backend");
        }
    }

    private static Backend backend(String source, int line, String key) {
        try {
            return Backend.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw error(source, line, e.getMessage());
        }
    }

    private static CorpusEntry entry(String source, int line, List<String[]> directives, String sql) {
        String id = null;
        for (String[] d : directives) {
            if (d[0].equals("id")) {
                if (id != null) {
                    throw error(source, Integer.parseInt(d[2]), "second id directive");
                }
                id = d[1];
            }
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw error(source, line, "statement needs '-- id: <name>' ([A-Za-z0-9._-]), got " + id);
        }
        CorpusEntry.Builder b = CorpusEntry.builder(id, source + ":" + line);
        boolean orderSet = false;
        for (String[] d : directives) {
            String name = d[0];
            String value = d[1];
            int at = Integer.parseInt(d[2]);
            switch (name) {
                case "id" -> { }
                case "ordered", "count-only" -> {
                    if (orderSet) {
                        throw error(source, at, "only one of ordered / count-only");
                    }
                    orderSet = true;
                    if (name.equals("count-only")) {
                        noValue(source, at, name, value);
                        b.mode(ComparisonMode.countOnly());
                    } else if (value == null) {
                        b.mode(ComparisonMode.ordered());
                    } else {
                        b.mode(ComparisonMode.orderedOn(Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList()));
                    }
                }
                case "params" -> {
                    if (value == null) {
                        throw error(source, at, "params needs values");
                    }
                    try {
                        b.params(parseParams(value));
                    } catch (IllegalArgumentException e) {
                        throw error(source, at, e.getMessage());
                    }
                }
                case "batch" -> {
                    noValue(source, at, name, value);
                    b.batch = true;
                }
                case "explain" -> {
                    b.explain = true;
                    b.explainMentions = value == null ? List.of() : list(value);
                }
                case "error" -> {
                    noValue(source, at, name, value);
                    b.expectError = true;
                }
                case "tx-begin" -> {
                    noValue(source, at, name, value);
                    b.txBegin = true;
                }
                case "commit", "rollback" -> {
                    noValue(source, at, name, value);
                    if (b.txEnd != CorpusEntry.TxEnd.NONE) {
                        throw error(source, at, "only one of commit / rollback");
                    }
                    b.txEnd = name.equals("commit") ? CorpusEntry.TxEnd.COMMIT : CorpusEntry.TxEnd.ROLLBACK;
                }
                case "approx" -> b.approximate = new LinkedHashSet<>(list(value == null ? "" : value));
                case "check" -> b.checkTables.addAll(list(value == null ? "" : value));
                case "skip", "only" -> exclusion(source, at, name, value, b);
                default -> throw error(source, at, "unknown directive '" + name + "'");
            }
        }
        try {
            return b.build(sql);
        } catch (IllegalArgumentException e) {
            throw error(source, line, e.getMessage());
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void noValue(String source, int line, String name, String value) {
        if (value != null) {
            throw error(source, line, name + " takes no value");
        }
    }

    /**
     * Parses a comma-separated parameter list: {@code 5} Integer, {@code 5L} Long, {@code 1.50}
     * BigDecimal, {@code 0.5d} Double, {@code 'it''s'} String, {@code DATE '2024-01-31'},
     * {@code TIMESTAMP '2024-01-31 10:00:00'}, {@code TRUE}/{@code FALSE}, {@code NULL}.
     */
    static List<Object> parseParams(String text) {
        List<Object> out = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (char ch : text.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (ch == ',' && !quoted) {
                out.add(literal(token.toString().strip()));
                token.setLength(0);
            } else {
                token.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated string in params: " + text);
        }
        out.add(literal(token.toString().strip()));
        return out;
    }

    private static Object literal(String t) {
        String upper = t.toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty parameter");
        }
        if (upper.equals("NULL")) {
            return null;
        }
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return Boolean.valueOf(upper);
        }
        if (t.startsWith("'") && t.endsWith("'") && t.length() >= 2) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        if (upper.startsWith("DATE ")) {
            return Date.valueOf(unquote(t.substring(5).strip()));
        }
        if (upper.startsWith("TIMESTAMP ")) {
            return Timestamp.valueOf(unquote(t.substring(10).strip()));
        }
        try {
            if (upper.endsWith("L")) {
                return Long.valueOf(t.substring(0, t.length() - 1));
            }
            if (upper.endsWith("D")) {
                return Double.valueOf(t.substring(0, t.length() - 1));
            }
            if (t.contains(".")) {
                return new BigDecimal(t);
            }
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a parameter literal: " + t);
        }
    }

    private static String unquote(String t) {
        if (!(t.startsWith("'") && t.endsWith("'"))) {
            throw new IllegalArgumentException("expected a quoted value: " + t);
        }
        return t.substring(1, t.length() - 1);
    }

    private static IllegalArgumentException error(String source, int line, String message) {
        return new IllegalArgumentException(source + ":" + line + ": " + message);
    }
}
