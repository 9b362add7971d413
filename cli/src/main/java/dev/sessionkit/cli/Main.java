package dev.sessionkit.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point of the {@code sessionkit} command. {@link #run} does the work and returns the
 * exit code, so that tests call it in-process.
 */
public final class Main {
  private Main() {}

  /** Runs the command and exits with its exit code. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    int code = run(args, System.getenv(), out, System.err, System.console() != null);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs {@code sessionkit args} with the environment {@code env}, writing results to {@code out}
   * and messages to {@code err}; returns the exit code (see {@link ExitCode}). Output is a table by
   * default when {@code terminal}, JSON lines otherwise.
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    SessionkitCommand top = new SessionkitCommand();
    top.env = env;
    top.out = out;
    top.err = err;
    top.terminal = terminal;
    CommandLine cli = new CommandLine(top);
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.HELP);
    cli.setParameterExceptionHandler((e, arguments) -> {
      String name = e.getCommandLine().getCommandSpec().qualifiedName();
      err.println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
      if (top.debug) e.printStackTrace(err);
      return ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      int code = ExitCode.of(e);
      err.println("sessionkit: " + describe(code) + ": " + oneLine(String.valueOf(e.getMessage())));
      if (top.debug) e.printStackTrace(err);
      return code;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      top.close();
    }
  }

  private static String describe(int code) {
    return switch (code) {
      case ExitCode.USAGE -> "usage error";
      case ExitCode.AUTH -> "auth error";
      case ExitCode.NOT_FOUND -> "not found";
      case ExitCode.RATE_LIMITED -> "rate limited";
      case ExitCode.SERVER_ERROR -> "server error";
      case ExitCode.NETWORK -> "network error";
      case ExitCode.DECODING -> "decoding error";
      default -> "error";
    };
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
