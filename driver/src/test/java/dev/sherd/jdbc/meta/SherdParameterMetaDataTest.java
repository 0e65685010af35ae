package dev.sherd.jdbc.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Copying a shard driver's parameter description: what it cannot describe is "unknown". */
class SherdParameterMetaDataTest {

  /** A shard driver's answers by method name; a missing answer is refused as unsupported. */
  private static ParameterMetaData shard(Map<String, Object> answers) {
    return (ParameterMetaData) Proxy.newProxyInstance(SherdParameterMetaDataTest.class
        .getClassLoader(), new Class<?>[] {ParameterMetaData.class}, (proxy, method, args) -> {
          if (!answers.containsKey(method.getName())) {
            throw new SQLFeatureNotSupportedException(method.getName());
          }
          return answers.get(method.getName());
        });
  }

  @Test
  void describedParameters_areCopied() throws SQLException {
    ParameterMetaData md = SherdParameterMetaData.copyOf(shard(Map.of("getParameterType",
        Types.INTEGER, "getParameterTypeName", "INTEGER", "getParameterClassName",
        "java.lang.Integer", "isNullable", ParameterMetaData.parameterNoNulls, "isSigned", true,
        "getPrecision", 32, "getScale", 0, "getParameterMode",
        ParameterMetaData.parameterModeIn)), 1);
    assertEquals(Types.INTEGER, md.getParameterType(1));
    assertEquals("INTEGER", md.getParameterTypeName(1));
    assertEquals("java.lang.Integer", md.getParameterClassName(1));
    assertEquals(ParameterMetaData.parameterNoNulls, md.isNullable(1));
    assertEquals(32, md.getPrecision(1));
  }

  @Test
  void refusedAnswers_areUnknown_parameterByParameter() throws SQLException {
    ParameterMetaData md = SherdParameterMetaData.copyOf(shard(Map.of("getParameterType",
        Types.VARCHAR, "getParameterTypeName", "VARCHAR")), 2);
    assertEquals(Types.VARCHAR, md.getParameterType(2));
    assertEquals(ParameterMetaData.parameterNullableUnknown, md.isNullable(2));
    assertEquals(Object.class.getName(), md.getParameterClassName(2));
    assertEquals(ParameterMetaData.parameterModeIn, md.getParameterMode(2));
  }

  @Test
  void otherWithoutATypeName_isUnknown() throws SQLException {
    // MariaDB describes every client-side prepared parameter as OTHER, type name "NULL"
    ParameterMetaData md = SherdParameterMetaData.copyOf(shard(Map.of("getParameterType",
        Types.OTHER, "getParameterTypeName", "NULL", "isNullable",
        ParameterMetaData.parameterNullable)), 1);
    assertEquals("OTHER", md.getParameterTypeName(1));
    assertEquals(ParameterMetaData.parameterNullableUnknown, md.isNullable(1));
  }

  @Test
  void indexOutOfRange_is07009() {
    SQLException e = assertThrows(SQLException.class,
        () -> SherdParameterMetaData.unknown(2).getParameterType(3));
    assertEquals("07009", e.getSQLState());
    assertEquals(0, SherdParameterMetaData.unknown(0).getParameterCount());
  }
}
