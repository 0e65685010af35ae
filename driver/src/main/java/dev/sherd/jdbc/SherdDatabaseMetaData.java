package dev.sherd.jdbc;

import dev.sherd.jdbc.meta.DriverIdentity;
import dev.sherd.jdbc.meta.LogicalDatabaseMetaData;
import java.sql.DatabaseMetaData;

/**
 * Creates the {@link DatabaseMetaData} of a logical connection: {@link LogicalDatabaseMetaData},
 * which describes the logical database (each table once, with where its rows live) and says it is
 * Sherd over which database. Stateless.
 */
final class SherdDatabaseMetaData {

  private static final DriverIdentity DRIVER = new DriverIdentity(SherdDriver.NAME,
      SherdDriver.VERSION, SherdDriver.MAJOR, SherdDriver.MINOR);

  private SherdDatabaseMetaData() {}

  static DatabaseMetaData of(SherdConnection connection) {
    return new LogicalDatabaseMetaData(connection, connection, connection.url(), DRIVER);
  }
}
