package dev.sherd.jdbc.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The command line of the self-contained driver jar ({@code java -jar sherd-driver-*-all.jar}):
 * an interactive {@link Shell} or {@code -e} statements on a throw-away 4-shard H2 demo cluster or
 * on a {@code cluster.yaml}, or a showcase on the demo. See {@link CliArguments#usage()} for the
 * options.
 *
 * <p>It uses the driver only through {@link DriverManager} and {@code jdbc:sherd:} URLs, exactly as
 * an application would, and closes everything it opens before returning. Each run opens one
 * connection and hands it to one {@link ClusterTask}; a new way of working with a cluster is one
 * more task and one more {@link CliArguments.Command}.
 *
 * <p>{@link #run} may be called from several threads at once (each call has its own cluster and
 * connection); an instance serves one call.
 */
public final class SherdCli {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
  private static final List<String> PLACED_TABLES = List.of("customers", "orders", "events", "countries");
  private static final String HOW_TO =
      "End statements with ;  help lists the commands; quit or Ctrl-D leaves.\n\n";

  /** Work done on one open connection to a cluster; false means it failed and said so. */
  @FunctionalInterface
  interface ClusterTask {
    boolean run(Connection connection) throws SQLException, IOException;
  }

  private final InputStream in;
  private final boolean terminal;
  private final PrintStream out;
  private final PrintStream err;

  private SherdCli(InputStream in, boolean terminal, PrintStream out, PrintStream err) {
    this.in = in;
    this.terminal = terminal;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // The self-contained jar bundles no slf4j binding (the host application's is used when the jar
    // is a driver); as a command line, say nothing about that. Logging itself is unaffected.
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      System.setProperty(SLF4J_VERBOSITY, "ERROR");
    }
    System.exit(run(args, System.in, onTerminal(), System.out, System.err));
  }

  /** {@link #run(String[], InputStream, boolean, PrintStream, PrintStream)} with no input. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, InputStream.nullInputStream(), false, out, err);
  }

  /**
   * Runs one command line, printing to {@code out} and {@code err}; returns the exit status. The
   * shell reads {@code in} as plain lines, or, when {@code terminal} is true, talks to the system
   * terminal through a line editor (and then prints there, not to {@code out}).
   */
  static int run(String[] args, InputStream in, boolean terminal, PrintStream out, PrintStream err) {
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("sherd: " + e.getMessage());
      err.println("Run with --help for usage.");
      return EXIT_USAGE;
    }
    SherdCli cli = new SherdCli(in, terminal, out, err);
    try {
      switch (arguments.command()) {
        case HELP:
          out.print(CliArguments.usage());
          return EXIT_OK;
        case SHOWCASE:
          return cli.showcase();
        case EXECUTE:
          ClusterTask statements = c -> new StatementRunner(out, err).run(c, arguments.statements());
          return arguments.demo() ? cli.onDemo(statements)
              : cli.onConfig(arguments.config().orElseThrow(), statements);
        case SHELL:
          return cli.shell(arguments);
        default:
          throw new IllegalStateException("unhandled command " + arguments.command());
      }
    } catch (SQLException e) {
      err.println(StatementRunner.describe(e));
      return EXIT_FAILED;
    } catch (IOException e) {
      err.println("sherd: " + e.getMessage());
      return EXIT_FAILED;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int showcase() throws SQLException, IOException {
    return onDemo(c -> {
      new Showcase(out).run(c);
      return true;
    }, true);
  }

  private int onDemo(ClusterTask task) throws SQLException, IOException {
    return onDemo(task, false);
  }

  /** Builds a demo cluster, runs {@code task} on it, and tears the cluster down. */
  private int onDemo(ClusterTask task, boolean describe) throws SQLException, IOException {
    try (DemoCluster demo = DemoCluster.create();
         Connection c = DriverManager.getConnection(demo.url())) {
      String summary = DemoData.load(c);
      if (describe) {
        out.println("Sherd demo: 4 H2 in-memory shards, config " + demo.configFile());
        out.println();
        out.print(demo.configYaml());
        out.println();
        out.println(summary);
        out.println("Rows per shard, counted on each H2 database directly:");
        out.print(TablePrinter.render(demo.placement(PLACED_TABLES)));
      }
      return task.run(c) ? EXIT_OK : EXIT_FAILED;
    }
  }

  private int onConfig(Path config, ClusterTask task) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sherd:" + config)) {
      return task.run(c) ? EXIT_OK : EXIT_FAILED;
    }
  }

  private int shell(CliArguments arguments) throws SQLException, IOException {
    if (arguments.demo()) {
      return onDemo(c -> shell(c, demoGreeting()));
    }
    Path config = arguments.config().orElseThrow();
    return onConfig(config, c -> shell(c, "Sherd shell on " + config + " (jdbc:sherd:" + config
        + ").\n" + HOW_TO));
  }

  private static String demoGreeting() {
    return "Sherd shell on a demo cluster: " + DemoCluster.SHARDS.size()
        + " in-memory H2 shards, gone when the shell exits.\n" + DemoData.SUMMARY + "\n"
        + "Try: EXPLAIN SELECT status, COUNT(*) FROM orders GROUP BY status;\n" + HOW_TO;
  }

  /**
   * Runs the shell on {@code c}: on the terminal with {@code greeting} first, where a failed
   * statement is only reported; or on plain input, where it makes the run fail (for scripts).
   */
  private boolean shell(Connection c, String greeting) throws IOException {
    if (terminal) {
      try (TerminalInput input = TerminalInput.onSystemTerminal()) {
        PrintStream screen = input.output();
        screen.print(greeting);
        new Shell(input, screen, screen).run(c);
        return true;
      }
    }
    try (ShellInput input = ShellInput.lines(in, Charset.defaultCharset())) {
      return new Shell(input, out, err).run(c);
    }
  }

  /**
   * True when standard input and output are a terminal. Before Java 22 a {@link Console} exists
   * only then; from Java 22 on it exists when they are redirected too, and {@code isTerminal} says.
   */
  private static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
