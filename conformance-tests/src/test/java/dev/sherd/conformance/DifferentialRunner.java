package dev.sherd.conformance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs statements on the subject (the driver, or a second oracle in the self-test) and on the
 * oracle, and fails with a readable message when they disagree.
 *
 * <p>Per statement it checks: the oracle accepts it (unless marked {@code error}); the subject's
 * outcome conforms under {@link ResultComparator}; a refusal by the subject is listed in
 * expected-refusals.txt (corpus) or tagged by the generator, and a listed refusal really is refused
 * with the right exception and a message; after every write, the update count and then the written
 * table's full contents (ordered by primary key) are equal. In a transaction block the contents are
 * compared after the commit or rollback. {@code -- explain} statements run on the subject only and
 * must return rows naming shards.
 *
 * <p>Every failure message carries the statement id, its location, the SQL, the parameters and the
 * run context (seed, cluster). Not thread-safe: one runner drives one pair of connections.
 */
final class DifferentialRunner {

    /** What happened to one statement. */
    enum Result { COMPARED, REFUSED_AS_EXPECTED, SKIPPED }

    private static final Pattern WRITTEN_TABLE = Pattern.compile(
            "^(?:INSERT\\s+INTO|MERGE\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE\\s+TABLE|ALTER\\s+TABLE|CREATE\\s+TABLE(?:\\s+IF\\s+NOT\\s+EXISTS)?"
                    + "|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+\\S+\\s+ON)\\s+(\"[^\"]+\"|`[^`]+`|[A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(--[^\\n]*\\n|/\\*.*?\\*/))*\\s*", Pattern.DOTALL);

    private final Connection subject;
    private final Connection oracle;
    private final Backend backend;
    private final String subjectName;
    private final ResultComparator comparator;
    private final ExpectedRefusals refusals;
    private final boolean selfTest;
    private final String context;

    /**
     * @param selfTest true when the subject is a second plain database: explain statements are
     *                 skipped and listed refusals are only checked to be valid on the oracle
     * @param backend  the family of both sides: how table and column names are stored and quoted
     * @param context  printed in every failure message (cluster, seed, how to rerun)
     */
    DifferentialRunner(Connection subject, String subjectName, Connection oracle, Backend backend, ExpectedRefusals refusals,
                       boolean selfTest, String context) {
        this.subject = subject;
        this.oracle = oracle;
        this.backend = backend;
        this.subjectName = subjectName;
        this.comparator = new ResultComparator("oracle", subjectName);
        this.refusals = refusals;
        this.selfTest = selfTest;
        this.context = context;
    }

    /** Runs a corpus unit: one statement, or a transaction block ending in commit or rollback. */
    void run(CorpusUnit unit) {
        Set<String> writtenInTx = new LinkedHashSet<>();
        boolean inTx = false;
        try {
            for (CorpusEntry e : unit.entries()) {
                if (e.txBegin()) {
                    setAutoCommit(e, false);
                    inTx = true;
                }
                runEntry(e, inTx, writtenInTx, false);
                if (e.txEnd() != CorpusEntry.TxEnd.NONE) {
                    endTransaction(e);
                    inTx = false;
                    compareContents(e, writtenInTx).ifPresent(diff -> fail(e, diff));
                }
            }
        } finally {
            if (inTx) {
                abandonTransaction();
            }
        }
    }

    /** Runs a generated query; a refusal is accepted only when the generator tagged it as possible. */
    Result runGenerated(CorpusEntry e, boolean mayBeRefused) {
        return runEntry(e, false, new LinkedHashSet<>(), mayBeRefused);
    }

    private Result runEntry(CorpusEntry e, boolean inTx, Set<String> writtenInTx, boolean mayBeRefused) {
        if (e.explain()) {
            if (!selfTest) {
                checkExplain(e);
            }
            return Result.SKIPPED;
        }
        Optional<ExpectedRefusals.Refusal> refusal = refusals.find(e.id());
        if (refusal.isPresent()) {
            return runListedRefusal(e, refusal.get(), inTx, writtenInTx);
        }
        Outcome expected = execute(oracle, "oracle", e);
        if (expected instanceof Outcome.Failure f && !e.expectError()) {
            fail(e, "the oracle rejected the statement, so the corpus or generator is wrong (mark it '-- error' if intended): " + f);
        }
        if (!(expected instanceof Outcome.Failure) && e.expectError()) {
            fail(e, "marked '-- error' but the oracle accepted it: " + expected);
        }
        Outcome actual = execute(subject, subjectName, e);
        if (actual instanceof Outcome.Failure f && f.error() instanceof SQLFeatureNotSupportedException
                && !(expected instanceof Outcome.Failure)) {
            if (mayBeRefused) {
                return Result.REFUSED_AS_EXPECTED;
            }
            fail(e, subjectName + " refused a statement that is not an expected refusal: " + f
                    + "\n(the oracle answered it; if it cannot be answered exactly across shards, list it in "
                    + ExpectedRefusals.FILE + " with the reason; otherwise the driver must answer it)");
        }
        List<String> problems = new ArrayList<>();
        comparator.compare(expected, actual, e.mode()).ifPresent(problems::add);
        afterWrite(e, inTx, writtenInTx).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            fail(e, String.join("\n", problems));
        }
        return Result.COMPARED;
    }

    private Result runListedRefusal(CorpusEntry e, ExpectedRefusals.Refusal refusal, boolean inTx, Set<String> writtenInTx) {
        if (selfTest) {
            validateOnOracle(e, inTx);
            return Result.SKIPPED;
        }
        Outcome actual = execute(subject, subjectName, e);
        if (!(actual instanceof Outcome.Failure f)) {
            Outcome expected = execute(oracle, "oracle", e); // keep both sides in step
            Optional<String> diff = comparator.compare(expected, actual, e.mode());
            afterWrite(e, inTx, writtenInTx);
            fail(e, "listed in " + ExpectedRefusals.FILE + " (" + refusal.reason() + ") but " + subjectName + " answered it "
                    + diff.map(d -> "WRONGLY:\n" + d).orElse("and the answer matches the oracle: remove it from the file"));
            return Result.COMPARED;
        }
        SQLException error = f.error();
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (refusal.kind() == ExpectedRefusals.Kind.FEATURE_NOT_SUPPORTED && !(error instanceof SQLFeatureNotSupportedException)) {
            fail(e, "must be refused with SQLFeatureNotSupportedException (" + refusal.reason() + ") but " + subjectName + " threw " + f);
        }
        if (message.isBlank()) {
            fail(e, "refused without a message; a refusal must name the construct and why: " + f);
        }
        if (refusal.kind() == ExpectedRefusals.Kind.SQL_EXCEPTION && !message.toLowerCase(Locale.ROOT).contains("transaction")) {
            fail(e, "refused, but the message does not say the transaction is why: " + f);
        }
        validateOnOracle(e, inTx);
        // A refused write must leave nothing behind: the oracle never ran it, so contents must still match.
        afterWrite(e, inTx, writtenInTx).ifPresent(diff -> fail(e, "refused, but it changed data: " + diff));
        return Result.REFUSED_AS_EXPECTED;
    }

    /** A listed refusal must still be valid SQL that the oracle answers, or the refusal proves nothing. */
    private void validateOnOracle(CorpusEntry e, boolean inTx) {
        Outcome outcome;
        try {
            if (inTx) {
                Savepoint sp = oracle.setSavepoint();
                outcome = execute(oracle, "oracle", e);
                oracle.rollback(sp);
            } else {
                oracle.setAutoCommit(false);
                try {
                    outcome = execute(oracle, "oracle", e);
                } finally {
                    oracle.rollback();
                    oracle.setAutoCommit(true);
                }
            }
        } catch (SQLException ex) {
            throw failure(e, "could not run the refused statement on the oracle in a rolled-back transaction: " + ex, ex);
        }
        if (outcome instanceof Outcome.Failure f) {
            fail(e, "listed as a refusal, but the oracle cannot run it either, so the refusal proves nothing: " + f);
        }
    }

    private Optional<String> afterWrite(CorpusEntry e, boolean inTx, Set<String> writtenInTx) {
        Set<String> tables = new LinkedHashSet<>(e.checkTables());
        writtenTable(e.sql()).ifPresent(tables::add);
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        if (inTx) {
            writtenInTx.addAll(tables);
            return Optional.empty();
        }
        return compareContents(e, tables);
    }

    private Optional<String> compareContents(CorpusEntry e, Set<String> tables) {
        List<String> diffs = new ArrayList<>();
        for (String table : tables) {
            String sql = "SELECT * FROM " + table + " ORDER BY " + orderByKey(e, table);
            Outcome expected = StatementRunner.run(oracle, sql, null);
            Outcome actual = StatementRunner.run(subject, sql, null);
            comparator.compare(expected, actual, ComparisonMode.ordered())
                    .ifPresent(d -> diffs.add("contents of table " + table + " differ after the statement (" + sql + "):\n" + d));
        }
        return diffs.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", diffs));
    }

    /** The oracle's primary key columns, or every column position when the table has none. */
    private String orderByKey(CorpusEntry e, String table) {
        String name = backend.storedNameOf(table);
        try {
            DatabaseMetaData md = oracle.getMetaData();
            // The connection's own catalog and schema: MariaDB lists every database's tables for a null catalog.
            String catalog = oracle.getCatalog();
            String schema = oracle.getSchema();
            TreeMap<Integer, String> key = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
                while (rs.next()) {
                    key.put(rs.getInt("KEY_SEQ"), backend.identifier(rs.getString("COLUMN_NAME")));
                }
            }
            if (!key.isEmpty()) {
                return String.join(", ", key.values());
            }
            int columns = 0;
            try (ResultSet rs = md.getColumns(catalog, schema, name, null)) {
                while (rs.next()) {
                    columns++;
                }
            }
            List<String> all = new ArrayList<>();
            for (int i = 1; i <= Math.max(1, columns); i++) {
                all.add(String.valueOf(i));
            }
            return String.join(", ", all);
        } catch (SQLException ex) {
            throw failure(e, "cannot read the primary key of " + table + " from the oracle: " + ex, ex);
        }
    }

    static Optional<String> writtenTable(String sql) {
        String body = LEADING_COMMENTS.matcher(sql).replaceFirst("");
        Matcher m = WRITTEN_TABLE.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private void checkExplain(CorpusEntry e) {
        Outcome outcome = execute(subject, subjectName, e);
        if (!(outcome instanceof Outcome.Rows rows) || rows.rows().isEmpty()) {
            fail(e, "EXPLAIN must return at least one row, got " + outcome);
            return;
        }
        StringBuilder text = new StringBuilder();
        rows.rows().forEach(r -> r.forEach(v -> text.append(v).append('\n')));
        List<String> required = e.explainMentions();
        List<String> missing = new ArrayList<>();
        for (String shard : required) {
            if (!mentions(text, shard)) {
                missing.add(shard);
            }
        }
        boolean anyShard = ConformanceCluster.SHARDS.stream().anyMatch(s -> mentions(text, s));
        if (!missing.isEmpty() || !anyShard) {
            fail(e, "EXPLAIN output must name " + (required.isEmpty() ? "the shards it uses (one of " + ConformanceCluster.SHARDS + ")"
                    : "shards " + required + " (missing " + missing + ")") + "; it was:\n" + text);
        }
    }

    private static boolean mentions(CharSequence text, String shard) {
        return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(shard) + "(?![A-Za-z0-9_])").matcher(text).find();
    }

    private Outcome execute(Connection c, String side, CorpusEntry e) {
        try {
            return e.batch() ? StatementRunner.runBatch(c, e.sql(), e.paramRows()) : StatementRunner.run(c, e.sql(), e.params());
        } catch (RuntimeException ex) {
            throw failure(e, side + " threw " + ex + " instead of returning or throwing an SQLException", ex);
        }
    }

    private void setAutoCommit(CorpusEntry e, boolean on) {
        try {
            oracle.setAutoCommit(on);
            subject.setAutoCommit(on);
        } catch (SQLException ex) {
            throw failure(e, "setAutoCommit(" + on + ") failed: " + ex, ex);
        }
    }

    private void endTransaction(CorpusEntry e) {
        boolean commit = e.txEnd() == CorpusEntry.TxEnd.COMMIT;
        try {
            if (commit) {
                oracle.commit();
            } else {
                oracle.rollback();
            }
            oracle.setAutoCommit(true);
        } catch (SQLException ex) {
            throw failure(e, "oracle " + e.txEnd() + " failed: " + ex, ex);
        }
        try {
            if (commit) {
                subject.commit();
            } else {
                subject.rollback();
            }
            subject.setAutoCommit(true);
        } catch (SQLException ex) {
            abandonTransaction();
            throw failure(e, subjectName + " " + e.txEnd() + " failed: " + ex, ex);
        }
    }

    /** After a failure inside a transaction block: leave both connections clean for the next test. */
    private void abandonTransaction() {
        for (Connection c : List.of(oracle, subject)) {
            try {
                c.rollback();
            } catch (SQLException | RuntimeException ignored) {
                // best effort
            }
            try {
                c.setAutoCommit(true);
            } catch (SQLException | RuntimeException ignored) {
                // best effort
            }
        }
    }

    private void fail(CorpusEntry e, String message) {
        throw failure(e, message, null);
    }

    private AssertionError failure(CorpusEntry e, String message, Throwable cause) {
        return new AssertionError(describe(e, context) + "\n" + message + "\n(" + ResultComparator.VALUE_LEGEND + ")", cause);
    }

    /** The header of every failure: id, location, comparison mode, SQL, parameters and context. */
    static String describe(CorpusEntry e, String context) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(e.id()).append("] at ").append(e.location()).append(" (compare ").append(e.mode()).append(")\n");
        sb.append("  SQL: ").append(e.sql().replace("\n", "\n       ")).append('\n');
        if (e.batch()) {
            sb.append("  batch parameter rows (").append(e.paramRows().size()).append("): ");
            e.paramRows().stream().limit(5).forEach(r -> sb.append(ResultComparator.render(r)).append(' '));
            sb.append(e.paramRows().size() > 5 ? "...\n" : "\n");
        } else if (e.params() != null) {
            sb.append("  params: ").append(ResultComparator.render(e.params())).append('\n');
        }
        if (context != null && !context.isEmpty()) {
            sb.append("  ").append(context).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
