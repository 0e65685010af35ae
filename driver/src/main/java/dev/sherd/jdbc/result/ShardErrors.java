package dev.sherd.jdbc.result;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Names the shard in an exception raised by a shard's driver, keeping what applications branch on:
 * the SQLState, the vendor code, the JDBC 4 subclass (a vendor subclass such as H2's
 * {@code JdbcSQLDataException} becomes its standard superclass) and the original as the cause.
 * Thread-safe: stateless.
 */
public final class ShardErrors {

  private ShardErrors() {}

  /** {@code "shard <shard>: <original message>"} with the original's state, code and class. */
  public static SQLException wrap(String shard, SQLException e) {
    String message = "shard " + shard + ": " + e.getMessage();
    String state = e.getSQLState();
    int code = e.getErrorCode();
    if (e instanceof SQLNonTransientException) {
      if (e instanceof SQLDataException) {
        return new SQLDataException(message, state, code, e);
      } else if (e instanceof SQLIntegrityConstraintViolationException) {
        return new SQLIntegrityConstraintViolationException(message, state, code, e);
      } else if (e instanceof SQLSyntaxErrorException) {
        return new SQLSyntaxErrorException(message, state, code, e);
      } else if (e instanceof SQLFeatureNotSupportedException) {
        return new SQLFeatureNotSupportedException(message, state, code, e);
      } else if (e instanceof SQLNonTransientConnectionException) {
        return new SQLNonTransientConnectionException(message, state, code, e);
      } else if (e instanceof SQLInvalidAuthorizationSpecException) {
        return new SQLInvalidAuthorizationSpecException(message, state, code, e);
      }
      return new SQLNonTransientException(message, state, code, e);
    } else if (e instanceof SQLTransientException) {
      if (e instanceof SQLTransactionRollbackException) {
        return new SQLTransactionRollbackException(message, state, code, e);
      } else if (e instanceof SQLTimeoutException) {
        return new SQLTimeoutException(message, state, code, e);
      } else if (e instanceof SQLTransientConnectionException) {
        return new SQLTransientConnectionException(message, state, code, e);
      }
      return new SQLTransientException(message, state, code, e);
    } else if (e instanceof SQLRecoverableException) {
      return new SQLRecoverableException(message, state, code, e);
    } else if (e instanceof BatchUpdateException b) {
      return new BatchUpdateException(message, state, code, b.getLargeUpdateCounts(), e);
    }
    return new SQLException(message, state, code, e);
  }
}
