package dev.sherd.conformance;

import java.util.List;
import java.util.Set;

/**
 * How two result sets are compared: as sequences (the statement's ORDER BY is total), as
 * sequences of groups ordered on some columns with ties free, as multisets, or by row count only
 * (LIMIT without a total order). Approximate labels name extra columns compared with the
 * floating-point tolerance. Immutable.
 *
 * @param order       the order rule
 * @param orderedOn   1-based column positions the rows must be sorted on, for {@link Order#ORDERED_ON}
 * @param approximate labels of columns compared with tolerance besides floating-point and AVG columns
 */
record ComparisonMode(Order order, List<Integer> orderedOn, Set<String> approximate) {

    enum Order { ORDERED, ORDERED_ON, UNORDERED, COUNT_ONLY }

    ComparisonMode {
        orderedOn = List.copyOf(orderedOn);
        approximate = Set.copyOf(approximate);
        if ((order == Order.ORDERED_ON) == orderedOn.isEmpty()) {
            throw new IllegalArgumentException("ORDERED_ON needs columns and only it takes them: " + order + " " + orderedOn);
        }
    }

    static ComparisonMode ordered() {
        return new ComparisonMode(Order.ORDERED, List.of(), Set.of());
    }

    static ComparisonMode unordered() {
        return new ComparisonMode(Order.UNORDERED, List.of(), Set.of());
    }

    static ComparisonMode countOnly() {
        return new ComparisonMode(Order.COUNT_ONLY, List.of(), Set.of());
    }

    static ComparisonMode orderedOn(List<Integer> columns) {
        return new ComparisonMode(Order.ORDERED_ON, columns, Set.of());
    }

    ComparisonMode withApproximate(Set<String> labels) {
        return new ComparisonMode(order, orderedOn, labels);
    }

    @Override
    public String toString() {
        String base = switch (order) {
            case ORDERED -> "ordered";
            case ORDERED_ON -> "ordered on columns " + orderedOn;
            case UNORDERED -> "unordered (multiset)";
            case COUNT_ONLY -> "row count only";
        };
        return approximate.isEmpty() ? base : base + ", approximate " + approximate;
    }
}
