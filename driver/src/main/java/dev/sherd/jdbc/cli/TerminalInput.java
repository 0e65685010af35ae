package dev.sherd.jdbc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Shell input typed on a terminal, through a JLine line editor: cursor keys and Emacs-style
 * editing, history (kept in {@code ~/.sherd_history} when that file can be written, else in memory
 * for the session), and statements that span lines. Enter on a statement not yet ended by
 * {@code ;} opens a continuation line (prompt {@link Shell#CONTINUATION}), so {@link #read}
 * returns only shell commands and complete statements and a multi-line statement is one history
 * entry. Ctrl-C discards the input being typed; Ctrl-D on an empty line ends the input.
 *
 * <p>Owns its terminal and closes it. Not thread-safe.
 */
final class TerminalInput implements ShellInput {

  static final String HISTORY_FILE = ".sherd_history";
  /** Held: java.util.logging forgets the level of a logger nobody references. */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private final Terminal terminal;
  private final LineReader reader;

  /**
   * A line editor on {@code terminal}.
   *
   * @param history the history file, or null to keep history in memory only
   */
  TerminalInput(Terminal terminal, Path history) {
    this.terminal = terminal;
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("sherd")
        .parser(new StatementParser())
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, Shell.CONTINUATION)
        // '!' is SQL (a != b), not a history reference
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    this.reader = builder.build();
  }

  /** A line editor on the terminal the JVM runs in, with history in {@code ~/.sherd_history}. */
  static TerminalInput onSystemTerminal() throws IOException {
    // JLine reports trouble (a history file that cannot be written) through java.util.logging,
    // with stack traces; a command line shows none.
    JLINE_LOG.setLevel(Level.OFF);
    Terminal terminal = TerminalBuilder.builder().name("sherd").system(true).dumb(true).build();
    return new TerminalInput(terminal, historyFile().orElse(null));
  }

  /** {@code ~/.sherd_history} if it can be opened for writing (created if missing), else empty. */
  static Optional<Path> historyFile() {
    try {
      return usableHistory(Path.of(System.getProperty("user.home", ""), HISTORY_FILE));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code file} if it is a regular file that can be appended to, creating it (readable by its
   * owner only: it holds the statements typed) if missing; else empty. Trying is the only test
   * that holds for root, for whom permission checks pass where writing still fails.
   */
  static Optional<Path> usableHistory(Path file) {
    try {
      if (Files.notExists(file)) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          Files.createFile(file);
        }
      }
      FileChannel.open(file, StandardOpenOption.APPEND).close();
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** What the shell prints goes to the terminal, in the terminal's encoding. */
  PrintStream output() {
    return new PrintStream(terminal.output(), true, terminal.encoding());
  }

  @Override
  public String read(String prompt) {
    while (true) {
      try {
        return reader.readLine(prompt);
      } catch (UserInterruptException e) {
        // Ctrl-C: the typed input is dropped; ask again
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  @Override
  public boolean interactive() {
    return true;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // history is a convenience: losing it must not fail the session
    } finally {
      terminal.close();
    }
  }

  /**
   * Accepts a buffer that is a shell command or ends at a statement boundary; anything else makes
   * JLine open a continuation line. Words (for completion) are split as JLine's default parser
   * does, without its quote checks, which do not know SQL.
   */
  static final class StatementParser implements Parser {
    private final DefaultParser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
      if ((context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT)
          && !complete(line)) {
        throw new EOFError(-1, -1, "statement not ended by ;", ";");
      }
      return words.parse(line, cursor, ParseContext.COMPLETE);
    }

    static boolean complete(String buffer) {
      return ShellCommands.parse(buffer).isPresent() || StatementSplitter.split(buffer).complete();
    }
  }
}
