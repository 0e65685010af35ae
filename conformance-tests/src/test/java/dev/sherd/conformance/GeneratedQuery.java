package dev.sherd.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One query made by {@link QueryGenerator}: its SQL, its parameters (null for a plain Statement),
 * how its result is compared, and, when the driver may legitimately refuse it, why. Immutable.
 *
 * @param refusableBecause null when the driver must answer; otherwise the construct that may be refused
 */
record GeneratedQuery(long seed, int index, String sql, List<Object> params, ComparisonMode mode, String refusableBecause) {

    GeneratedQuery {
        params = params == null ? null : Collections.unmodifiableList(new ArrayList<>(params));
    }

    boolean mayBeRefused() {
        return refusableBecause != null;
    }

    String id() {
        return "gen-" + index;
    }

    CorpusEntry toEntry() {
        CorpusEntry.Builder b = CorpusEntry.builder(id(), "QueryGenerator seed " + seed + " query #" + index
                + (mayBeRefused() ? " (may be refused: " + refusableBecause + ")" : ""));
        b.mode(mode);
        b.approximate = mode.approximate();
        if (params != null) {
            b.params(params);
        }
        return b.build(sql);
    }
}
