package dev.sherd.jdbc;

import dev.sherd.jdbc.runtime.ClusterRegistry;
import dev.sherd.jdbc.runtime.ClusterRuntime;
import dev.sherd.metadata.ClusterConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for a cluster config, for HikariCP, Spring and application servers. Set
 * {@link #setUrl} (a {@code jdbc:sherd:} URL). While a data source is open it keeps its cluster
 * runtime alive, so an outer pool opening and closing logical connections does not restart the shard
 * pools; {@link #close()} releases it. Thread-safe.
 */
public final class SherdDataSource implements DataSource, AutoCloseable {

  private volatile String url;
  private ClusterRuntime pinned; // guarded by this
  private ClusterConfig config;  // guarded by this
  private PrintWriter logWriter;
  private int loginTimeout;

  public SherdDataSource() {}

  public SherdDataSource(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  public synchronized void setUrl(String url) {
    if (pinned != null) {
      throw new IllegalStateException("the data source is in use; url was already set to " + this.url);
    }
    this.url = url;
  }

  @Override
  public Connection getConnection() throws SQLException {
    ClusterConfig c;
    synchronized (this) {
      if (url == null) {
        throw new SQLException("SherdDataSource: url is not set", "08001");
      }
      if (pinned == null) {
        config = ClusterRegistry.loadConfig(url);
        pinned = ClusterRegistry.acquire(config);
      }
      c = config;
    }
    return SherdDriver.connect(c, url);
  }

  /** Ignores user and password: shard credentials come from the cluster config. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  /** Releases the cluster runtime (its pools close once no connection uses them). */
  @Override
  public synchronized void close() {
    if (pinned != null) {
      ClusterRegistry.release(pinned);
      pinned = null;
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Sherd logs through SLF4J", "0A000");
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
