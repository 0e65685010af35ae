package dev.sherd.jdbc.cache;

/**
 * A snapshot of a {@link ResultCache}'s counters since it was created. Immutable. Counters are
 * read one after another while statements run, so a snapshot is close to, not exactly, one
 * instant.
 *
 * @param hits          queries answered from a kept result (or from the identical query another
 *                      thread was running at the same time)
 * @param misses        cacheable queries that ran on the shards (no current result was kept)
 * @param stale         of the misses, those that found a result made outdated by a write
 * @param bypasses      queries the cache did not consider: non-deterministic, locking, hinted,
 *                      on an excluded table, reading no table, in a transaction that has written,
 *                      on an opted-out connection, with a stream or LOB parameter
 * @param stores        results kept
 * @param rejections    results returned but not kept: larger than max-entry-bytes, holding values
 *                      that cannot be shared (LOBs, arrays), or raced by a write
 * @param evictions     kept results removed to stay within max-bytes
 * @param expirations   kept results removed because their time to live ran out
 * @param invalidations writes (statements, and commits or rollbacks of transactions that wrote)
 *                      that moved table generations
 * @param entries       results kept now (approximate)
 * @param bytes         their estimated size in bytes
 * @param maxBytes      the bound on {@code bytes}
 */
public record ResultCacheStats(long hits, long misses, long stale, long bypasses, long stores,
    long rejections, long evictions, long expirations, long invalidations, long entries,
    long bytes, long maxBytes) {

  /** hits / (hits + misses); 0 before any cacheable query. */
  public double hitRate() {
    long lookups = hits + misses;
    return lookups == 0 ? 0 : (double) hits / lookups;
  }
}
