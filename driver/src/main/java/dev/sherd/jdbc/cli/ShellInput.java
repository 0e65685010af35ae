package dev.sherd.jdbc.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * Where the {@link Shell} reads its input: a line editor on a terminal ({@link TerminalInput}), or
 * plain lines from a pipe or file ({@link #lines}). Implementations are not thread-safe.
 */
interface ShellInput extends AutoCloseable {

  /**
   * The next input, or null at the end of input. A line editor returns a whole edited buffer
   * (possibly several lines); plain input returns one line. {@code prompt} is shown only by
   * inputs that talk to a person.
   */
  String read(String prompt) throws IOException;

  /** True when a person types the input: the shell then greets, and errors go to the screen. */
  boolean interactive();

  @Override
  void close() throws IOException;

  /** Plain lines from {@code in} in {@code charset}: no prompt, no echo, no line editing. */
  static ShellInput lines(InputStream in, Charset charset) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset));
    return new ShellInput() {
      @Override
      public String read(String prompt) throws IOException {
        return reader.readLine();
      }

      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public void close() {
        // the stream belongs to the caller (usually System.in)
      }
    };
  }
}
