package dev.sherd.jdbc.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@link SherdCli}: its exit status and what it printed. */
record CliRun(int exitCode, String out, String err) {

  /** A run with nothing on standard input. */
  static CliRun of(String... args) {
    return run(InputStream.nullInputStream(), args);
  }

  /** A run whose standard input is {@code input}, piped in (not a terminal). */
  static CliRun withInput(String input, String... args) {
    return run(new ByteArrayInputStream(input.getBytes(Charset.defaultCharset())), args);
  }

  private static CliRun run(InputStream in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = SherdCli.run(args, in, false, o, e);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
  }
}
