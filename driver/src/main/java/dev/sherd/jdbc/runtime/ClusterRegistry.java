package dev.sherd.jdbc.runtime;

import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.ConfigException;
import dev.sherd.metadata.DialectFamily;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link ClusterRuntime} per distinct cluster config per JVM. Every logical connection and data
 * source acquires the runtime of its config and releases it when closed; the last release closes the
 * runtime's pools and threads, so nothing is left running once the application has closed what it
 * opened. Thread-safe (class-level lock; acquisition is not on the statement hot path).
 */
public final class ClusterRegistry {

  /** URL prefix of the driver. */
  public static final String URL_PREFIX = "jdbc:sherd:";

  private static final String CLASSPATH = "classpath:";
  /** The family words a URL may name, as the shard drivers' own URLs spell them. */
  private static final Map<String, DialectFamily> FAMILY_TAGS = Map.of("h2", DialectFamily.H2,
      "postgresql", DialectFamily.POSTGRESQL, "mariadb", DialectFamily.MYSQL,
      "mysql", DialectFamily.MYSQL);
  private static final Map<String, ClusterRuntime> RUNTIMES = new HashMap<>();

  private ClusterRegistry() {}

  /**
   * Loads the config a {@code jdbc:sherd:[<family>:]<config>} URL names. The optional family —
   * {@code h2}, {@code postgresql}, {@code mariadb} or {@code mysql}, as in the shards' own URLs —
   * must match the config's shards: it is there for tools that pick their SQL dialect by looking
   * for the database's name in the URL ({@link #describedUrl}).
   */
  public static ClusterConfig loadConfig(String url) throws SQLException {
    String location = url.substring(URL_PREFIX.length()).trim();
    String family = familyTag(location);
    if (family != null) {
      location = location.substring(family.length() + 1);
    }
    ClusterConfig config = load(url, location);
    if (family != null && FAMILY_TAGS.get(family) != config.dialect()) {
      throw new SQLNonTransientConnectionException("URL " + url + " names the family " + family
          + ", but the shards of " + config.source() + " are " + config.dialect() + " databases",
          "08001");
    }
    return config;
  }

  /**
   * The URL {@code DatabaseMetaData.getURL()} reports: the one connected with, naming the shards'
   * family ({@code jdbc:sherd:h2:cluster.yaml}) when it did not. The driver accepts it as well,
   * and clients that detect the database from the URL (jOOQ's {@code JDBCUtils.dialect}) find
   * the shards' one.
   */
  public static String describedUrl(String url, ClusterConfig config) {
    String location = url.substring(URL_PREFIX.length());
    if (familyTag(location.trim()) != null) {
      return url;
    }
    String shardUrl = config.shard(config.defaultShard()).url();
    for (String tag : FAMILY_TAGS.keySet()) {
      if (shardUrl.startsWith("jdbc:" + tag + ":")) {
        return URL_PREFIX + tag + ":" + location;
      }
    }
    return url;
  }

  private static String familyTag(String location) {
    int colon = location.indexOf(':');
    String word = colon < 0 ? null : location.substring(0, colon);
    return word != null && FAMILY_TAGS.containsKey(word) ? word : null;
  }

  private static ClusterConfig load(String url, String location) throws SQLException {
    if (location.isEmpty()) {
      throw new SQLNonTransientConnectionException("URL " + url + " names no cluster config:"
          + " use jdbc:sherd:<path to cluster.yaml> or jdbc:sherd:classpath:<resource>, optionally"
          + " after the shards' family (jdbc:sherd:postgresql:<path>)", "08001");
    }
    try {
      if (location.startsWith(CLASSPATH)) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ClusterConfig.loadResource(location.substring(CLASSPATH.length()),
            loader != null ? loader : ClusterRegistry.class.getClassLoader());
      }
      return ClusterConfig.load(Path.of(location));
    } catch (ConfigException e) {
      throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
    }
  }

  /** The runtime of {@code config}, created on first use; the caller must {@link #release} it. */
  public static synchronized ClusterRuntime acquire(ClusterConfig config) throws SQLException {
    ClusterRuntime runtime = RUNTIMES.get(config.fingerprint());
    if (runtime == null) {
      runtime = new ClusterRuntime(config, shortName(config));
      RUNTIMES.put(config.fingerprint(), runtime);
    }
    runtime.users++;
    return runtime;
  }

  /** Gives back one use of {@code runtime}; the last one closes it. */
  public static synchronized void release(ClusterRuntime runtime) {
    if (--runtime.users == 0) {
      RUNTIMES.remove(runtime.config().fingerprint());
      runtime.close();
    }
  }

  /** Number of live runtimes (for tests that check nothing is left running). */
  public static synchronized int liveRuntimes() {
    return RUNTIMES.size();
  }

  private static String shortName(ClusterConfig config) {
    String source = config.source();
    int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf(':'));
    String base = source.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return (dot > 0 ? base.substring(0, dot) : base) + "-" + config.fingerprint().substring(0, 6);
  }
}
