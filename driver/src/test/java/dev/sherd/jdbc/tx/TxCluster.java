package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sherd.jdbc.SherdConnection;
import dev.sherd.metadata.ClusterConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;

/**
 * A three-shard cluster of one database family for the two-phase-commit tests: H2 file databases
 * under a temporary directory ({@code WRITE_DELAY=0}, which crash tests need — see
 * DATABASE-NOTES), or the databases {@code sherd_tx_s0..s2} on the local PostgreSQL or MariaDB
 * server, created by {@link #start} and dropped by {@link #close}. Tables {@code items(id, tag)}
 * and {@code accounts(id, balance)} are range-sharded on id so a test knows where a row lives:
 * s0 holds 0..999, s1 1000..1999, s2 2000 and up; {@code journal(tid, account, delta)}, one row
 * per account a transfer changed, lives with its account.
 *
 * <p>Everything here uses plain shard connections except {@link #connect}, which opens the
 * cluster through the driver with this JVM's settings (grace period {@link #GRACE_MILLIS},
 * background recovery effectively off). An H2 file database is locked by the JVM that has it
 * open, so a test must close every connection before a child JVM uses the cluster. Not
 * thread-safe.
 */
final class TxCluster implements AutoCloseable {

  static final int SHARDS = 3;
  /** Grace period of every test runtime and child: an undecided branch is aborted after it. */
  static final long GRACE_MILLIS = 1500;
  static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

  enum Family { H2, POSTGRESQL, MARIADB }

  final Family family;
  final Path dir;
  final Path config;
  /** Prefix of every branch name of this cluster: {@code sherd_<cluster id>_}. */
  final String branchPrefix;

  /** For a server family: holds the server-wide lock on the sherd_tx_* databases. */
  private Connection lock;

  private final String h2Scheme;

  private TxCluster(Family family, Path dir, Path config, String branchPrefix, String h2Scheme) {
    this.h2Scheme = h2Scheme;
    this.family = family;
    this.dir = dir;
    this.config = config;
    this.branchPrefix = branchPrefix;
  }

  /**
   * Creates the shard databases and tables. For a server family it skips the calling test
   * (loudly) when the server is unreachable, or fails it when the environment variable CI is
   * {@code true}.
   */
  static TxCluster start(Family family, Path dir) throws Exception {
    return start(family, dir, "file");
  }

  /**
   * H2 file shards accessed through {@link GatedFileSystem}, so a test can make one shard's file
   * writes hang (as if the disk stalled) while the JVM carries on.
   */
  static TxCluster startH2WithGatedFiles(Path dir) throws Exception {
    GatedFileSystem.register();
    return start(Family.H2, dir, GatedFileSystem.SCHEME);
  }

  private static TxCluster start(Family family, Path dir, String h2Scheme) throws Exception {
    if (family != Family.H2) {
      requireServer(family);
    }
    Path file = dir.resolve("tx-" + family.name().toLowerCase(Locale.ROOT) + ".yaml");
    Files.writeString(file, yaml(family, dir, h2Scheme), StandardCharsets.UTF_8);
    String prefix = Xid.PREFIX + TransactionManager.clusterId(ClusterConfig.load(file)) + "_";
    TxCluster cluster = new TxCluster(family, dir, file, prefix, h2Scheme);
    if (family != Family.H2) {
      cluster.lock = lockDatabases(family);
    }
    try {
      cluster.recreateDatabases();
      cluster.onEveryShard("CREATE TABLE items (id INT PRIMARY KEY, tag VARCHAR(40) NOT NULL)",
          "CREATE TABLE accounts (id INT PRIMARY KEY, balance BIGINT NOT NULL)",
          "CREATE TABLE journal (tid VARCHAR(40) NOT NULL, account INT NOT NULL,"
              + " delta BIGINT NOT NULL, PRIMARY KEY (tid, account))");
    } catch (SQLException | RuntimeException e) {
      cluster.releaseLock();
      throw e;
    }
    return cluster;
  }

  private static void requireServer(Family family) {
    try (Connection c = admin(family)) {
      c.isValid(2);
    } catch (SQLException e) {
      String what = family == Family.POSTGRESQL ? "PostgreSQL at 127.0.0.1:5432 (user postgres)"
          : "MariaDB at 127.0.0.1:3306 (user root)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(what + " is unreachable and CI=true: " + e.getMessage(), e);
      }
      System.err.println("*** SKIPPED " + family + " two-phase-commit test: " + what
          + " is unreachable: " + e.getMessage() + " ***");
      Assumptions.abort(what + " is unreachable: " + e.getMessage());
    }
  }

  /**
   * The database names are fixed, and another build may run these tests against the same server
   * at the same time: a server-wide lock (PostgreSQL advisory lock, MariaDB GET_LOCK) held until
   * {@link #close} makes such runs take turns instead of dropping each other's databases.
   */
  private static Connection lockDatabases(Family family) throws SQLException {
    Connection c = admin(family);
    String sql = family == Family.POSTGRESQL ? "SELECT pg_try_advisory_lock(7312064)"
        : "SELECT GET_LOCK('sherd_tx_databases', 0)";
    long deadline = System.nanoTime() + 600_000_000_000L;
    boolean announced = false;
    try (Statement s = c.createStatement()) {
      while (true) {
        try (ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          if (rs.getBoolean(1)) {
            return c;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new SQLException("the sherd_tx_* databases stayed locked by another test run for"
              + " 10 minutes");
        }
        if (!announced) {
          announced = true;
          System.err.println("waiting for another test run to release the sherd_tx_* databases");
        }
        Thread.sleep(200);
      }
    } catch (SQLException | InterruptedException e) {
      c.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the sherd_tx_* databases", e);
      }
      throw (SQLException) e;
    }
  }

  private void releaseLock() {
    if (lock != null) {
      try {
        lock.close(); // ends the session, which releases its lock
      } catch (SQLException ignored) {
        // the session is gone either way
      }
      lock = null;
    }
  }

  private static Connection admin(Family family) throws SQLException {
    return family == Family.POSTGRESQL
        ? DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "")
        : DriverManager.getConnection(MARIADB_SERVER, "root", "");
  }

  static String database(int shard) {
    return "sherd_tx_s" + shard;
  }

  /** Lock waits end after ~3 s on every family, so a crashed worker's locks cannot hang a test. */
  static String shardUrl(Family family, Path dir, int shard, String h2Scheme) {
    switch (family) {
      case H2:
        return "jdbc:h2:" + h2Scheme + ":"
            + dir.resolve("h2").resolve("s" + shard).toAbsolutePath()
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=3000";
      case POSTGRESQL:
        return PG_SERVER + database(shard) + "?options=-c%20lock_timeout%3D3000";
      default:
        return MARIADB_SERVER + database(shard) + "?sessionVariables=innodb_lock_wait_timeout=3";
    }
  }

  String shardUrl(int shard) {
    return shardUrl(family, dir, shard, h2Scheme);
  }

  private static String user(Family family) {
    return family == Family.H2 ? "sa" : family == Family.POSTGRESQL ? "postgres" : "root";
  }

  private static String yaml(Family family, Path dir, String h2Scheme) {
    StringBuilder sb = new StringBuilder("shards:\n");
    for (int i = 0; i < SHARDS; i++) {
      sb.append("  s").append(i).append(": { url: \"").append(shardUrl(family, dir, i, h2Scheme))
          .append("\", user: ").append(user(family))
          .append(", password: \"\", pool: { maximumPoolSize: 8, minimumIdle: 0 } }\n");
    }
    sb.append("default-shard: s0\ntables:\n");
    for (String table : new String[] {"items", "accounts", "journal"}) {
      sb.append("  ").append(table).append(":\n")
          .append("    sharding-key: ").append(table.equals("journal") ? "account" : "id")
          .append("\n    algorithm: range\n    key-type: number\n")
          .append("    ranges:\n")
          .append("      - { shard: s0, to: 1000 }\n")
          .append("      - { shard: s1, from: 1000, to: 2000 }\n")
          .append("      - { shard: s2, from: 2000 }\n");
    }
    return sb.toString();
  }

  /** The cluster id in every branch name (derived from the shards' names and URLs). */
  String clusterId() {
    return branchPrefix.substring(Xid.PREFIX.length(), branchPrefix.length() - 1);
  }

  /** The driver URL. */
  String url() {
    return "jdbc:sherd:" + config;
  }

  /** The shard id {@code n} routes to: ids of shard s are s*1000 .. s*1000+999. */
  static int shardOf(int id) {
    return Math.min(id / 1000, SHARDS - 1);
  }

  /**
   * A logical connection; when it starts the cluster runtime, the runtime has the test grace
   * period and no background recovery after its start-up run, and that run is over when this
   * returns: it would otherwise race the test, finishing branches the test means to look at.
   */
  Connection connect() throws SQLException {
    Connection c;
    synchronized (TxCluster.class) {
      String grace = System.getProperty("sherd.tx.gracePeriodMillis");
      String interval = System.getProperty("sherd.tx.recoveryIntervalMillis");
      System.setProperty("sherd.tx.gracePeriodMillis", String.valueOf(GRACE_MILLIS));
      System.setProperty("sherd.tx.recoveryIntervalMillis", "3600000");
      try {
        c = DriverManager.getConnection(url());
      } finally {
        restore("sherd.tx.gracePeriodMillis", grace);
        restore("sherd.tx.recoveryIntervalMillis", interval);
      }
    }
    try {
      awaitStartupRecovery(transactions(c));
    } catch (SQLException | RuntimeException | InterruptedException e) {
      c.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new SQLException("start-up recovery: " + e.getMessage(), e);
    }
    return c;
  }

  /**
   * Waits for a runtime's start-up recovery run to end. Runs are serialized, so once it has
   * started, recoverNow() returns only after it.
   */
  static void awaitStartupRecovery(TransactionManager tm)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (tm.stats().recoveryRuns() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    tm.recoverNow();
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  static TransactionManager transactions(Connection logical) throws SQLException {
    return logical.unwrap(SherdConnection.class).runtime().transactions();
  }

  /** A plain connection to one shard, bypassing the driver (the caller closes it). */
  Connection direct(int shard) throws SQLException {
    return DriverManager.getConnection(shardUrl(shard), user(family), "");
  }

  void onEveryShard(String... sql) throws SQLException {
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        for (String one : sql) {
          s.execute(one);
        }
      }
    }
  }

  /** The ids in {@code table} on every shard, read directly. */
  TreeSet<Integer> ids(String table) throws SQLException {
    TreeSet<Integer> ids = new TreeSet<>();
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM " + table)) {
        while (rs.next()) {
          ids.add(rs.getInt(1));
        }
      }
    }
    return ids;
  }

  /** SUM(balance) and COUNT(*) of accounts over every shard, read directly. */
  long[] accountTotals() throws SQLException {
    long sum = 0;
    long count = 0;
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(balance), 0), COUNT(*) FROM accounts")) {
        rs.next();
        sum += rs.getLong(1);
        count += rs.getLong(2);
      }
    }
    return new long[] {sum, count};
  }

  /**
   * What the journal says went wrong, for a failure message: every transfer whose journal rows
   * do not add up to zero (a part of it committed without the rest), and every account whose
   * balance is not its start balance plus its journal deltas.
   */
  String journalDiscrepancies(long startBalance) throws SQLException {
    java.util.Map<String, List<String>> parts = new java.util.TreeMap<>();
    java.util.Map<String, Long> sums = new java.util.TreeMap<>();
    java.util.Map<Integer, Long> deltaByAccount = new java.util.TreeMap<>();
    java.util.Map<Integer, Long> balances = new java.util.TreeMap<>();
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i); Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT tid, account, delta FROM journal")) {
          while (rs.next()) {
            String tid = rs.getString(1);
            parts.computeIfAbsent(tid, k -> new ArrayList<>())
                .add("s" + i + ":" + rs.getInt(2) + ":" + rs.getLong(3));
            sums.merge(tid, rs.getLong(3), Long::sum);
            deltaByAccount.merge(rs.getInt(2), rs.getLong(3), Long::sum);
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT id, balance FROM accounts")) {
          while (rs.next()) {
            balances.put(rs.getInt(1), rs.getLong(2));
          }
        }
      }
    }
    StringBuilder out = new StringBuilder();
    for (java.util.Map.Entry<String, Long> e : sums.entrySet()) {
      if (e.getValue() != 0) {
        out.append("partial transfer ").append(e.getKey()).append(' ')
            .append(parts.get(e.getKey())).append('\n');
      }
    }
    for (java.util.Map.Entry<Integer, Long> e : balances.entrySet()) {
      long expected = startBalance + deltaByAccount.getOrDefault(e.getKey(), 0L);
      if (e.getValue() != expected) {
        out.append("account ").append(e.getKey()).append(" holds ").append(e.getValue())
            .append(", its journal says ").append(expected).append('\n');
      }
    }
    return out.length() == 0 ? "journal consistent (" + sums.size() + " transfers)\n"
        : out.toString();
  }

  /**
   * This cluster's prepared branches, read directly from every shard ("s1:sherd_..._b1"). MariaDB
   * lists XA transactions server-wide, so there a branch is attributed by its branch qualifier.
   */
  List<String> preparedBranches() throws SQLException {
    List<String> out = new ArrayList<>();
    if (family == Family.MARIADB) {
      try (Connection c = direct(0); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("XA RECOVER")) {
        while (rs.next()) {
          int gtridLength = rs.getInt("gtrid_length");
          String data = rs.getString("data");
          String gtrid = data.substring(0, gtridLength);
          if (gtrid.startsWith(branchPrefix)) {
            out.add("s" + data.substring(gtridLength) + ":" + gtrid + "_b"
                + data.substring(gtridLength));
          }
        }
      }
      out.sort(null);
      return out;
    }
    for (int i = 0; i < SHARDS; i++) {
      String sql = family == Family.H2
          ? "SELECT LOWER(TRANSACTION_NAME) FROM INFORMATION_SCHEMA.IN_DOUBT"
          : "SELECT gid FROM pg_prepared_xacts WHERE database = current_database()";
      try (Connection c = direct(i); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          if (rs.getString(1).startsWith(branchPrefix)) {
            out.add("s" + i + ":" + rs.getString(1));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  /** The shards ("s1", "s2") holding prepared branches, in order, one entry per branch. */
  List<String> shardsWithPreparedBranches() throws SQLException {
    List<String> out = new ArrayList<>();
    for (String b : preparedBranches()) {
      out.add(b.substring(0, b.indexOf(':')));
    }
    return out;
  }

  /** The driver's decision table on this family's shards. */
  DecisionTable decisionTable() {
    return DecisionTable.of(dev.sherd.metadata.DialectFamily.valueOf(
        family == Family.MARIADB ? "MYSQL" : family.name()));
  }

  /** Decision rows on one shard as "gtid=C" / "gtid=A"; empty when the table does not exist. */
  List<String> decisions(int shard) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = direct(shard); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT gtid, outcome FROM " + decisionTable().name())) {
      while (rs.next()) {
        out.add(rs.getString(1) + "=" + rs.getString(2));
      }
    } catch (SQLException e) {
      if (!tableMissing(e)) {
        throw e;
      }
    }
    return out;
  }

  /** Decision rows with outcome {@code outcome} ("C" or "A") over every shard. */
  List<String> decisionsWithOutcome(String outcome) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < SHARDS; i++) {
      for (String d : decisions(i)) {
        if (d.endsWith("=" + outcome)) {
          out.add("s" + i + ":" + d);
        }
      }
    }
    return out;
  }

  private static boolean tableMissing(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    return state.equals("42S02") || state.equals("42P01") || state.equals("42S04")
        || e.getErrorCode() == 1146 || e.getErrorCode() == 42104;
  }

  /** Rolls back every prepared branch of this cluster directly (cleanup only). */
  void rollbackPreparedBranches() throws SQLException {
    for (String b : preparedBranches()) {
      int shard = Integer.parseInt(b.substring(1, b.indexOf(':')));
      Xid xid = Xid.parse(b.substring(b.indexOf(':') + 1), clusterId());
      try (Connection c = direct(shard)) {
        BranchProtocol.of(dialect(), 30).rollbackPrepared(c, xid, false);
      }
    }
  }

  dev.sherd.metadata.DialectFamily dialect() {
    switch (family) {
      case POSTGRESQL:
        return dev.sherd.metadata.DialectFamily.POSTGRESQL;
      case MARIADB:
        return dev.sherd.metadata.DialectFamily.MYSQL;
      default:
        return dev.sherd.metadata.DialectFamily.H2;
    }
  }

  /** The session (backend / connection) id of a plain shard connection. */
  long sessionId(Connection shardConnection) throws SQLException {
    String sql = family == Family.H2 ? "SELECT SESSION_ID()"
        : family == Family.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    try (Statement s = shardConnection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Ends the session {@code id} of shard {@code shard} from another connection. */
  void killSession(int shard, long id) throws SQLException {
    try (Connection c = direct(shard); Statement s = c.createStatement()) {
      switch (family) {
        case H2:
          s.execute("CALL ABORT_SESSION(" + id + ")");
          break;
        case POSTGRESQL:
          s.execute("SELECT pg_terminate_backend(" + id + ", 5000)");
          break;
        default:
          s.execute("KILL " + id);
      }
    }
  }

  private void recreateDatabases() throws SQLException {
    if (family == Family.H2) {
      return;
    }
    rollbackLeftoversOfEarlierRuns();
    try (Connection c = admin(family); Statement s = c.createStatement()) {
      for (int i = 0; i < SHARDS; i++) {
        s.execute(dropDatabase(i));
        s.execute("CREATE DATABASE " + database(i));
      }
    }
  }

  /** PostgreSQL will not drop a database holding prepared transactions. */
  private void rollbackLeftoversOfEarlierRuns() {
    try {
      rollbackPreparedBranches();
    } catch (SQLException e) {
      // the databases do not exist yet
    }
  }

  private String dropDatabase(int shard) {
    return "DROP DATABASE IF EXISTS " + database(shard)
        + (family == Family.POSTGRESQL ? " WITH (FORCE)" : "");
  }

  /** Rolls back whatever a failed test left prepared, then drops the server databases. */
  @Override
  public void close() throws SQLException {
    if (family == Family.H2) {
      return; // files in the test's temporary directory
    }
    try {
      rollbackLeftoversOfEarlierRuns();
      try (Connection c = admin(family); Statement s = c.createStatement()) {
        for (int i = 0; i < SHARDS; i++) {
          s.execute(dropDatabase(i));
        }
      }
    } finally {
      releaseLock();
    }
  }

  /** What a fresh runtime's recovery did until nothing was left in doubt (or it gave up). */
  record Settled(List<Recovery.Report> reports, List<String> inDoubtLeft, long recoveredCommits,
      long recoveredRollbacks, long decisionsRemoved) {}

  /**
   * Opens the cluster in this JVM (a new runtime, so a new instance id) and runs recovery until
   * no branch is in doubt and none is waiting for its grace period, for at most 20 s.
   */
  Settled recoverUntilSettled() throws Exception {
    List<Recovery.Report> reports = new ArrayList<>();
    long deadline = System.nanoTime() + 20_000_000_000L;
    try (Connection c = connect()) {
      TransactionManager tm = transactions(c);
      while (true) {
        Recovery.Report r = tm.recoverNow();
        reports.add(r);
        List<String> left = describe(tm.inDoubt());
        if ((left.isEmpty() && r.waiting() == 0 && r.errors().isEmpty())
            || System.nanoTime() > deadline) {
          TransactionStats st = tm.stats();
          return new Settled(reports, left, st.recoveredCommits(), st.recoveredRollbacks(),
              st.decisionsRemoved());
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Runs recovery every 100 ms until it has committed at least {@code committed} branches and
   * removed at least {@code decisionsRemoved} decisions in total, for at most the grace period
   * plus 10 s (recovery may leave decided branches to their coordinator for the grace period).
   * Returns the sums over every run, with every run's errors.
   */
  static Recovery.Report recoverUntil(TransactionManager tm, int committed, int decisionsRemoved)
      throws SQLException, InterruptedException {
    int c = 0;
    int rolledBack = 0;
    int removed = 0;
    List<String> errors = new ArrayList<>();
    long deadline = System.nanoTime() + (GRACE_MILLIS + 10_000) * 1_000_000;
    while (true) {
      Recovery.Report r = tm.recoverNow();
      c += r.committed();
      rolledBack += r.rolledBack();
      removed += r.decisionsRemoved();
      errors.addAll(r.errors());
      if ((c >= committed && removed >= decisionsRemoved) || System.nanoTime() > deadline) {
        return new Recovery.Report(c, rolledBack, r.waiting(), removed, errors);
      }
      Thread.sleep(100);
    }
  }

  /** {@code TransactionManager.inDoubt()} rows as "s1:branch:decision". */
  static List<String> describe(List<Object[]> inDoubt) {
    List<String> out = new ArrayList<>();
    for (Object[] row : inDoubt) {
      out.add(row[0] + ":" + row[1] + ":" + row[2]);
    }
    out.sort(null);
    return out;
  }

  /** Inserts {@code perShard} accounts with {@code balance} on every shard, directly. */
  void createAccounts(int perShard, long balance) throws SQLException {
    for (int i = 0; i < SHARDS; i++) {
      try (Connection c = direct(i);
          PreparedStatement ps = c.prepareStatement("INSERT INTO accounts VALUES (?, ?)")) {
        for (int j = 0; j < perShard; j++) {
          ps.setInt(1, i * 1000 + j);
          ps.setLong(2, balance);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }
}
