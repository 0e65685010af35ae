package dev.sherd.jdbc.meta;

import dev.sherd.jdbc.exec.PlanExecutor;
import dev.sherd.jdbc.exec.ShardSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A statement the driver answers itself instead of planning it ({@code SET …}, {@code SHOW
 * SHARDING}...). Implementations are immutable; executing one changes only the logical
 * connection it is given.
 */
public interface LocalStatement {

  /**
   * @param logical the logical connection the statement runs on
   * @param session the same connection's access to its shards
   * @param owner   the statement that {@code getStatement()} of a result set returns
   * @return a result set, or no result set and an update count
   */
  PlanExecutor.Outcome execute(Connection logical, ShardSession session, Statement owner)
      throws SQLException;
}
