package dev.sherd.jdbc;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.metadata.ClusterConfig;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code java.sql.Driver} for {@code jdbc:sherd:<path to cluster.yaml>} and
 * {@code jdbc:sherd:classpath:<resource>} URLs, optionally naming the shards' family after the
 * prefix ({@code jdbc:sherd:postgresql:cluster.yaml}; see {@link ClusterRegistry#loadConfig}).
 * Registered through
 * {@code META-INF/services/java.sql.Driver} and, as JDBC 4 drivers do, when the class loads.
 * Each connection shares the cluster runtime (pools, plan cache) of its config with every other
 * connection on the same config in this JVM. Thread-safe.
 */
public final class SherdDriver implements Driver {

  static final String NAME = "Sherd JDBC driver";
  static final int MAJOR = 0;
  static final int MINOR = 1;
  static final String VERSION = MAJOR + "." + MINOR;

  static {
    try {
      DriverManager.registerDriver(new SherdDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Opens a logical connection; returns null for a URL that is not {@code jdbc:sherd:}. */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    return connect(ClusterRegistry.loadConfig(url), url);
  }

  static SherdConnection connect(ClusterConfig config, String url) throws SQLException {
    ClusterRuntime runtime = ClusterRegistry.acquire(config);
    return new SherdConnection(runtime, url);
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && url.startsWith(ClusterRegistry.URL_PREFIX);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return MINOR;
  }

  /** Not JDBC compliant in the strict sense: some SQL is refused across shards. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Sherd logs through SLF4J", "0A000");
  }
}
