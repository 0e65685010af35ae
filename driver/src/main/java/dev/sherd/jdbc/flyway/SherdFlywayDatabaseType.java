package dev.sherd.jdbc.flyway;

import dev.sherd.jdbc.SherdDriver;
import dev.sherd.jdbc.runtime.ClusterRegistry;
import java.sql.Connection;
import java.sql.Types;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

/**
 * Lets Flyway open {@code jdbc:sherd:} URLs ({@code flyway.url}, the Flyway CLI, its Maven and
 * Gradle plugins). Flyway chooses a database plugin twice: by URL prefix, to know which JDBC
 * driver opens the URL, and then by the connection's {@code DatabaseMetaData} product name, to
 * know the database's SQL. This plugin answers only the first question (the driver is Sherd's);
 * the second is answered by Flyway's own plugin for the shards' database (H2, PostgreSQL,
 * MariaDB/MySQL), since the driver reports the shards' product name and version. Registered in
 * {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; it loads only where the
 * application has Flyway on its class path.
 */
public final class SherdFlywayDatabaseType extends BaseDatabaseType {

  @Override
  public String getName() {
    return "Sherd";
  }

  @Override
  public int getNullType() {
    return Types.NULL;
  }

  @Override
  public boolean handlesJDBCUrl(String url) {
    return url != null && url.startsWith(ClusterRegistry.URL_PREFIX);
  }

  @Override
  public String getDriverClass(String url, ClassLoader classLoader) {
    return SherdDriver.class.getName();
  }

  /** Never: the connection's database is the shards' one, which Flyway's own plugins handle. */
  @Override
  public boolean handlesDatabaseProductNameAndVersion(String databaseProductName,
      String databaseProductVersion, Connection connection) {
    return false;
  }

  @Override
  public Database createDatabase(Configuration configuration,
      JdbcConnectionFactory jdbcConnectionFactory, StatementInterceptor statementInterceptor) {
    throw notForConnections();
  }

  @Override
  public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
      ParsingContext parsingContext) {
    throw notForConnections();
  }

  private static IllegalStateException notForConnections() {
    return new IllegalStateException("the Sherd plugin only opens jdbc:sherd: URLs; Flyway's"
        + " plugin for the shards' database (chosen by DatabaseMetaData's product name) runs the"
        + " migrations");
  }
}
