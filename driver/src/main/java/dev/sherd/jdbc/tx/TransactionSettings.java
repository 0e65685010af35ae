package dev.sherd.jdbc.tx;

/**
 * Timing of cross-shard transactions and their recovery.
 *
 * @param recoveryIntervalMillis how often recovery looks for in-doubt branches (default 30 s)
 * @param gracePeriodMillis      a prepared branch without a decision is left alone this long after
 *                               recovery first sees it, so a coordinator still in flight is not
 *                               disturbed (default 60 s); a coordinator never records a commit
 *                               decision later than half of it after its transaction began
 *                               preparing
 * @param abortRetentionMillis   how long an ABORT decision is kept (default 24 h): far longer than
 *                               any coordinator may still try to decide
 * @param phaseTimeoutSeconds    statement timeout of prepare and commit commands on PostgreSQL and
 *                               MariaDB (default 30 s); H2's wait for no lock
 */
public record TransactionSettings(long recoveryIntervalMillis, long gracePeriodMillis,
    long abortRetentionMillis, int phaseTimeoutSeconds) {

  public static final TransactionSettings DEFAULTS =
      new TransactionSettings(30_000, 60_000, 24 * 3_600_000L, 30);

  /** Defaults overridden by system properties {@code sherd.tx.recoveryIntervalMillis} etc. */
  public static TransactionSettings fromSystemProperties() {
    return new TransactionSettings(
        Long.getLong("sherd.tx.recoveryIntervalMillis", DEFAULTS.recoveryIntervalMillis),
        Long.getLong("sherd.tx.gracePeriodMillis", DEFAULTS.gracePeriodMillis),
        Long.getLong("sherd.tx.abortRetentionMillis", DEFAULTS.abortRetentionMillis),
        Integer.getInteger("sherd.tx.phaseTimeoutSeconds", DEFAULTS.phaseTimeoutSeconds));
  }
}
