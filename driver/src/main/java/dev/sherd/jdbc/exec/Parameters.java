package dev.sherd.jdbc.exec;

import dev.sherd.sql.plan.MergeExpr;
import dev.sherd.sql.plan.ShardSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;

/**
 * The values bound to a logical PreparedStatement's parameters (0-based here, 1-based in JDBC), with
 * the SQL type given for NULLs and for {@code setObject(i, x, type)}. Binding to a shard statement
 * follows that statement's parameter mapping, so a reordered or computed parameter gets the right
 * value. Not thread-safe.
 */
public final class Parameters {

  private static final int NO_TYPE = Integer.MIN_VALUE;
  private static final Object[] NONE = new Object[0];

  private Object[] values;
  private int[] types;
  private boolean[] set;

  public Parameters(int count) {
    values = count == 0 ? NONE : new Object[count];
    types = new int[count];
    set = new boolean[count];
    Arrays.fill(types, NO_TYPE);
  }

  private Parameters(Object[] values, int[] types, boolean[] set) {
    this.values = values;
    this.types = types;
    this.set = set;
  }

  public static Parameters none() {
    return new Parameters(0);
  }

  public int count() {
    return values.length;
  }

  /** Sets parameter {@code index} (1-based, as in JDBC). */
  public void set(int index, Object value, int sqlType) throws SQLException {
    if (index < 1 || index > values.length) {
      throw new SQLException("parameter index " + index + " is out of range: the statement has "
          + values.length + " parameter" + (values.length == 1 ? "" : "s"), "07009");
    }
    values[index - 1] = value;
    types[index - 1] = sqlType;
    set[index - 1] = true;
  }

  public void set(int index, Object value) throws SQLException {
    set(index, value, value == null ? Types.NULL : NO_TYPE);
  }

  public void clear() {
    Arrays.fill(values, null);
    Arrays.fill(types, NO_TYPE);
    Arrays.fill(set, false);
  }

  /**
   * The SQL type parameter {@code index} (0-based) was bound with, or {@code Integer.MIN_VALUE}
   * when none was given: part of a result-cache key (dev.sherd.jdbc.cache).
   */
  public int sqlType(int index) {
    return types[index];
  }

  /** Values for routing and merge expressions. */
  public Object[] values() {
    return values;
  }

  /** Fails naming the first parameter that was never set. */
  public void checkAllSet() throws SQLException {
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) {
        throw new SQLException("parameter " + (i + 1) + " is not set", "07001");
      }
    }
  }

  /** An independent copy (for batches). */
  public Parameters copy() {
    return new Parameters(values.clone(), types.clone(), set.clone());
  }

  /** Binds the shard statement's parameters. */
  public void bind(PreparedStatement ps, ShardSql sql) throws SQLException {
    int position = 1;
    for (MergeExpr source : sql.parameters()) {
      if (source instanceof MergeExpr.Param p) {
        bindOne(ps, position, p.index());
      } else {
        ps.setObject(position, computed(source));
      }
      position++;
    }
  }

  private void bindOne(PreparedStatement ps, int position, int index) throws SQLException {
    Object v = values[index];
    int type = types[index];
    if (v == null) {
      ps.setNull(position, type == NO_TYPE ? Types.NULL : type);
    } else if (type != NO_TYPE && type != Types.NULL) {
      ps.setObject(position, v, type);
    } else {
      bindUntyped(ps, position, v);
    }
  }

  /**
   * {@code setObject(position, v)}, through the setter JDBC's mapping names for the commonest
   * classes (what every shard driver's setObject does for them, after its own type dispatch).
   */
  private static void bindUntyped(PreparedStatement ps, int position, Object v)
      throws SQLException {
    if (v instanceof Long l) {
      ps.setLong(position, l);
    } else if (v instanceof Integer i) {
      ps.setInt(position, i);
    } else if (v instanceof String text) {
      ps.setString(position, text);
    } else if (v instanceof java.math.BigDecimal d) {
      ps.setBigDecimal(position, d);
    } else {
      ps.setObject(position, v);
    }
  }

  /** A LIMIT/OFFSET value: an integer, or a string holding one (as one database accepts). */
  private static long rowCount(Object v) throws SQLException {
    try {
      return v instanceof Number n ? n.longValue()
          : new java.math.BigDecimal(v.toString().trim()).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new java.sql.SQLDataException("LIMIT/OFFSET value '" + v + "' is not an integer",
          "22018", e);
    }
  }

  /** A computed shard parameter: a per-shard LIMIT of offset + fetch. */
  private Object computed(MergeExpr e) throws SQLException {
    if (e instanceof MergeExpr.Param p) {
      return values[p.index()];
    }
    if (e instanceof MergeExpr.Literal l) {
      return l.value();
    }
    if (e instanceof MergeExpr.Arithmetic a && a.op() == '+') {
      Object l = computed(a.left());
      Object r = computed(a.right());
      if (l == null || r == null) {
        return null;
      }
      return rowCount(l) + rowCount(r);
    }
    throw new SQLException("internal error: unsupported computed parameter " + e, "XX000");
  }
}
