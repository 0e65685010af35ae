package dev.sherd.jdbc.meta;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter metadata of a logical prepared statement: the answers the default shard's driver gave
 * for the same statement, copied, or "unknown" ({@code OTHER}, nullability unknown) for whatever
 * it could not describe. The parameter count is always exact. Immutable and thread-safe.
 */
public final class SherdParameterMetaData implements ParameterMetaData {

  /** The answers about one parameter. */
  private record Parameter(int nullable, boolean signed, int precision, int scale, int type,
      String typeName, String className, int mode) {}

  private static final Parameter UNKNOWN = new Parameter(parameterNullableUnknown, true, 0, 0,
      Types.OTHER, "OTHER", Object.class.getName(), parameterModeIn);

  private final List<Parameter> parameters;

  private SherdParameterMetaData(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
  }

  /** {@code count} parameters described as unknown. */
  public static SherdParameterMetaData unknown(int count) {
    List<Parameter> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      list.add(UNKNOWN);
    }
    return new SherdParameterMetaData(list);
  }

  /**
   * Copies {@code count} parameters of a shard driver's answer; each answer the driver refuses
   * (some describe no types without a server round trip) is reported as unknown, and so is a
   * parameter it describes as {@code OTHER} without naming a type (MariaDB's "NULL").
   */
  public static SherdParameterMetaData copyOf(ParameterMetaData md, int count) {
    List<Parameter> list = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      int type = answer(md::getParameterType, i, UNKNOWN.type());
      String typeName = answer(md::getParameterTypeName, i, null);
      if (type == Types.OTHER && (typeName == null || typeName.equalsIgnoreCase("NULL")
          || typeName.equalsIgnoreCase("OTHER"))) {
        list.add(UNKNOWN);
        continue;
      }
      list.add(new Parameter(answer(md::isNullable, i, UNKNOWN.nullable()),
          answer(md::isSigned, i, UNKNOWN.signed()), answer(md::getPrecision, i, 0),
          answer(md::getScale, i, 0), type, typeName != null ? typeName : UNKNOWN.typeName(),
          answer(md::getParameterClassName, i, UNKNOWN.className()),
          answer(md::getParameterMode, i, UNKNOWN.mode())));
    }
    return new SherdParameterMetaData(list);
  }

  @FunctionalInterface
  private interface Getter<T> {
    T get(int param) throws SQLException;
  }

  private static <T> T answer(Getter<T> getter, int param, T unknown) {
    try {
      T value = getter.get(param);
      return value == null ? unknown : value;
    } catch (SQLException | RuntimeException e) {
      return unknown; // the shard's driver cannot describe it: unknown, as before
    }
  }

  @Override
  public int getParameterCount() {
    return parameters.size();
  }

  private Parameter parameter(int param) throws SQLException {
    if (param < 1 || param > parameters.size()) {
      throw new SQLException("parameter index " + param + " is out of range 1.."
          + parameters.size(), "07009");
    }
    return parameters.get(param - 1);
  }

  @Override
  public int isNullable(int param) throws SQLException {
    return parameter(param).nullable();
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return parameter(param).signed();
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return parameter(param).precision();
  }

  @Override
  public int getScale(int param) throws SQLException {
    return parameter(param).scale();
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return parameter(param).type();
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return parameter(param).typeName();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return parameter(param).className();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    return parameter(param).mode();
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
