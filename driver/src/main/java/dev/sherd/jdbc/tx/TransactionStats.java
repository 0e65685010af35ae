package dev.sherd.jdbc.tx;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of cross-shard transactions and recovery, readable through SHOW TRANSACTIONS. */
public final class TransactionStats {
  final AtomicLong committedTwoPhase = new AtomicLong();
  final AtomicLong rolledBack = new AtomicLong();
  final AtomicLong leftToRecovery = new AtomicLong();
  final AtomicLong recoveryRuns = new AtomicLong();
  final AtomicLong recoveredCommits = new AtomicLong();
  final AtomicLong recoveredRollbacks = new AtomicLong();
  final AtomicLong decisionsRemoved = new AtomicLong();
  volatile String lastRecoveryError;

  public long committedTwoPhase() {
    return committedTwoPhase.get();
  }

  public long rolledBack() {
    return rolledBack.get();
  }

  public long recoveryRuns() {
    return recoveryRuns.get();
  }

  public long recoveredCommits() {
    return recoveredCommits.get();
  }

  public long recoveredRollbacks() {
    return recoveredRollbacks.get();
  }

  public long decisionsRemoved() {
    return decisionsRemoved.get();
  }

  public String lastRecoveryError() {
    return lastRecoveryError;
  }
}
