package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sherd.jdbc.tx.TxCluster.Family;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL with {@code max_prepared_transactions = 0} (its default) refuses PREPARE TRANSACTION;
 * the driver must say which setting to change. The server here runs with 64 and changing it needs
 * a restart, so the refusal is reproduced: once as the exact error the server sends (SQLState
 * 55000, message and hint as in PostgreSQL's twophase.c) from a stub connection, and once end to
 * end by a deferred constraint trigger on s1 that raises that same error when s1 prepares.
 */
class PostgresBranchesTest {

  /** What PostgreSQL 15 sends for PREPARE TRANSACTION when max_prepared_transactions = 0. */
  static PSQLException preparedTransactionsDisabled() {
    return new PSQLException(new ServerErrorMessage("SERROR\0VERROR\0C55000\0"
        + "Mprepared transactions are disabled\0"
        + "HSet max_prepared_transactions to a nonzero value.\0Ftwophase.c\0L385\0"));
  }

  @Test
  void prepare_withPreparedTransactionsDisabled_namesTheSetting() {
    PSQLException refusal = preparedTransactionsDisabled();
    Connection c = connectionFailingWith(refusal);
    Xid xid = Xid.branch(Xid.newGlobal("0a1b2c3d", 0, System.currentTimeMillis()), 1);

    SQLException e = assertThrows(SQLException.class, () -> new PostgresBranches(30).prepare(c, xid));
    assertTrue(e.getMessage().contains("max_prepared_transactions"), e.getMessage());
    assertEquals("55000", e.getSQLState());
    assertSame(refusal, e.getCause(), "the server's error is kept as the cause");
  }

  @Test
  void prepare_withPreparedTransactionsDisabled_inAnotherLanguage_asksTheServer() {
    PSQLException refusal = new PSQLException(new ServerErrorMessage("SFEHLER\0VERROR\0C55000\0"
        + "Mvorbereitete Transaktionen sind abgeschaltet\0"));
    Connection c = connectionFailingWith(refusal, "0");
    Xid xid = Xid.branch(Xid.newGlobal("0a1b2c3d", 0, System.currentTimeMillis()), 1);

    SQLException e = assertThrows(SQLException.class, () -> new PostgresBranches(30).prepare(c, xid));
    assertTrue(e.getMessage().contains("max_prepared_transactions"), e.getMessage());
    assertSame(refusal, e.getCause());

    Connection enabled = connectionFailingWith(refusal, "64");
    assertSame(refusal, assertThrows(SQLException.class,
        () -> new PostgresBranches(30).prepare(enabled, xid)), "another 55000 passes through");
  }

  @Test
  void prepare_withAnotherFailure_passesItThrough() {
    PSQLException other = new PSQLException(new ServerErrorMessage("SERROR\0VERROR\0C55000\0"
        + "Mcannot PREPARE a transaction that has operated on temporary objects\0"));
    Connection c = connectionFailingWith(other);
    Xid xid = Xid.branch(Xid.newGlobal("0a1b2c3d", 0, System.currentTimeMillis()), 1);

    SQLException e = assertThrows(SQLException.class, () -> new PostgresBranches(30).prepare(c, xid));
    assertSame(other, e);
  }

  @Test
  void commit_whenAShardRefusesToPrepare_rollsBackAndNamesShardAndSetting(@TempDir Path dir)
      throws Exception {
    try (TxCluster cluster = TxCluster.start(Family.POSTGRESQL, dir)) {
      try (Connection d = cluster.direct(1); Statement s = d.createStatement()) {
        s.execute("CREATE FUNCTION refuse_prepare() RETURNS trigger LANGUAGE plpgsql AS $$"
            + " BEGIN RAISE EXCEPTION 'prepared transactions are disabled' USING"
            + " ERRCODE = '55000', HINT = 'Set max_prepared_transactions to a nonzero value.';"
            + " END $$");
        s.execute("CREATE CONSTRAINT TRIGGER refuse_prepare AFTER INSERT ON items"
            + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_prepare()");
      }
      try (Connection c = cluster.connect()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, tag) VALUES (?, 'x')")) {
          for (int id : new int[] {8, 1008, 2008}) {
            ps.setInt(1, id);
            ps.executeUpdate();
          }
        }
        SQLTransactionRollbackException e =
            assertThrows(SQLTransactionRollbackException.class, c::commit);
        assertTrue(e.getMessage().contains("s1") && e.getMessage().contains(
            "max_prepared_transactions"), e.getMessage());
      }
      assertEquals(Set.of(), cluster.ids("items"));
      assertEquals(List.of(), cluster.preparedBranches());
    }
  }

  /** A connection whose statements fail every execute with {@code failure}. */
  private static Connection connectionFailingWith(SQLException failure) {
    return connectionFailingWith(failure, null);
  }

  /**
   * A connection whose statements fail every execute with {@code failure}, except a query, which
   * answers one row holding {@code setting} (when not null).
   */
  private static Connection connectionFailingWith(SQLException failure, String setting) {
    ResultSet row = (ResultSet) Proxy.newProxyInstance(
        PostgresBranchesTest.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        new java.lang.reflect.InvocationHandler() {
          private boolean read;

          @Override
          public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) {
            switch (method.getName()) {
              case "next":
                boolean first = !read;
                read = true;
                return first;
              case "getString":
                return setting;
              default:
                return null;
            }
          }
        });
    Statement statement = (Statement) Proxy.newProxyInstance(
        PostgresBranchesTest.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (method.getName().equals("executeQuery") && setting != null) {
            return row;
          }
          if (method.getName().startsWith("execute")) {
            throw failure;
          }
          return null;
        });
    return (Connection) Proxy.newProxyInstance(PostgresBranchesTest.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("createStatement")) {
            return statement;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }
}
