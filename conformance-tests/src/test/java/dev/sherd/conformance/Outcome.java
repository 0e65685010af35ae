package dev.sherd.conformance;

import java.sql.SQLException;
import java.util.List;

/**
 * What one statement produced on one side of the comparison: a result set, an update count, the
 * counts of a batch, or an error. Immutable once built; rows hold the values {@code getObject}
 * returned, so their Java classes are part of what is compared.
 */
sealed interface Outcome {

    /** One result-set column as {@code ResultSetMetaData} describes it. */
    record Column(String label, int type, String typeName) {
        @Override
        public String toString() {
            return label + " (" + typeName + "/" + type + ")";
        }
    }

    /** A result set: its columns and every row, in the order the cursor returned them. */
    record Rows(List<Column> columns, List<List<Object>> rows) implements Outcome {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** {@code Statement.getUpdateCount()} of a statement that returned no result set. */
    record UpdateCount(int count) implements Outcome {
    }

    /** {@code executeBatch()} counts, one per parameter row. */
    record BatchCounts(List<Integer> counts) implements Outcome {
        public BatchCounts {
            counts = List.copyOf(counts);
        }
    }

    /** The statement threw. */
    record Failure(SQLException error) implements Outcome {
        String sqlState() {
            return error.getSQLState();
        }

        /** The two-character SQLState class, or {@code "??"} when the error carries no state. */
        String stateClass() {
            String state = error.getSQLState();
            return state == null || state.length() < 2 ? "??" : state.substring(0, 2);
        }

        @Override
        public String toString() {
            return error.getClass().getSimpleName() + " [SQLState " + sqlState() + "] " + error.getMessage();
        }
    }
}
