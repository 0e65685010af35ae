package dev.sherd.jdbc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The command line of the self-contained driver jar ({@code java -jar sherd-driver-*-all.jar}):
 * a demo showcase on a throw-away 4-shard H2 cluster, or {@code -e} statements on the demo or on a
 * {@code cluster.yaml}. See {@link CliArguments#usage()} for the options.
 *
 * <p>It uses the driver only through {@link DriverManager} and {@code jdbc:sherd:} URLs, exactly as
 * an application would, and closes everything it opens before returning. Each run opens one
 * connection and hands it to one {@link ClusterTask}; a new way of working with a cluster (such as
 * an interactive shell) is one more task and one more {@link CliArguments.Command}.
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

  /** Work done on one open connection to a cluster; false means it failed and said so. */
  @FunctionalInterface
  interface ClusterTask {
    boolean run(Connection connection) throws SQLException;
  }

  private final PrintStream out;
  private final PrintStream err;

  private SherdCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // The self-contained jar bundles no slf4j binding (the host application's is used when the jar
    // is a driver); as a command line, say nothing about that. Logging itself is unaffected.
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      System.setProperty(SLF4J_VERBOSITY, "ERROR");
    }
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("sherd: " + e.getMessage());
      err.println("Run with --help for usage.");
      return EXIT_USAGE;
    }
    SherdCli cli = new SherdCli(out, err);
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

  private int onConfig(Path config, ClusterTask task) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sherd:" + config)) {
      return task.run(c) ? EXIT_OK : EXIT_FAILED;
    }
  }
}
