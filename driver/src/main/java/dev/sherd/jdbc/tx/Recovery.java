package dev.sherd.jdbc.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the in-doubt branches of this cluster's cross-shard transactions, whichever driver
 * instance started them. For every prepared branch: a COMMIT decision → commit it; an ABORT decision
 * → roll it back; no decision, and in doubt for longer than the grace period → record ABORT on the
 * decision shard (the key makes this race-free against a late coordinator) and roll it back;
 * otherwise leave it, its coordinator may still be deciding. How long a branch has been in doubt
 * is measured from the run that first saw it (no family reports when a branch was prepared, and a
 * transaction may have begun long before it prepared), so a branch is never aborted sooner than
 * one grace period after its prepare — while a coordinator records its decision within half of
 * one or rolls back. Then COMMIT decisions with no branch left in doubt are
 * deleted — after every shard has made what it committed durable — and ABORT decisions past
 * their retention. A shard that is down is skipped and retried
 * next run. One run at a time per runtime. Thread-safe.
 */
public final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  /** What one recovery run did. */
  public record Report(int committed, int rolledBack, int waiting, int decisionsRemoved,
      List<String> errors) {}

  private final TransactionManager m;
  private final Runnable onRecoveredWrites;
  /** When a run first saw each undecided branch in doubt: branch name → millis. */
  private final Map<String, Long> undecidedSince = new HashMap<>();

  Recovery(TransactionManager manager, Runnable onRecoveredWrites) {
    this.m = manager;
    this.onRecoveredWrites = onRecoveredWrites;
  }

  void runQuietly() {
    try {
      Report r = run();
      if (!r.errors().isEmpty() && !m.closing()) {
        LOG.warn("transaction recovery of {} could not reach everything: {}", m.clusterId(),
            r.errors());
      }
    } catch (SQLException | RuntimeException e) {
      m.stats().lastRecoveryError = e.getMessage();
      if (!m.closing()) {
        LOG.warn("transaction recovery of {} failed: {}", m.clusterId(), e.getMessage());
      }
    }
  }

  synchronized Report run() throws SQLException {
    m.stats().recoveryRuns.incrementAndGet();
    int shards = m.config().shardCount();
    List<String> errors = new ArrayList<>();
    String prefix = Xid.PREFIX + m.clusterId() + "_";
    // Decisions are read before branches are listed: a COMMIT row whose branches are all gone
    // then really has nothing left to commit.
    Map<Integer, List<Object[]>> decisions = new HashMap<>();
    for (int s = 0; s < shards; s++) {
      try (Connection c = m.pools().borrow(s)) {
        m.decisions().ensureExists(c);
        m.decisionTableReady(s);
        decisions.put(s, m.decisions().all(c));
      } catch (SQLException e) {
        errors.add(m.shardName(s) + ": " + e.getMessage());
      }
    }
    boolean commitDecisions = decisions.values().stream()
        .anyMatch(rows -> rows.stream().anyMatch(row -> DecisionTable.COMMIT.equals(row[1])));
    Set<String> stillInDoubt = new HashSet<>();
    Set<String> undecidedNow = new HashSet<>();
    int committed = 0;
    int rolledBack = 0;
    int waiting = 0;
    for (int s = 0; s < shards; s++) {
      try (Connection c = m.pools().borrow(s)) {
        for (String name : m.protocol().inDoubt(c, prefix)) {
          Xid xid = Xid.parse(name, m.clusterId());
          if (xid == null || xid.shard != s) {
            continue; // MariaDB's XA RECOVER lists the whole server's branches: keep this shard's
          }
          switch (resolve(c, xid, undecidedNow)) {
            case COMMITTED:
              committed++;
              m.stats().recoveredCommits.incrementAndGet();
              FaultPoints.passed("recovered");
              break;
            case ROLLED_BACK:
              rolledBack++;
              m.stats().recoveredRollbacks.incrementAndGet();
              FaultPoints.passed("recovered");
              break;
            default:
              waiting++;
              stillInDoubt.add(xid.global);
          }
        }
        if (commitDecisions) {
          // A branch committed by its coordinator is no longer listed, but on H2 it may not be
          // on disk yet: without this, its decision could be deleted and a crash then bring the
          // branch back prepared, with no decision left to commit it.
          m.protocol().makeDurable(c);
        }
      } catch (SQLException e) {
        errors.add(m.shardName(s) + ": " + e.getMessage());
        // branches on an unreachable shard are unknown: keep every decision for next time
        stillInDoubt.add("*");
      }
    }
    undecidedSince.keySet().retainAll(undecidedNow);
    int removed = 0;
    if (!stillInDoubt.contains("*")) {
      removed = removeSettledDecisions(decisions, stillInDoubt, errors);
    }
    m.stats().lastRecoveryError = errors.isEmpty() ? null : String.join("; ", errors);
    if (committed > 0 || rolledBack > 0) {
      onRecoveredWrites.run();
    }
    return new Report(committed, rolledBack, waiting, removed, errors);
  }

  private enum Outcome { COMMITTED, ROLLED_BACK, WAITING }

  private Outcome resolve(Connection branchShard, Xid xid, Set<String> undecidedNow)
      throws SQLException {
    String outcome;
    try (Connection d = m.pools().borrow(xid.decisionShard)) {
      outcome = m.decisions().outcome(d, xid.global);
      if (DecisionTable.COMMIT.equals(outcome)) {
        m.protocol().makeDurable(d); // never commit branches on a decision a crash could undo
      }
      if (outcome == null) {
        long now = System.currentTimeMillis();
        undecidedNow.add(xid.name());
        long since = undecidedSince.computeIfAbsent(xid.name(), name -> now);
        if (now - since < m.settings().gracePeriodMillis()) {
          return Outcome.WAITING;
        }
        try {
          m.decisions().insert(d, xid.global, DecisionTable.ABORT, System.currentTimeMillis());
          outcome = DecisionTable.ABORT;
        } catch (SQLIntegrityConstraintViolationException e) {
          outcome = m.decisions().outcome(d, xid.global); // the coordinator decided first
        }
      }
    }
    try {
      if (DecisionTable.COMMIT.equals(outcome)) {
        m.protocol().commitPrepared(branchShard, xid, false);
        LOG.info("recovery committed branch {} on shard {}", xid, m.shardName(xid.shard));
        return Outcome.COMMITTED;
      }
      m.protocol().rollbackPrepared(branchShard, xid, false);
      LOG.info("recovery rolled back branch {} on shard {}", xid, m.shardName(xid.shard));
      return Outcome.ROLLED_BACK;
    } catch (SQLException e) {
      if (finishedElsewhere(e)) {
        return Outcome.WAITING; // its coordinator (or another instance) finished it meanwhile
      }
      throw e;
    }
  }

  /**
   * The branch was finished, or is being finished, by another session between listing and
   * resolving it: PostgreSQL "does not exist" (42704) or "is busy" (55000), MariaDB XAER_NOTA
   * (1397), H2 "transaction not found" (90129).
   */
  private static boolean finishedElsewhere(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    String message = String.valueOf(e.getMessage());
    return state.equals("42704") || (state.equals("55000") && message.contains("busy"))
        || e.getErrorCode() == 1397 || e.getErrorCode() == 90129;
  }

  private int removeSettledDecisions(Map<Integer, List<Object[]>> decisions,
      Set<String> stillInDoubt, List<String> errors) {
    int removed = 0;
    long abortCutoff = System.currentTimeMillis() - m.settings().abortRetentionMillis();
    for (Map.Entry<Integer, List<Object[]>> e : decisions.entrySet()) {
      try (Connection c = m.pools().borrow(e.getKey())) {
        List<String> settled = new ArrayList<>();
        for (Object[] row : e.getValue()) {
          String gtid = (String) row[0];
          if (DecisionTable.COMMIT.equals(row[1]) && !stillInDoubt.contains(gtid)) {
            settled.add(gtid);
          }
        }
        removed += m.decisions().delete(c, settled);
        removed += m.decisions().purgeAborts(c, abortCutoff);
      } catch (SQLException ex) {
        errors.add(m.shardName(e.getKey()) + ": " + ex.getMessage());
      }
    }
    m.stats().decisionsRemoved.addAndGet(removed);
    return removed;
  }

  /** {shard, branch, recorded decision or "none", age in ms} for every in-doubt branch. */
  synchronized List<Object[]> describeInDoubt() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    String prefix = Xid.PREFIX + m.clusterId() + "_";
    for (int s = 0; s < m.config().shardCount(); s++) {
      try (Connection c = m.pools().borrow(s)) {
        for (String name : m.protocol().inDoubt(c, prefix)) {
          Xid xid = Xid.parse(name, m.clusterId());
          if (xid == null || xid.shard != s) {
            continue;
          }
          String decision;
          try {
            decision = m.decisionOf(xid.global, xid.decisionShard);
          } catch (SQLException e) {
            decision = "unknown (" + e.getMessage() + ")";
          }
          rows.add(new Object[] {m.shardName(s), xid.name(),
              decision == null ? "none" : DecisionTable.COMMIT.equals(decision) ? "commit" : "abort",
              System.currentTimeMillis() - xid.startMillis});
        }
      }
    }
    return rows;
  }
}
