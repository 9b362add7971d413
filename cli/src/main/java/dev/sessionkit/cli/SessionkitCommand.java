package dev.sessionkit.cli;

import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code sessionkit} command: the options every subcommand inherits (picocli's
 * {@link ScopeType#INHERIT}, so that an option means the same before or after a subcommand's name),
 * and what the subcommands share: the environment, the output streams, the sandbox, the clients.
 */
@Command(
    name = "sessionkit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    subcommands = {RunCommand.class, TranscriptCommand.class, DemoCommand.class, SandboxCommand.class, DriftCommand.class},
    footer = {"", "Try: sessionkit demo          (every vendor against the sandbox)"})
final class SessionkitCommand implements Callable<Integer> {
  @Option(names = "--sandbox", scope = ScopeType.INHERIT,
      description = "Start the embedded sandbox and call it instead of the vendor: no account, no network.")
  boolean sandbox;

  @Option(names = "--sandbox-seed", paramLabel = "SEED", scope = ScopeType.INHERIT,
      description = "The seed of the sandbox's generated sessions (default ${DEFAULT-VALUE}).")
  long sandboxSeed = Sandbox.DEFAULT_SEED;

  @Option(names = "--base-url", paramLabel = "URL", scope = ScopeType.INHERIT,
      description = "Send requests to this base URL (https, or http to loopback) instead of the vendor's.")
  String baseUrl;

  @Option(names = "--retries", paramLabel = "N", scope = ScopeType.INHERIT,
      description = "Retries of a failed request (connection failure, 408, 429, 5xx), 0-10 (default 2).")
  Integer retries;

  @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "No progress lines on stderr.")
  boolean quiet;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
  boolean debug;

  Format format;

  @Spec
  CommandSpec spec;

  Map<String, String> env = Map.of();
  PrintStream out = System.out;
  PrintStream err = System.err;
  boolean terminal;
  /** The arguments as given, for messages that show the command again. */
  List<String> args = List.of();
  /** The vendors that have commands. */
  List<VendorDescriptor> vendors = List.of();
  private Sandbox running;
  private final Map<String, Object> clients = new HashMap<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", order = -1,
      description = "table, json or jsonl (default: table on a terminal, jsonl otherwise); for the vendor commands.")
  void format(Format value) {
    if (value != null) format = value;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(err);
    return ExitCode.USAGE;
  }

  /** Returns where results go, in the chosen format. */
  Output output() {
    return new Output(out, format != null ? format : terminal ? Format.table : Format.jsonl);
  }

  /** Returns the running sandbox, starting it on first use. */
  Sandbox sandbox() {
    if (running == null) running = Sandbox.builder().seed(sandboxSeed).start();
    return running;
  }

  /** Stops the sandbox if one was started. */
  void close() {
    if (running != null) running.close();
  }

  /**
   * Returns {@code vendor}'s client, built once from the environment (the sandbox's with
   * {@code --sandbox}) and {@code --base-url} and {@code --retries}.
   *
   * @throws CliFailure (an auth error) when the environment holds none of the vendor's credentials
   */
  Object client(VendorDescriptor vendor) {
    Object client = clients.get(vendor.id());
    if (client == null) {
      client = vendor.newClient(environment(vendor), this::settings);
      clients.put(vendor.id(), client);
    }
    return client;
  }

  /** Returns the environment {@code vendor}'s client is built from, once it holds a credential. */
  private Map<String, String> environment(VendorDescriptor vendor) {
    if (sandbox) return sandbox().environment();
    List<EnvironmentVariable> credentials = vendor.environment().stream()
        .filter(variable -> variable.role() == EnvironmentVariable.Role.CREDENTIAL).toList();
    boolean set = credentials.stream().anyMatch(variable -> {
      String value = env.get(variable.name());
      return value != null && !value.isBlank();
    });
    if (!set) {
      String names = String.join(" or ", credentials.stream().map(EnvironmentVariable::name).toList());
      throw new CliFailure(ExitCode.AUTH, names + (credentials.size() > 1 ? " are" : " is") + " not set: set "
          + (credentials.size() > 1 ? "one" : "it") + " to your " + vendor.label() + " credential, or add --sandbox to try "
          + "the command on the embedded sandbox (no account needed): sessionkit " + String.join(" ", args) + " --sandbox");
    }
    return env;
  }

  /** Applies --base-url and --retries. */
  private void settings(ClientBuilder<?, ?> builder) {
    if (baseUrl != null) builder.baseUrl(baseUrl);
    if (retries != null) builder.maxRetries(retries);
  }

  /**
   * Returns the client of the vendor {@code id} as {@code type}, for the commands that call an SDK's
   * typed API rather than its operations.
   */
  <T> T client(String id, Class<T> type) {
    VendorDescriptor vendor = vendors.stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new CliFailure(ExitCode.USAGE, "no vendor " + id + " on the class path"));
    return type.cast(client(vendor));
  }
}
