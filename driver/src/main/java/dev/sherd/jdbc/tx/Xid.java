package dev.sherd.jdbc.tx;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name of one branch of a global transaction:
 * {@code sherd_<cluster>_<decision shard>_<start millis>_<random>_b<shard>}. It encodes everything
 * recovery needs without any log of its own: which cluster owns it (so recovery touches only its
 * own branches), which shard holds the decision record, and when the transaction started (so a
 * branch still in flight is left alone for a grace period). Only letters, digits and underscores,
 * lower case, at most 64 characters: valid as a PostgreSQL gid, a MariaDB gtrid and an H2
 * identifier. Immutable.
 */
final class Xid {

  private static final SecureRandom RANDOM = new SecureRandom();
  static final String PREFIX = "sherd_";

  /** The global transaction id shared by all branches. */
  final String global;
  final int shard;
  final int decisionShard;
  final long startMillis;

  private Xid(String global, int shard, int decisionShard, long startMillis) {
    this.global = global;
    this.shard = shard;
    this.decisionShard = decisionShard;
    this.startMillis = startMillis;
  }

  /** A new global transaction of {@code cluster} whose decision lives on {@code decisionShard}. */
  static String newGlobal(String cluster, int decisionShard, long nowMillis) {
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    return PREFIX + cluster + "_" + decisionShard + "_" + nowMillis + "_"
        + HexFormat.of().formatHex(random);
  }

  static Xid branch(String global, int shard) {
    String[] parts = global.split("_");
    return new Xid(global, shard, Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
  }

  /** The branch named {@code name} if it is one of {@code cluster}'s, else null. */
  static Xid parse(String name, String cluster) {
    String n = name.toLowerCase(Locale.ROOT);
    int b = n.lastIndexOf("_b");
    if (!n.startsWith(PREFIX + cluster + "_") || b < 0) {
      return null;
    }
    try {
      return branch(n.substring(0, b), Integer.parseInt(n.substring(b + 2)));
    } catch (RuntimeException e) {
      return null; // not a name this driver made
    }
  }

  /** The branch's own name: the global id plus its shard. */
  String name() {
    return global + "_b" + shard;
  }

  @Override
  public String toString() {
    return name();
  }
}
