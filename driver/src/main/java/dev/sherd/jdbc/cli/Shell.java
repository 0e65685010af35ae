package dev.sherd.jdbc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The interactive SQL shell: reads statements ended by {@code ;} (and {@link ShellCommands}) from
 * a {@link ShellInput} and runs them on one connection, printing each result as a table, each
 * update count, and each error as {@code ERROR <SQLState>: <message>}. An error never ends the
 * session and never prints a stack trace: the shell goes on with the next statement, which is
 * what a person at a prompt (and a script of independent statements) wants.
 *
 * <p>Plain (piped) input is fed line by line through {@link StatementSplitter}; at its end an
 * unfinished last statement still runs, as psql does. Not thread-safe: one session, one caller.
 */
final class Shell {

  static final String PROMPT = "sherd> ";
  static final String CONTINUATION = "    -> ";

  private final ShellInput input;
  private final PrintStream out;
  private final PrintStream err;
  private final ShellCommands commands;
  private boolean failed;

  /**
   * A shell reading {@code input}. Results go to {@code out}; errors go to {@code err}, or to
   * {@code out} when the input is interactive, so that they show in order with the results.
   */
  Shell(ShellInput input, PrintStream out, PrintStream err) {
    this.input = input;
    this.out = out;
    this.err = input.interactive() ? out : err;
    this.commands = new ShellCommands(out);
  }

  /**
   * Runs until {@code quit} or the end of the input; the caller closes the input and the
   * connection. True when no statement or command failed.
   */
  boolean run(Connection c) throws IOException {
    StringBuilder pending = new StringBuilder();
    String text;
    while ((text = input.read(pending.length() == 0 ? PROMPT : CONTINUATION)) != null) {
      if (pending.length() == 0) {
        Optional<ShellCommands.Command> command = ShellCommands.parse(text);
        if (command.isPresent()) {
          if (command.get().kind() == ShellCommands.Kind.QUIT) {
            break;
          }
          runCommand(command.get(), c);
          continue;
        }
      }
      pending.append(text).append('\n');
      StatementSplitter.Split split = StatementSplitter.split(pending.toString());
      for (String sql : split.statements()) {
        execute(c, sql);
      }
      pending.setLength(0);
      pending.append(split.remainder());
    }
    if (!pending.toString().isBlank()) {
      execute(c, pending.toString().strip());
    }
    out.flush();
    return !failed;
  }

  private void runCommand(ShellCommands.Command command, Connection c) {
    try {
      commands.run(command, c);
    } catch (SQLException | RuntimeException e) {
      fail(e, null);
    }
    out.println();
    out.flush();
  }

  private void execute(Connection c, String sql) {
    try (Statement st = c.createStatement()) {
      StatementRunner.execute(st, sql, out);
    } catch (SQLException | RuntimeException e) {
      // a RuntimeException is a driver bug: it must not end the session or show a stack trace
      fail(e, sql);
    }
    out.println();
    out.flush();
  }

  private void fail(Exception e, String sql) {
    failed = true;
    out.flush();
    err.println(e instanceof SQLException s ? StatementRunner.describe(s)
        : "ERROR (internal, " + e.getClass().getSimpleName() + "): " + e.getMessage());
    if (sql != null && !input.interactive()) {
      err.println("  in: " + sql);
    }
    err.flush();
  }
}
