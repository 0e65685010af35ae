package dev.sherd.jdbc.tx;

import java.sql.Connection;
import org.h2.api.Trigger;

/**
 * An H2 trigger for the decision table of a {@link GatedFileSystem} shard: in a JVM started with
 * {@code -Dsherd.test.stallWritesTo=<path fragment>}, recording a decision stalls every later
 * write to that shard's file, so the decision shard's commit becomes visible but never durable.
 * Elsewhere it does nothing. Public because H2 instantiates it. Thread-safe.
 */
public final class StallDecisionTrigger implements Trigger {

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
    String fragment = System.getProperty("sherd.test.stallWritesTo");
    if (fragment != null) {
      GatedFileSystem.stallWritesTo(fragment);
    }
  }
}
