package dev.sherd.jdbc.merge;

import dev.sherd.jdbc.result.RowCursor;
import dev.sherd.sql.plan.AggregateCall;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash aggregation of per-shard partial rows ({@link dev.sherd.sql.plan.MergeStep.Aggregate}).
 *
 * <p>Design: the first {@link #next()} reads the whole source — an aggregate needs every row —
 * into one {@link Accumulator} per call per group, keyed by {@link ValueKey} so groups follow SQL
 * equality (numbers by value, NULLs together), then closes the source. Memory is one entry per
 * group, not per row. Groups come out in the order they were first seen. Without group columns
 * exactly one row comes out, even from no input (COUNT 0, SUM/MIN/MAX NULL), as SQL requires. Output
 * row: the group columns' values, then one value per call. Not thread-safe.
 */
final class AggregateCursor implements RowCursor {

  private record Group(Object[] keyValues, Accumulator[] accumulators) {}

  private final RowCursor source;
  private final int[] groupColumns;
  private final List<AggregateCall> calls;
  private final ValueComparator comparator;
  private final Object[] row;
  private Iterator<Group> groups;

  AggregateCursor(RowCursor source, int[] groupColumns, List<AggregateCall> calls,
      ValueComparator comparator) {
    for (int column : groupColumns) {
      checkColumn(column, source, "group column");
    }
    for (AggregateCall call : calls) {
      checkColumn(call.column(), source, call.kind() + " argument");
    }
    this.source = source;
    this.groupColumns = groupColumns.clone();
    this.calls = List.copyOf(calls);
    this.comparator = comparator;
    this.row = new Object[groupColumns.length + calls.size()];
  }

  @Override public boolean next() throws SQLException {
    if (groups == null) {
      groups = aggregate().values().iterator();
    }
    if (!groups.hasNext()) {
      return false;
    }
    Group group = groups.next();
    System.arraycopy(group.keyValues(), 0, row, 0, groupColumns.length);
    for (int i = 0; i < calls.size(); i++) {
      row[groupColumns.length + i] = group.accumulators()[i].result();
    }
    return true;
  }

  private Map<ValueKey, Group> aggregate() throws SQLException {
    Map<ValueKey, Group> byKey = new LinkedHashMap<>();
    if (groupColumns.length == 0) {
      byKey.put(ValueKey.of(row, groupColumns, comparator), newGroup(row));
    }
    while (source.next()) {
      Object[] input = source.row();
      Group group = byKey.computeIfAbsent(ValueKey.of(input, groupColumns, comparator),
          k -> newGroup(input));
      for (int i = 0; i < calls.size(); i++) {
        group.accumulators()[i].add(input[calls.get(i).column()]);
      }
    }
    source.close();
    return byKey;
  }

  private Group newGroup(Object[] input) {
    Object[] keyValues = new Object[groupColumns.length];
    for (int i = 0; i < groupColumns.length; i++) {
      keyValues[i] = input[groupColumns[i]];
    }
    Accumulator[] accumulators = new Accumulator[calls.size()];
    for (int i = 0; i < accumulators.length; i++) {
      accumulators[i] = Accumulator.create(calls.get(i).kind(), comparator);
    }
    return new Group(keyValues, accumulators);
  }

  private static void checkColumn(int column, RowCursor source, String what) {
    if (column < 0 || column >= source.width()) {
      throw new IllegalArgumentException(what + " " + column + " (0-based) is outside rows of "
          + source.width() + " columns");
    }
  }

  @Override public Object[] row() {
    return row;
  }

  @Override public int width() {
    return row.length;
  }

  @Override public void close() throws SQLException {
    groups = Collections.emptyIterator();
    source.close();
  }
}
