package dev.sherd.jdbc.cache;

import dev.sherd.metadata.CacheSettings;
import dev.sherd.metadata.ClusterConfig;
import dev.sherd.metadata.TableRule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generation counters: a cached result is valid while the counters of everything it read are
 * where they were before its query ran (see {@link ResultCache} for why that is enough).
 *
 * <p>Which counter a table uses: each configured (sharded or broadcast) table has its own; tables
 * of one {@code invalidate-together} group share one; every table the config does not list shares
 * one counter, since those live together on the default shard, where views, triggers and foreign
 * keys can connect them without the driver seeing it. One more counter, the epoch, is read by every
 * entry: DDL and statements the driver cannot attribute to tables move it. Counters only grow.
 * Thread-safe: the mapping is fixed at construction, the counters are atomic.
 */
final class TableGenerations {

  /** One counter and the tables it stands for. */
  static final class Slot {
    final String name;
    private final AtomicLong value = new AtomicLong();

    Slot(String name) {
      this.name = name;
    }

    long get() {
      return value.get();
    }

    void bump() {
      value.incrementAndGet();
    }

    @Override
    public String toString() {
      return name + "@" + value.get();
    }
  }

  /** The counters of what one result read, with their values before its query ran. */
  static final class Stamp {
    private final Slot[] slots;
    private final long[] values;

    private Stamp(Slot[] slots, long[] values) {
      this.slots = slots;
      this.values = values;
    }

    /** True while no counter moved since the stamp was taken. */
    boolean current() {
      for (int i = 0; i < slots.length; i++) {
        if (slots[i].get() != values[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private final Slot epoch = new Slot("(epoch)");
  private final Slot unlisted = new Slot("(tables not in the config)");
  private final Map<String, Slot> byTable = new HashMap<>();

  TableGenerations(ClusterConfig config, CacheSettings settings) {
    for (Set<String> group : settings.invalidateTogether()) {
      boolean anyUnlisted = group.stream().anyMatch(t -> config.tableRule(t).isEmpty());
      // a group with an unlisted table joins the unlisted tables' counter as a whole
      Slot shared = anyUnlisted ? unlisted : new Slot(String.join("+", group));
      for (String table : group) {
        byTable.put(table, shared);
      }
    }
    for (TableRule rule : config.tableRules()) {
      String name = rule.name().toLowerCase(Locale.ROOT);
      byTable.computeIfAbsent(name, Slot::new);
    }
  }

  /** The counters a result reading {@code tables} depends on: the epoch, then the tables'. */
  Slot[] readSlots(Set<String> tables) {
    return slotsOf(tables, true);
  }

  /** The counters a write to {@code tables} moves (not the epoch). */
  Slot[] writeSlots(Set<String> tables) {
    return slotsOf(tables, false);
  }

  private Slot[] slotsOf(Set<String> tables, boolean withEpoch) {
    Slot[] slots = new Slot[tables.size() + (withEpoch ? 1 : 0)];
    int n = 0;
    if (withEpoch) {
      slots[n++] = epoch;
    }
    for (String table : tables) {
      Slot s = byTable.getOrDefault(table.toLowerCase(Locale.ROOT), unlisted);
      boolean seen = false;
      for (int i = 0; i < n && !seen; i++) {
        seen = slots[i] == s;
      }
      if (!seen) {
        slots[n++] = s;
      }
    }
    return n == slots.length ? slots : Arrays.copyOf(slots, n);
  }

  /** Only the epoch: for statements the driver cannot attribute to tables. */
  Slot[] epochOnly() {
    return new Slot[] {epoch};
  }

  /** Reads the counters now; call it before the query runs. */
  Stamp stamp(Slot[] slots) {
    long[] values = new long[slots.length];
    for (int i = 0; i < slots.length; i++) {
      values[i] = slots[i].get();
    }
    return new Stamp(slots, values);
  }

  /** Moves each counter once. */
  static void bump(Slot[] slots) {
    for (Slot s : slots) {
      s.bump();
    }
  }
}
