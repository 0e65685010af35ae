package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.ShardSession;
import java.sql.SQLException;
import java.util.List;

/**
 * The result of {@code SHOW SHARDING} (also {@code SHOW SHERD TABLES}): one row per logical table
 * — {@code TABLE_NAME}, {@code KIND} ({@code hash}, {@code range}, {@code broadcast} or
 * {@code unlisted}), {@code SHARDING_KEY}, {@code COLOCATED_WITH} (the other tables of its
 * co-location group, comma-separated) and {@code SHARDS} (comma-separated shard names) — sorted by
 * name. Tables are those of the logical database as {@code getTables} lists them, plus configured
 * tables that no shard has yet (under the config's spelling). A statement rather than a table, so
 * that it can never be confused with, or shadow, a user table. Stateless.
 */
final class ShardingView {

  static final List<String> COLUMNS =
      List.of("TABLE_NAME", "KIND", "SHARDING_KEY", "COLOCATED_WITH", "SHARDS");

  private ShardingView() {}

  static MetaRows rows(ShardSession session) throws SQLException {
    LogicalTables tables = new LogicalTables(new CatalogReader(session),
        session.runtime().config(), ShardFacts.of(session));
    return new MetaRows(COLUMNS.stream().map(MetaRows::varchar).toList(), tables.shardingRows());
  }
}
