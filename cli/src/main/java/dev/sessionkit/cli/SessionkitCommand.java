package dev.sessionkit.cli;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code sessionkit} command: options every subcommand accepts, and the clients they share. */
@Command(
    name = "sessionkit",
    mixinStandardHelpOptions = true,
    version = "sessionkit 0.1.0",
    sortOptions = false,
    description = {
      "Read and export agent sessions of Qoder, Piper, Pipecat Cloud and the Agents API v2.",
      "",
      "Credentials come from the same environment variables as the SDKs' fromEnv(): QODER_PAT, PIPER_API_TOKEN "
          + "(and PIPER_ORG_ID), PIPECAT_API_KEY, AGENTS_API_KEY; base URLs from QODER_BASE_URL, PIPER_BASE_URL, "
          + "PIPECAT_BASE_URL, AGENTS_BASE_URL. Add --sandbox to use the embedded sandbox instead: no account, no network.",
      ""},
    subcommands = {
      QoderCommand.class, PiperCommand.class, PipecatCommand.class, AgentsV2Command.class, TranscriptCommand.class, DemoCommand.class,
      SandboxCommand.class},
    footer = {"", "Try: sessionkit demo          (the four SDKs against the sandbox)",
      "     sessionkit qoder events sess_sandbox_1000 --sandbox --all --format jsonl"})
final class SessionkitCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions options;

  boolean sandbox;
  long sandboxSeed = Sandbox.DEFAULT_SEED;
  String baseUrl;
  Integer retries;
  Format format;
  boolean quiet;
  boolean debug;

  @Spec
  CommandSpec spec;

  Map<String, String> env = Map.of();
  PrintStream out = System.out;
  PrintStream err = System.err;
  boolean terminal;
  private Sandbox running;

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

  /** Returns the environment a vendor's client is built from: the sandbox's with --sandbox, else the process's. */
  private Map<String, String> envFor(String vendorId, String example) {
    if (sandbox) return sandbox().environment();
    VendorDescriptor vendor = VendorDescriptor.find(vendorId)
        .orElseThrow(() -> new IllegalStateException("no installed vendor " + vendorId));
    String variable = vendor.credentialVariable().name();
    String credential = env.get(variable);
    if (credential == null || credential.isBlank()) {
      throw new CliFailure(ExitCode.AUTH, variable + " is not set: set it to your " + vendor.label()
          + " credential, or add --sandbox to try the command on the embedded sandbox (no account needed), for example: sessionkit "
          + example + " --sandbox");
    }
    return env;
  }

  QoderClient qoder() {
    QoderClient.Builder builder = QoderClient.builder().fromEnv(envFor("qoder", "qoder events sess_sandbox_1000"));
    return configure(builder);
  }

  PiperClient piper() {
    PiperClient.Builder builder = PiperClient.builder().fromEnv(envFor("piper",
        "piper events 3c90c3cc-0d44-4b50-8888-8dd25736052a 00000000-0000-4000-a000-000000000012"));
    return configure(builder);
  }

  PipecatClient pipecat() {
    PipecatClient.Builder builder = PipecatClient.builder().fromEnv(envFor("pipecat",
        "pipecat session my-agent 800d444a-e67e-4686-afb3-b0de509cccb3"));
    return configure(builder);
  }

  AgentsClient agents() {
    AgentsClient.Builder builder = AgentsClient.builder().fromEnv(envFor("agents-v2",
        "agents-v2 events agt_sandbox ase_sandbox_120"));
    return configure(builder);
  }

  /** Applies --base-url and --retries, then builds the client. */
  private <B extends ClientBuilder<B, C>, C> C configure(B builder) {
    if (baseUrl != null) builder.baseUrl(baseUrl);
    if (retries != null) builder.maxRetries(retries);
    return builder.build();
  }

  /** Returns a label for progress lines. */
  String progressLabel(String vendor, String session) {
    return vendor + " " + session;
  }
}
