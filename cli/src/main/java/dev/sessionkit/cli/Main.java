package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
   * default when {@code terminal}, JSON lines otherwise. Every vendor whose SDK is on the class path
   * ({@link VendorDescriptor#installed()}) has its commands.
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    return run(args, env, out, err, terminal, VendorDescriptor.installed());
  }

  /** Runs {@code sessionkit args} with the commands of {@code vendors}. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
      List<VendorDescriptor> vendors) {
    SessionkitCommand top = new SessionkitCommand();
    top.env = env;
    top.out = out;
    top.err = err;
    top.terminal = terminal;
    top.args = List.of(args);
    CommandLine cli = commandLine(top, vendors, List.of(args));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
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

  /**
   * Returns the command tree: the fixed commands, and a command per vendor, built from its descriptor.
   * Only the vendors {@code args} name get their services and operations: the others are listed in
   * the help, and a start need not build every command of every vendor.
   */
  static CommandLine commandLine(SessionkitCommand top, List<VendorDescriptor> vendors, List<String> args) {
    CommandLine cli = new CommandLine(top);
    VendorCommands commands = new VendorCommands(top, args.contains("--help") || args.contains("-h"));
    List<String> credentials = new ArrayList<>();
    List<VendorDescriptor> added = new ArrayList<>();
    for (VendorDescriptor vendor : vendors) {
      if (cli.getSubcommands().containsKey(vendor.id())) {
        top.err.println("sessionkit: the vendor " + vendor.id() + " (" + vendor.getClass().getName()
            + ") has no commands: its id is the name of a sessionkit command");
        continue;
      }
      cli.addSubcommand(vendor.id(), args.contains(vendor.id()) ? commands.vendor(vendor) : commands.listed(vendor));
      added.add(vendor);
      vendor.environment().stream().filter(variable -> variable.role() == EnvironmentVariable.Role.CREDENTIAL)
          .map(EnvironmentVariable::name).findFirst().ifPresent(credentials::add);
    }
    top.vendors = List.copyOf(added);
    // The drift check calls no vendor: the options that say how to reach one mean nothing to it.
    CommandLine.Model.CommandSpec drift = cli.getSubcommands().get("drift").getCommandSpec();
    for (String name : List.of("--sandbox", "--sandbox-seed", "--base-url", "--retries", "--quiet")) drift.remove(drift.findOption(name));
    // The sandbox command runs the sandbox: --sandbox-seed is its only option of those.
    CommandLine.Model.CommandSpec sandbox = cli.getSubcommands().get("sandbox").getCommandSpec();
    for (String name : List.of("--sandbox", "--base-url", "--retries", "--quiet")) sandbox.remove(sandbox.findOption(name));
    HelpSections.install(cli, top.vendors.stream().map(VendorDescriptor::id).toList());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setAbbreviatedOptionsAllowed(true);
    cli.setExpandAtFiles(false); // --body @FILE is read by the command, not expanded into arguments
    cli.setUsageHelpWidth(100); // URLs and option names in spec descriptions wrap less
    cli.getCommandSpec().usageMessage()
        .description(description(vendors, credentials))
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCode.HELP);
    return cli;
  }

  private static String[] description(List<VendorDescriptor> vendors, List<String> credentials) {
    List<String> lines = new ArrayList<>();
    lines.add("Call every operation of " + (vendors.isEmpty() ? "the vendor SDKs on the class path"
        : String.join(", ", vendors.stream().map(VendorDescriptor::label).toList())) + " from the shell: "
        + "sessionkit VENDOR SERVICE OPERATION [ARGS] [--PARAMETER VALUE...], each built from its vendor's spec.");
    lines.add("");
    lines.add("Credentials and base URLs come from the same environment variables as the SDKs' fromEnv()"
        + (credentials.isEmpty() ? "" : " (" + String.join(", ", credentials) + ", ...)")
        + "; sessionkit VENDOR --help lists them. Add --sandbox to use the embedded sandbox instead: no account, no network.");
    lines.add("");
    return lines.stream().map(OperationCommand::escape).toArray(String[]::new);
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
