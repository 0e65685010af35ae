package dev.sherd.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Parameter metadata of a logical prepared statement: the parameter count is exact; types are
 * reported as unknown ({@code OTHER}) until a later issue describes them from a shard.
 */
final class SherdParameterMetaData implements ParameterMetaData {

  private final int count;

  SherdParameterMetaData(int count) {
    this.count = count;
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  private void check(int param) throws SQLException {
    if (param < 1 || param > count) {
      throw new SQLException("parameter index " + param + " is out of range 1.." + count, "07009");
    }
  }

  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    check(param);
    return true;
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getScale(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    check(param);
    return Types.OTHER;
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    check(param);
    return "OTHER";
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    check(param);
    return Object.class.getName();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return parameterModeIn;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName(), "HY000");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
