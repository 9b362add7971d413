package dev.sessionkit.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every (sub)command accepts, but the output format: where to read from and how to
 * report. Each setter writes to the root {@link SessionkitCommand}, so that an option means the
 * same before or after the subcommand's name; defaults are ignored, so that parsing a subcommand
 * never undoes an option given before it. {@link GlobalOptions} adds {@code --format}; the
 * transcript command has its own.
 */
final class ConnectionOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** Returns the root command; inside {@link GlobalOptions} the mixee is that mixin, whose own mixee leads to the root. */
  private SessionkitCommand root() {
    Object user = mixee.root().userObject();
    if (user instanceof GlobalOptions global) user = global.mixee.root().userObject();
    return (SessionkitCommand) user;
  }

  @Option(names = "--sandbox", description = "Start the embedded sandbox and read from it instead of the vendor.")
  void sandbox(boolean value) {
    if (value) root().sandbox = true;
  }

  @Option(names = "--sandbox-seed", paramLabel = "SEED", description = "The seed of the sandbox's generated sessions (default 42).")
  void sandboxSeed(Long value) {
    if (value != null) root().sandboxSeed = value;
  }

  @Option(names = "--base-url", paramLabel = "URL", description = "Send requests to this base URL (https, or http to loopback).")
  void baseUrl(String value) {
    if (value != null) root().baseUrl = value;
  }

  @Option(names = "--retries", paramLabel = "N",
      description = "Retries of a failed request (connection failure, 408, 429, 5xx), 0-10 (default 2).")
  void retries(Integer value) {
    if (value != null) root().retries = value;
  }

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  void quiet(boolean value) {
    if (value) root().quiet = true;
  }

  @Option(names = "--debug", description = "Print the stack trace of a failure.")
  void debug(boolean value) {
    if (value) root().debug = true;
  }
}
