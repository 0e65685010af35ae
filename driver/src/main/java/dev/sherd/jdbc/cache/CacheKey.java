package dev.sherd.jdbc.cache;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * What identifies a cached result: the statement (its SQL text, which the planner maps to one plan
 * per cluster config), the bound parameter values with the SQL types they were bound with, the
 * statement's max-rows limit, and the topology version. Immutable once built; parameter values
 * that have setters are copied in, so changing them afterwards cannot change the key.
 */
final class CacheKey {

  private final String sql;
  private final Object[] values;
  private final int[] types;
  private final long maxRows;
  private final long topology;
  private final int hash;

  private CacheKey(String sql, Object[] values, int[] types, long maxRows, long topology) {
    this.sql = sql;
    this.values = values;
    this.types = types;
    this.maxRows = maxRows;
    this.topology = topology;
    int h = sql.hashCode();
    h = 31 * h + Arrays.deepHashCode(values);
    h = 31 * h + Arrays.hashCode(types);
    h = 31 * h + Long.hashCode(maxRows);
    this.hash = 31 * h + Long.hashCode(topology);
  }

  /** The key, or null when a parameter value cannot be part of one (a stream, a LOB…). */
  static CacheKey of(String sql, Object[] params, IntUnaryOperator sqlTypes, long maxRows,
      long topology) {
    Object[] values = new Object[params.length];
    int[] types = new int[params.length];
    for (int i = 0; i < params.length; i++) {
      values[i] = CachedValues.forKey(params[i]);
      if (values[i] == CachedValues.UNUSABLE) {
        return null;
      }
      types[i] = sqlTypes.applyAsInt(i);
    }
    return new CacheKey(sql, values, types, maxRows, topology);
  }

  /** Estimated bytes of the key. */
  long bytes() {
    long b = 64 + CachedValues.bytes(sql) + 16 + 4L * types.length + 16;
    for (Object v : values) {
      b += 8 + CachedValues.bytes(v);
    }
    return b;
  }

  String sql() {
    return sql;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && hash == k.hash && maxRows == k.maxRows
        && topology == k.topology && sql.equals(k.sql) && Arrays.equals(types, k.types)
        && sameValues(values, k.values);
  }

  /** Equal values of the same class: a Date and a Timestamp of one instant bind differently. */
  private static boolean sameValues(Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      Object x = a[i];
      Object y = b[i];
      if (x == null || y == null) {
        if (x != y) {
          return false;
        }
      } else if (x.getClass() != y.getClass()
          || !(x instanceof byte[] bx ? Arrays.equals(bx, (byte[]) y) : x.equals(y))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "CacheKey[" + sql + ", " + Arrays.deepToString(values) + "]";
  }
}
