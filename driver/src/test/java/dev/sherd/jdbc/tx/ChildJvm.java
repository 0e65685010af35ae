package dev.sherd.jdbc.tx;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TxWorker} in its own JVM, so a test can crash it for real: halted by a fault point
 * ({@code -Dsherd.fault.halt=<point>:<k>}, exit code {@link #HALTED}) or killed with SIGKILL
 * ({@link Running#kill()}). It runs this JVM's java with this JVM's class path (surefire's test
 * class path), the grace period of {@link TxCluster#GRACE_MILLIS} and, unless a test asks for it,
 * no background recovery after the runtime's start-up run. Output (stdout and stderr together) goes
 * to a file in the test's directory and is quoted in every failure message. Every wait is bounded.
 * Thread-safe (no shared state but a counter).
 */
final class ChildJvm {

  /** Exit code of {@code Runtime.halt} in {@code FaultPoints}. */
  static final int HALTED = 99;
  /** Exit code of a worker halted by its own watchdog (a crash at a moment the test chose). */
  static final int WATCHDOG = 98;
  private static final long TIMEOUT_SECONDS = 60;
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private ChildJvm() {}

  /** How a finished child ended. */
  record Result(int exitCode, String output, List<String> command) {
    String describe() {
      return "child exited with " + exitCode + "\ncommand: " + String.join(" ", command)
          + "\n--- child output ---\n" + output + "--- end of child output ---";
    }
  }

  /** A child still running. */
  static final class Running {
    private final Process process;
    private final Path log;
    private final List<String> command;

    private Running(Process process, Path log, List<String> command) {
      this.process = process;
      this.log = log;
      this.command = command;
    }

    String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(cannot read " + log + ": " + e + ")";
      }
    }

    /** Waits until the child has printed a line starting with {@code prefix}; false if it exited. */
    boolean awaitLine(String prefix, long timeoutMillis) throws InterruptedException {
      long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
      while (System.nanoTime() < deadline) {
        for (String line : output().split("\n")) {
          if (line.startsWith(prefix)) {
            return true;
          }
        }
        if (!process.isAlive()) {
          return false;
        }
        Thread.sleep(20);
      }
      return false;
    }

    /** Waits for the child to exit by itself, killing it after the timeout. */
    Result await() throws InterruptedException {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail("child did not finish within " + TIMEOUT_SECONDS + " s and was killed\ncommand: "
            + String.join(" ", command) + "\n--- child output ---\n" + output());
      }
      return new Result(process.exitValue(), output(), command);
    }

    /** SIGKILL: no shutdown hooks, no cleanup, the shards' sessions just drop. */
    Result kill() throws InterruptedException {
      process.destroyForcibly();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        fail("child survived SIGKILL for 10 s\ncommand: " + String.join(" ", command));
      }
      return new Result(process.exitValue(), output(), command);
    }
  }

  /** Runs a worker to its end: {@code props} are extra -D settings ("sherd.fault.halt=decided:1"). */
  static Result run(TxCluster cluster, List<String> props, String... args) throws Exception {
    return start(cluster, props, args).await();
  }

  static Running start(TxCluster cluster, List<String> props, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; the workers are short-lived
    command.add("-XX:+UseSerialGC");
    command.add("-Xmx256m");
    command.add("-Dsherd.tx.gracePeriodMillis=" + TxCluster.GRACE_MILLIS);
    command.add("-Dsherd.tx.recoveryIntervalMillis=3600000");
    for (String p : props) {
      command.add("-D" + p); // later -D settings win, so a test may override the two above
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TxWorker.class.getName());
    command.add(cluster.config.toString());
    command.addAll(List.of(args));
    Path log = cluster.dir.resolve("child-" + SEQUENCE.incrementAndGet() + ".log");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new Running(process, log, command);
  }
}
