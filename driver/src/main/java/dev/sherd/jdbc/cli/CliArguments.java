package dev.sherd.jdbc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed command line of {@link SherdCli}: which cluster to use and what to do on it.
 *
 * <p>Parsing fails fast with a {@link UsageException} naming the offending argument; nothing is
 * clamped or guessed. Immutable and thread-safe.
 */
final class CliArguments {

  /** What the command line asks for. */
  enum Command {
    /** Print the usage text. */
    HELP,
    /** Build the demo cluster and run the showcase queries on it. */
    SHOWCASE,
    /** Run the {@code -e} statements on the chosen cluster. */
    EXECUTE,
    /** Open the interactive shell on the chosen cluster. */
    SHELL
  }

  /** A command line that cannot be run as given. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private final Command command;
  private final boolean demo;
  private final Path config;
  private final List<String> statements;

  private CliArguments(Command command, boolean demo, Path config, List<String> statements) {
    this.command = command;
    this.demo = demo;
    this.config = config;
    this.statements = List.copyOf(statements);
  }

  /** Parses {@code args}; no arguments means the shell on the demo cluster. */
  static CliArguments parse(String... args) throws UsageException {
    Objects.requireNonNull(args, "args");
    boolean help = false;
    boolean demo = false;
    Path config = null;
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.equals("--demo")) {
        demo = true;
      } else if (arg.equals("--config") || arg.startsWith("--config=")) {
        String file = arg.equals("--config") ? valueOf(args, ++i, "--config", "a cluster.yaml file")
            : arg.substring("--config=".length());
        if (file.isBlank()) {
          throw new UsageException("--config needs a cluster.yaml file");
        }
        if (config != null) {
          throw new UsageException("--config was already given as " + config);
        }
        config = Path.of(file);
      } else if (arg.equals("-e") || arg.equals("--execute")) {
        String sql = valueOf(args, ++i, arg, "an SQL statement");
        if (sql.isBlank()) {
          throw new UsageException(arg + " needs an SQL statement, got an empty one");
        }
        statements.add(sql);
      } else if (arg.startsWith("-")) {
        throw new UsageException("unknown option " + arg);
      } else {
        throw new UsageException("unexpected argument '" + arg + "' (SQL goes after -e)");
      }
    }
    if (help) {
      return new CliArguments(Command.HELP, demo, config, statements);
    }
    if (demo && config != null) {
      throw new UsageException("--demo and --config " + config + " both name a cluster: give one");
    }
    if (!statements.isEmpty()) {
      if (!demo && config == null) {
        throw new UsageException("-e needs a cluster: give --config FILE or --demo");
      }
      return new CliArguments(Command.EXECUTE, demo, config, statements);
    }
    if (demo) {
      return new CliArguments(Command.SHOWCASE, true, null, statements);
    }
    return new CliArguments(Command.SHELL, config == null, config, statements);
  }

  private static String valueOf(String[] args, int index, String option, String what)
      throws UsageException {
    if (index >= args.length) {
      throw new UsageException(option + " needs " + what);
    }
    return args[index];
  }

  Command command() {
    return command;
  }

  /** True when the statements or the shell run on a fresh demo cluster rather than a config file. */
  boolean demo() {
    return demo;
  }

  /** The cluster config file of {@code --config}, if given. */
  Optional<Path> config() {
    return Optional.ofNullable(config);
  }

  /** The {@code -e} statements in the order given. */
  List<String> statements() {
    return statements;
  }

  static String usage() {
    return """
        Usage: java -jar sherd-driver-all.jar [--demo | --config FILE] [-e SQL]...

        Sherd is a JDBC driver with transparent sharding: jdbc:sherd:<path to cluster.yaml>.

        No arguments: an interactive SQL shell on a demo cluster (4 in-memory H2 shards
        with sample data: customers, orders, events, countries). Type help in it.

        Options:
          --demo          build the demo cluster; without -e, run a showcase of
                          queries and print each one's EXPLAIN and result
          --config FILE   use the cluster described by FILE (jdbc:sherd:FILE);
                          without -e, open the shell on it
          -e SQL          run SQL (repeatable; in order; stops at the first error)
          -h, --help      print this text

        When standard input is not a terminal, the shell reads statements ended by ;
        from it without prompts, runs every one and exits 1 if any failed.
        Exit status: 0 on success, 1 when a statement or the cluster fails, 2 on a usage error.

        Examples:
          java -jar sherd-driver-all.jar
          java -jar sherd-driver-all.jar --config cluster.yaml
          java -jar sherd-driver-all.jar --demo -e "EXPLAIN SELECT * FROM orders WHERE customer_id = 7"
          echo "SELECT COUNT(*) FROM customers;" | java -jar sherd-driver-all.jar --config cluster.yaml
        """;
  }
}
