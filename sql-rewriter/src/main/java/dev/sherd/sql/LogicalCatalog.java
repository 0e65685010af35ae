package dev.sherd.sql;

import java.sql.SQLException;

/**
 * The name of the cluster's one catalog as clients see it (the default shard's own, resolved by
 * the driver on a shard connection), so that the planner can remove it from qualified names
 * ({@link CatalogQualifiers}). Implementations resolve it once and must be thread-safe.
 */
@FunctionalInterface
public interface LogicalCatalog {

  /** A cluster without a catalog name: nothing is removed. */
  LogicalCatalog NONE = () -> null;

  /** The catalog's name as the database stores it; null when the shards report none. */
  String name() throws SQLException;
}
