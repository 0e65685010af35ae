package dev.sherd.jdbc.tx;

/**
 * Test-only crash points of the two-phase-commit path. Off unless the JVM is started with
 * {@code -Dsherd.fault.halt=<point>:<k>} (e.g. {@code prepared:1}, {@code decided:1},
 * {@code committed:2}, {@code recovered:1}); then the JVM halts — no shutdown hooks, no cleanup,
 * as if killed — the k-th time it passes that point. The crash tests use it to stop a child JVM at
 * every step of a commit and of recovery. A constant check when off. Thread-safe.
 */
public final class FaultPoints {

  private static final String SPEC = System.getProperty("sherd.fault.halt");
  private static final String POINT;
  private static final int COUNT;
  private static final java.util.concurrent.atomic.AtomicInteger PASSED =
      new java.util.concurrent.atomic.AtomicInteger();

  static {
    if (SPEC == null || !SPEC.contains(":")) {
      POINT = null;
      COUNT = 0;
    } else {
      POINT = SPEC.substring(0, SPEC.indexOf(':'));
      COUNT = Integer.parseInt(SPEC.substring(SPEC.indexOf(':') + 1));
    }
  }

  private FaultPoints() {}

  /** Halts the JVM if this is the configured point and it has been passed k times. */
  static void passed(String point) {
    if (POINT != null && POINT.equals(point) && PASSED.incrementAndGet() == COUNT) {
      System.out.flush();
      Runtime.getRuntime().halt(99);
    }
  }
}
