package dev.sherd.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One statement of the differential corpus with the directives that say how to run and compare
 * it. Built by {@link CorpusParser} from {@code corpus.sql}, and by {@link ConformanceData} for the
 * data load, so both go through the same checks. Immutable.
 *
 * @param id         stable name, used in test names, failure messages and expected-refusals.txt
 * @param location   where it came from ("corpus.sql:120"), for failure messages
 * @param sql        the statement text, without the terminating semicolon
 * @param mode       how result sets are compared
 * @param paramRows  empty: run as a plain Statement; one row: a PreparedStatement; several: a batch
 * @param explain    run through the driver only and check the plan mentions shards
 * @param explainMentions shard names the plan must mention; empty means "at least one shard"
 * @param expectError the oracle is expected to throw (the driver must throw the same SQLState class)
 * @param txBegin    switch both connections to manual commit before this statement
 * @param txEnd      commit or roll back both connections after this statement
 * @param checkTables tables whose contents are compared after this statement, besides the one it writes
 * @param variants   the statement text to run instead on a backend whose dialect spells it differently
 * @param notRunOn   backends this statement does not run on, each with the reason
 */
record CorpusEntry(String id, String location, String sql, ComparisonMode mode, List<List<Object>> paramRows,
                   boolean explain, List<String> explainMentions, boolean expectError, boolean txBegin, TxEnd txEnd,
                   List<String> checkTables, Map<Backend, String> variants, Map<Backend, String> notRunOn) {

    enum TxEnd { NONE, COMMIT, ROLLBACK }

    CorpusEntry {
        paramRows = paramRows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
        explainMentions = List.copyOf(explainMentions);
        checkTables = List.copyOf(checkTables);
        variants = Collections.unmodifiableMap(variants.isEmpty() ? new EnumMap<>(Backend.class) : new EnumMap<>(variants));
        notRunOn = Collections.unmodifiableMap(notRunOn.isEmpty() ? new EnumMap<>(Backend.class) : new EnumMap<>(notRunOn));
    }

    /** This entry as it runs on {@code backend}: with that backend's variant of the SQL, if it has one. */
    CorpusEntry on(Backend backend) {
        String variant = variants.get(backend);
        if (variant == null) {
            return this;
        }
        return new CorpusEntry(id, location + " (" + backend.key() + " variant)", variant, mode, paramRows, explain, explainMentions,
                expectError, txBegin, txEnd, checkTables, variants, notRunOn);
    }

    /** Why this entry does not run on {@code backend}, or empty when it does. */
    Optional<String> skipReason(Backend backend) {
        return Optional.ofNullable(notRunOn.get(backend));
    }

    CorpusEntry withVariant(Backend backend, String variantSql) {
        Map<Backend, String> v = new EnumMap<>(Backend.class);
        v.putAll(variants);
        v.put(backend, variantSql);
        return new CorpusEntry(id, location, sql, mode, paramRows, explain, explainMentions, expectError, txBegin, txEnd,
                checkTables, v, notRunOn);
    }

    boolean batch() {
        return paramRows.size() > 1;
    }

    /** Parameters of a single (non-batch) prepared statement, or null for a plain Statement. */
    List<Object> params() {
        return paramRows.isEmpty() ? null : paramRows.get(0);
    }

    boolean inTransactionBlock() {
        return txBegin || txEnd != TxEnd.NONE;
    }

    /** A one-line description for test names and messages. */
    String title() {
        String flat = sql.replaceAll("\\s+", " ");
        return id + ": " + (flat.length() > 90 ? flat.substring(0, 87) + "..." : flat);
    }

    static Builder builder(String id, String location) {
        return new Builder(id, location);
    }

    /** Collects directives before the statement text is known. Not thread-safe. */
    static final class Builder {
        private final String id;
        private final String location;
        ComparisonMode mode = ComparisonMode.unordered();
        final List<List<Object>> paramRows = new ArrayList<>();
        boolean batch;
        boolean explain;
        List<String> explainMentions = List.of();
        boolean expectError;
        boolean txBegin;
        TxEnd txEnd = TxEnd.NONE;
        Set<String> approximate = Set.of();
        final List<String> checkTables = new ArrayList<>();
        final Map<Backend, String> notRunOn = new EnumMap<>(Backend.class);

        private Builder(String id, String location) {
            this.id = id;
            this.location = location;
        }

        Builder mode(ComparisonMode m) {
            this.mode = m;
            return this;
        }

        Builder params(List<Object> row) {
            paramRows.add(row);
            return this;
        }

        CorpusEntry build(String sql) {
            if (batch && paramRows.size() < 2) {
                throw new IllegalArgumentException(location + ": batch " + id + " needs at least two params rows");
            }
            if (!batch && paramRows.size() > 1) {
                throw new IllegalArgumentException(location + ": " + id + " has several params rows but is not marked batch");
            }
            return new CorpusEntry(id, location, sql, mode.withApproximate(approximate), paramRows, explain, explainMentions,
                    expectError, txBegin, txEnd, checkTables, Map.of(), notRunOn);
        }
    }
}
