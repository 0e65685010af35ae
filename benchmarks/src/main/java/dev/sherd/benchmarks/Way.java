package dev.sherd.benchmarks;

/**
 * The four ways every comparative benchmark runs the same JDBC code, selected with
 * {@code -p way=...}. Thread-safe: an enum.
 */
enum Way {
  /** {@code jdbc:sherd:} over the 4 H2 shards, behind an application HikariCP pool. */
  SHERD("sherd"),
  /**
   * HikariCP + H2 straight to shard {@code s0}, using only the rows that live there: for a routed
   * statement, the database Sherd sends it to, without Sherd (the floor). For a scatter statement,
   * the quarter of the work one shard does.
   */
  DIRECT_ONE_SHARD("directOneShard"),
  /** HikariCP + H2 to one database holding every row: no sharding at all. */
  DIRECT("direct"),
  /** ShardingSphere-JDBC 5.5.2 over the same 4 shards, its own data source used as the pool. */
  SHARDINGSPHERE("shardingsphere");

  final String param;

  Way(String param) {
    this.param = param;
  }

  /** True for the ways that read the four shards (as opposed to the one big database). */
  boolean usesShards() {
    return this != DIRECT;
  }

  static Way of(String param) {
    for (Way w : values()) {
      if (w.param.equals(param)) {
        return w;
      }
    }
    throw new IllegalArgumentException("way was '" + param + "'; expected one of sherd,"
        + " directOneShard, direct, shardingsphere");
  }
}
