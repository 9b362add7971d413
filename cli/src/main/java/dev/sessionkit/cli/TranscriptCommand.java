package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.transcript.Entry;
import dev.sessionkit.transcript.Totals;
import dev.sessionkit.transcript.TranscriptStream;
import dev.sessionkit.transcript.TranscriptWriters;
import dev.sessionkit.transcript.Transcripts;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sessionkit transcript VENDOR IDS...}: a session of any vendor whose SDK declares a transcript
 * mapping, as one transcript, written as Markdown, JSON lines or OTLP JSON (or sent to an OTLP/HTTP
 * endpoint). The vendor is found by its descriptor's id; the ids are the required parameters of its
 * declared history operation (or, with {@code --follow}, its live one), in order. It inherits the
 * root's options, and its own {@code --format} chooses among the transcript formats.
 */
@Command(name = "transcript", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "A session of any vendor as one transcript: Markdown (default), JSON lines, or OTLP JSON spans.",
    "IDS are the required parameters of the operation that reads the vendor's session history, in order "
        + "(a vendor whose session id is the only one takes several sessions; a parameter with a default from the "
        + "environment may be left out).",
    "Paged sessions are read page by page and written as they arrive; --follow reads the live stream instead, "
        + "and OTLP sends each turn as it ends."},
    footer = {"", "Try: sessionkit demo, which ends with a transcript command to run against the sandbox."})
final class TranscriptCommand implements Callable<Integer> {
  /** The transcript formats. */
  enum TranscriptFormat { markdown, jsonl, otlp }

  /** Keeps the OpenTelemetry SDK's own logger quiet: failures reach the user as one line, with an exit code. */
  private static final Logger OTEL_LOGGER = Logger.getLogger("io.opentelemetry");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "VENDOR", description = "The vendor's id, as the vendor's own subcommand is named.")
  String vendor;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "IDS", description = "The session's ids, in the order the vendor's API takes them.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--follow", description = "Follow the session's live stream instead of reading its history; stops when the stream ends.")
  boolean follow;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "markdown, jsonl or otlp (default markdown).")
  TranscriptFormat format;

  @Option(names = "--otlp-endpoint", paramLabel = "URL",
      description = "Send the spans with OTLP/HTTP to this URL (http://host:4318 or its /v1/traces) instead of writing them.")
  String otlpEndpoint;

  private SessionkitCommand top() {
    return (SessionkitCommand) spec.root().userObject();
  }

  @Override
  public Integer call() {
    SessionkitCommand top = top();
    TranscriptFormat chosen = format != null ? format : otlpEndpoint != null ? TranscriptFormat.otlp : TranscriptFormat.markdown;
    if (otlpEndpoint != null && chosen != TranscriptFormat.otlp) {
      throw new CliFailure(ExitCode.USAGE, "--otlp-endpoint sends OTLP spans: leave out --format, or use --format otlp");
    }
    String endpoint = otlpEndpoint == null ? null : tracesUrl(otlpEndpoint);
    List<Session> sessions = sessions(top);
    PrintStream out = top.out;
    if (chosen == TranscriptFormat.otlp) {
      OTEL_LOGGER.setLevel(Level.OFF);
      SpanExporter exporter = endpoint != null ? TranscriptWriters.otlpHttp(endpoint, Duration.ofSeconds(30))
          : TranscriptWriters.otlpJson(out);
      try {
        for (Session session : sessions) {
          Totals totals;
          try (TranscriptStream transcript = session.open()) {
            totals = TranscriptWriters.otlp(transcript, exporter);
          }
          if (endpoint != null && !top.quiet) {
            top.err.println("sessionkit: " + session.label + ": " + totals.entries() + " entries sent to " + endpoint);
          }
        }
      } catch (UncheckedIOException e) {
        throw new CliFailure(ExitCode.NETWORK, (endpoint != null ? "OTLP export to " + endpoint : "OTLP export") + " failed: "
            + e.getCause().getMessage());
      } finally {
        exporter.shutdown();
        out.flush();
      }
      return ExitCode.OK;
    }
    boolean first = true;
    for (Session session : sessions) {
      try (TranscriptStream transcript = session.open()) {
        if (chosen == TranscriptFormat.markdown) {
          if (!first) out.println("\n---\n");
          TranscriptWriters.markdown(transcript, out);
        } else {
          TranscriptWriters.jsonl(transcript, out);
        }
      }
      first = false;
    }
    return ExitCode.OK;
  }

  /** One session to transcribe, opened (and its first request sent) only when its turn comes. */
  private record Session(String label, java.util.function.Supplier<TranscriptStream> opener) {
    TranscriptStream open() {
      return opener.get();
    }
  }

  private List<Session> sessions(SessionkitCommand top) {
    List<VendorDescriptor> transcribed = top.vendors.stream().filter(v -> v.transcript().isPresent()).toList();
    VendorDescriptor descriptor = transcribed.stream().filter(v -> v.id().equals(vendor)).findFirst()
        .orElseThrow(() -> new CliFailure(ExitCode.USAGE, "unknown vendor '" + vendor + "': use " + choices(transcribed)));
    TranscriptMapping mapping = descriptor.transcript().orElseThrow();
    String operationId = follow ? mapping.live().orElseThrow(() -> new CliFailure(ExitCode.USAGE, vendor
        + " has no live stream of a session's events: leave out --follow")) : mapping.history();
    OperationDescriptor operation = descriptor.operation(operationId).orElseThrow();
    List<ParameterDescriptor> positional = operation.parameters().stream().filter(ParameterDescriptor::required).toList();
    Map<String, String> env = top.sandbox ? top.sandbox().environment() : top.env;
    List<Arguments> calls = new ArrayList<>();
    if (positional.size() == 1) {
      for (String id : ids) calls.add(Arguments.builder().put(positional.get(0).name(), id).build());
    } else {
      int leftOut = positional.size() - ids.size();
      int defaulted = 0;
      while (defaulted < positional.size() && positional.get(defaulted).defaultVariable() != null) defaulted++;
      if (leftOut < 0 || leftOut > defaulted) {
        throw new CliFailure(ExitCode.USAGE, vendor + " takes " + usage(positional) + ", got " + ids.size()
            + (ids.size() == 1 ? " id" : " ids"));
      }
      for (ParameterDescriptor parameter : positional.subList(0, leftOut)) {
        String value = env.get(parameter.defaultVariable());
        if (value == null || value.isBlank()) {
          throw new CliFailure(ExitCode.USAGE, "no " + label(parameter) + ": give it before " + label(positional.get(leftOut))
              + ", or set " + parameter.defaultVariable());
        }
      }
      Arguments.Builder arguments = Arguments.builder();
      for (int i = 0; i < ids.size(); i++) arguments.put(positional.get(leftOut + i).name(), ids.get(i));
      calls.add(arguments.build());
    }
    Object client = top.client(descriptor);
    dev.sessionkit.transcript.Transcripts transcripts = dev.sessionkit.transcript.Transcripts.of(descriptor);
    List<Session> sessions = new ArrayList<>();
    for (Arguments arguments : calls) {
      String session = arguments.string(mapping.sessionParameter());
      sessions.add(new Session(vendor + " " + session,
          () -> follow ? transcripts.follow(client, arguments) : transcripts.read(client, arguments)));
    }
    return sessions;
  }

  /** {@code a, b or c}. */
  private static String choices(List<VendorDescriptor> vendors) {
    List<String> ids = vendors.stream().map(VendorDescriptor::id).toList();
    if (ids.size() < 2) return String.join("", ids);
    return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }

  /** {@code [ORG_ID] SESSION_ID}: the positional ids, those with a default from the environment in brackets. */
  private static String usage(List<ParameterDescriptor> positional) {
    List<String> words = new ArrayList<>();
    for (ParameterDescriptor parameter : positional) {
      words.add(parameter.defaultVariable() == null ? label(parameter) : "[" + label(parameter) + "]");
    }
    return String.join(" ", words);
  }

  /** {@code agentName} or {@code agent_key} as {@code AGENT_NAME}, {@code AGENT_KEY}. */
  private static String label(ParameterDescriptor parameter) {
    return parameter.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
  }

  /** Returns the traces URL of an OTLP/HTTP endpoint: the URL itself if it has a path, else its /v1/traces. */
  static String tracesUrl(String endpoint) {
    HttpUrl url = HttpUrl.parse(endpoint);
    if (url == null) throw new CliFailure(ExitCode.USAGE, "--otlp-endpoint must be an http or https URL (got \"" + endpoint + "\")");
    if (url.encodedPath().equals("/")) return url.newBuilder().encodedPath("/v1/traces").build().toString();
    return url.toString();
  }

  /** Writes a short view of a transcript for the demo: its header, its first entries, and its totals. */
  static void summary(PrintStream out, TranscriptStream transcript, int maxEntries) {
    Map<String, Integer> kinds = new TreeMap<>();
    int shown = 0;
    for (Entry entry : transcript) {
      kinds.merge(entry.kind(), 1, Integer::sum);
      if (shown++ < maxEntries) out.println("   " + line(entry));
    }
    Totals totals = transcript.totals();
    if (shown > maxEntries) out.println("   ... " + (shown - maxEntries) + " more");
    out.println("-> " + transcript.label() + " " + transcript.sessionId() + ": " + totals.entries() + " entries "
        + kinds + ", " + totals.inputTokens() + " in / " + totals.outputTokens() + " out tokens, cost "
        + (totals.costUsd() == null ? "not given" : "$" + totals.costUsd().toPlainString())
        + (transcript.resourceSamples().isEmpty() ? "" : ", " + transcript.resourceSamples().size() + " resource samples"));
  }

  private static String line(Entry entry) {
    String detail;
    if (entry instanceof Entry.UserMessage e) detail = e.text();
    else if (entry instanceof Entry.AgentMessage e) detail = e.text();
    else if (entry instanceof Entry.Thinking e) detail = e.text() == null ? "(the vendor gives no text)" : e.text();
    else if (entry instanceof Entry.ToolCall e) detail = e.name() + " " + (e.arguments() == null ? "" : e.arguments().json());
    else if (entry instanceof Entry.ToolResult e) detail = (e.callId() == null ? "" : e.callId() + " ") + (e.output() == null ? "" : e.output().json());
    else if (entry instanceof Entry.Error e) detail = (e.type() == null ? "" : e.type() + ": ") + e.message();
    else if (entry instanceof Entry.StatusChange e) detail = e.status() + (e.reason() == null ? "" : " (" + e.reason() + ")");
    else if (entry instanceof Entry.ModelRequest e) {
      detail = (e.model() == null ? "" : e.model() + " ") + (e.latency() == null ? "" : e.latency().toMillis() + " ms ")
          + (e.costUsd() == null ? "" : "$" + e.costUsd().toPlainString());
    } else detail = String.valueOf(((Entry.Unknown) entry).type());
    String text = entry.kind() + ": " + detail.replaceAll("\\s+", " ").strip();
    return text.length() > 100 ? text.substring(0, 97) + "..." : text;
  }
}
