package dev.sherd.sql.plan;

import java.sql.SQLFeatureNotSupportedException;

/**
 * The one place refusals are made, so every refusal has the same SQLState (0A000) and shape:
 * "not supported across shards: &lt;construct&gt;: &lt;why&gt;".
 */
public final class Refusals {

  public static final String SQLSTATE = "0A000";

  private Refusals() {}

  /** A refusal whose message already names the construct and the reason. */
  public static SQLFeatureNotSupportedException unsupported(String constructAndReason) {
    return new SQLFeatureNotSupportedException(
        "not supported across shards: " + constructAndReason, SQLSTATE);
  }
}
