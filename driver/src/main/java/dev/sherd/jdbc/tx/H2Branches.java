package dev.sherd.jdbc.tx;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * H2: {@code PREPARE COMMIT name} prepares the session's transaction. A live prepared branch is
 * finished by its own session ({@code COMMIT}/{@code ROLLBACK}) — H2 rolls it back if that
 * connection closes, so the coordinator keeps it until the branch is resolved. After a crash the
 * branch is listed in {@code INFORMATION_SCHEMA.IN_DOUBT} (file databases) and finished with
 * {@code COMMIT TRANSACTION name}/{@code ROLLBACK TRANSACTION name} from any session.
 */
final class H2Branches implements BranchProtocol {

  @Override
  public void begin(Connection c, Xid xid) {
    // a local transaction (auto-commit off) is H2's branch until it is prepared
  }

  @Override
  public void prepare(Connection c, Xid xid) throws SQLException {
    run(c, "PREPARE COMMIT " + xid.name());
  }

  @Override
  public void commitPrepared(Connection c, Xid xid, boolean owner) throws SQLException {
    if (owner) {
      c.commit();
    } else {
      run(c, "COMMIT TRANSACTION " + xid.name());
    }
  }

  @Override
  public void rollbackPrepared(Connection c, Xid xid, boolean owner) throws SQLException {
    if (owner) {
      c.rollback();
    } else {
      run(c, "ROLLBACK TRANSACTION " + xid.name());
    }
  }

  @Override
  public void commitOnePhase(Connection c, Xid xid) throws SQLException {
    c.commit();
  }

  @Override
  public void rollbackUnprepared(Connection c, Xid xid) throws SQLException {
    c.rollback();
  }

  /** H2 marks a commit visible before it writes it: CHECKPOINT SYNC waits for the file. */
  @Override
  public void makeDurable(Connection c) throws SQLException {
    run(c, "CHECKPOINT SYNC");
  }

  @Override
  public List<String> inDoubt(Connection c, String prefix) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT TRANSACTION_NAME FROM INFORMATION_SCHEMA.IN_DOUBT")) {
      while (rs.next()) {
        String name = rs.getString(1).toLowerCase(Locale.ROOT);
        if (name.startsWith(prefix)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /**
   * Without a statement timeout, unlike the other families: H2's two-phase commands wait for no
   * lock, and H2 implements {@code setQueryTimeout} as a {@code SET QUERY_TIMEOUT} command, and
   * every SET empties the parsed-statement cache of every session of the database — each later
   * statement on the shard would be parsed again (measured: it doubled the cost of a 2-shard
   * commit).
   */
  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
