package dev.sherd.jdbc;

import dev.sherd.jdbc.exec.Lease;
import dev.sherd.jdbc.result.ColumnInfo;
import dev.sherd.jdbc.result.CursorResultSet;
import dev.sherd.jdbc.result.RowCursor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DatabaseMetaData} of a cluster, answered by the default shard (where every table has a
 * copy or its definition) with Sherd's own identity: product name "Sherd (over H2 2.4.240)", the
 * driver's name and version, the logical connection and URL. Every call borrows a shard connection
 * and returns it before answering: result sets are copied into memory, so they hold no shard
 * connection. Not on any hot path, so calls are forwarded reflectively.
 *
 * <p>Known gap (tracked for the logical-metadata issue): on shards whose server hosts several
 * databases (MariaDB with a null catalog), lists can include other databases' tables.
 */
final class SherdDatabaseMetaData implements InvocationHandler {

  private final SherdConnection connection;

  private SherdDatabaseMetaData(SherdConnection connection) {
    this.connection = connection;
  }

  static DatabaseMetaData of(SherdConnection connection) {
    return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, new SherdDatabaseMetaData(connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "getConnection":
        return connection;
      case "getURL":
        return connection.url();
      case "getDriverName":
        return SherdDriver.NAME;
      case "getDriverVersion":
        return SherdDriver.VERSION;
      case "getDriverMajorVersion":
        return SherdDriver.MAJOR;
      case "getDriverMinorVersion":
        return SherdDriver.MINOR;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        throw new SQLException("not a wrapper for " + ((Class<?>) args[0]).getName(), "HY000");
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy);
      case "toString":
        return "SherdDatabaseMetaData[" + connection.url() + "]";
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      case "supportsResultSetType":
        return (int) args[0] == ResultSet.TYPE_FORWARD_ONLY;
      case "supportsResultSetConcurrency":
        return (int) args[0] == ResultSet.TYPE_FORWARD_ONLY
            && (int) args[1] == ResultSet.CONCUR_READ_ONLY;
      case "supportsSavepoints":
      case "supportsStoredProcedures":
      case "supportsGetGeneratedKeys":
        return false;
      default:
        return forward(method, args);
    }
  }

  private Object forward(Method method, Object[] args) throws Throwable {
    connection.checkOpen();
    Lease lease = connection.lease(connection.runtime().config().defaultShard());
    try {
      DatabaseMetaData shard = lease.connection().getMetaData();
      Object result;
      try {
        result = method.invoke(shard, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (method.getName().equals("getDatabaseProductName")) {
        return "Sherd (over " + result + " " + shard.getDatabaseProductVersion() + ")";
      }
      return result instanceof ResultSet rs ? copy(rs) : result;
    } finally {
      lease.release();
    }
  }

  private static ResultSet copy(ResultSet rs) throws SQLException {
    try (rs) {
      List<ColumnInfo> columns = ColumnInfo.from(rs.getMetaData());
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          row[i] = rs.getObject(i + 1);
        }
        rows.add(row);
      }
      return new CursorResultSet(new Rows(rows, columns.size()), columns, null, null);
    }
  }

  /** Copied metadata rows. */
  private static final class Rows implements RowCursor {
    private final List<Object[]> rows;
    private final int width;
    private int position = -1;

    Rows(List<Object[]> rows, int width) {
      this.rows = rows;
      this.width = width;
    }

    @Override
    public boolean next() {
      return ++position < rows.size();
    }

    @Override
    public Object[] row() {
      return rows.get(position);
    }

    @Override
    public int width() {
      return width;
    }

    @Override
    public void close() {
      position = rows.size();
    }
  }
}
