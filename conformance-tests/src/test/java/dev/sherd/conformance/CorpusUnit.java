package dev.sherd.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one test runs: a single corpus entry, or a whole transaction block from its
 * {@code -- tx-begin} entry to its {@code -- commit}/{@code -- rollback} entry, because the
 * statements of a transaction only make sense together. Immutable.
 */
record CorpusUnit(List<CorpusEntry> entries) {

    CorpusUnit {
        entries = List.copyOf(entries);
    }

    String name() {
        if (entries.size() == 1) {
            return entries.get(0).title();
        }
        return "tx " + entries.get(0).id() + " .. " + entries.get(entries.size() - 1).id() + " (" + entries.size() + " statements)";
    }

    /** This unit as it runs on {@code backend}: each entry with that backend's variant, if any. */
    CorpusUnit on(Backend backend) {
        return new CorpusUnit(entries.stream().map(e -> e.on(backend)).toList());
    }

    /** Why this unit does not run on {@code backend}; the parser keeps skip/only out of transaction blocks. */
    Optional<String> skipReason(Backend backend) {
        return entries.get(0).skipReason(backend);
    }

    /** Groups entries into units; a transaction block must be closed before the next one opens. */
    static List<CorpusUnit> group(List<CorpusEntry> entries) {
        List<CorpusUnit> units = new ArrayList<>();
        List<CorpusEntry> open = null;
        for (CorpusEntry e : entries) {
            if (e.txBegin()) {
                if (open != null) {
                    throw new IllegalArgumentException(e.location() + ": tx-begin inside the open transaction of " + open.get(0).id());
                }
                open = new ArrayList<>();
            }
            if (open == null) {
                if (e.txEnd() != CorpusEntry.TxEnd.NONE) {
                    throw new IllegalArgumentException(e.location() + ": " + e.txEnd() + " without tx-begin");
                }
                units.add(new CorpusUnit(List.of(e)));
                continue;
            }
            open.add(e);
            if (e.txEnd() != CorpusEntry.TxEnd.NONE) {
                units.add(new CorpusUnit(open));
                open = null;
            }
        }
        if (open != null) {
            throw new IllegalArgumentException(open.get(0).location() + ": transaction of " + open.get(0).id() + " is never committed or rolled back");
        }
        return units;
    }
}
