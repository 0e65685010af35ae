package dev.sherd.jdbc.tx;

import dev.sherd.metadata.DialectFamily;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One database family's two-phase-commit commands, issued as SQL over the ordinary pooled
 * connections. Why SQL rather than the XA API: HikariCP does not pool {@code XAConnection}s, and
 * each database's own commands (PostgreSQL {@code PREPARE TRANSACTION}, MariaDB {@code XA …}, H2
 * {@code PREPARE COMMIT}) work on a plain connection, let another connection (another JVM) finish
 * a prepared branch, and let recovery list in-doubt branches with one query.
 *
 * <p>A branch is the work of one global transaction on one shard, named by an {@link Xid}.
 */
interface BranchProtocol {

  /** Called when the branch's connection joins the transaction (MariaDB: {@code XA START}). */
  void begin(Connection c, Xid xid) throws SQLException;

  /** Phase one: makes the branch durable and able to commit, on its own connection. */
  void prepare(Connection c, Xid xid) throws SQLException;

  /**
   * Phase two of a prepared branch. {@code owner} is true when {@code c} is the connection that
   * prepared it (H2 must finish a live branch on its own session).
   */
  void commitPrepared(Connection c, Xid xid, boolean owner) throws SQLException;

  void rollbackPrepared(Connection c, Xid xid, boolean owner) throws SQLException;

  /** Commits a branch that was not prepared: the one-shard fast path and the decision branch. */
  void commitOnePhase(Connection c, Xid xid) throws SQLException;

  /** Rolls back a branch that was not prepared. */
  void rollbackUnprepared(Connection c, Xid xid) throws SQLException;

  /**
   * Makes everything committed on this shard durable before recovery acts on a decision it read
   * there. Only H2 needs it: it shows a commit to other sessions before writing it to its file.
   */
  default void makeDurable(Connection c) throws SQLException {
    // PostgreSQL and MariaDB make a commit visible only once it is durable
  }

  /** Names of prepared (in-doubt) branches on this shard whose names start with the prefix. */
  List<String> inDoubt(Connection c, String prefix) throws SQLException;

  /**
   * The family's protocol. On PostgreSQL and MariaDB every command it sends times out after
   * {@code timeoutSeconds}; H2's wait for no lock and run without one (see {@link H2Branches}).
   */
  static BranchProtocol of(DialectFamily family, int timeoutSeconds) {
    switch (family) {
      case POSTGRESQL:
        return new PostgresBranches(timeoutSeconds);
      case MYSQL:
        return new MysqlBranches(timeoutSeconds);
      default:
        return new H2Branches();
    }
  }
}
