package dev.sessionkit.cli;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.qoder.EventListParams;
import dev.sessionkit.qoder.QoderClient;
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
 * {@code sessionkit transcript VENDOR IDS...}: a session of any vendor as one transcript, written
 * as Markdown, JSON lines or OTLP JSON (or sent to an OTLP/HTTP endpoint). It takes the same ids
 * and environment variables as the vendor's own subcommand; it inherits the root's options, and
 * its own {@code --format} chooses among the transcript formats.
 */
@Command(name = "transcript", mixinStandardHelpOptions = true, sortOptions = false, description = {
    "A session of any vendor as one transcript: Markdown (default), JSON lines, or OTLP JSON spans.",
    "IDS are the vendor subcommand's: qoder SESSION_ID...; piper [ORG_ID] SESSION_ID; pipecat AGENT SESSION_ID; "
        + "agents-v2 AGENT_KEY SESSION_KEY.",
    "Paged sessions (qoder, agents-v2) are read page by page and written as they arrive."},
    footer = {"", "Try: sessionkit transcript agents-v2 agt_customer_support ase_customer_support_001 --sandbox",
      "     sessionkit transcript qoder sess_sandbox_50 --sandbox --format otlp"})
final class TranscriptCommand implements Callable<Integer> {
  /** The transcript formats. */
  enum TranscriptFormat { markdown, jsonl, otlp }

  /** Keeps the OpenTelemetry SDK's own logger quiet: failures reach the user as one line, with an exit code. */
  private static final Logger OTEL_LOGGER = Logger.getLogger("io.opentelemetry");

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "VENDOR", description = "qoder, piper, pipecat or agents-v2.")
  String vendor;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "IDS", description = "The session's ids, as the vendor's subcommand takes them.")
  List<String> ids = new ArrayList<>();

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
          Totals totals = TranscriptWriters.otlp(session.open(), exporter);
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
      TranscriptStream transcript = session.open();
      if (chosen == TranscriptFormat.markdown) {
        if (!first) out.println("\n---\n");
        TranscriptWriters.markdown(transcript, out);
      } else {
        TranscriptWriters.jsonl(transcript, out);
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
    List<Session> sessions = new ArrayList<>();
    switch (vendor) {
      case "qoder" -> {
        QoderClient client = top.client("qoder", QoderClient.class);
        EventListParams params = EventListParams.builder().limit(100).build();
        for (String id : ids) {
          sessions.add(new Session("qoder " + id, () -> Transcripts.fromQoder(id, client.sessions().iterateEvents(id, params))));
        }
      }
      case "piper" -> {
        if (ids.size() > 2) throw new CliFailure(ExitCode.USAGE, "piper takes [ORG_ID] SESSION_ID, got " + ids.size() + " ids");
        PiperClient client = top.client("piper", PiperClient.class);
        String org = ids.size() == 2 ? ids.get(0) : client.defaultOrgId().orElseThrow(() -> new CliFailure(ExitCode.USAGE,
            "no ORG_ID: give it before SESSION_ID, or set PIPER_ORG_ID"));
        String session = ids.get(ids.size() - 1);
        sessions.add(new Session("piper " + session, () -> Transcripts.stream(client.sessions().events(org, session))));
      }
      case "pipecat" -> {
        exactly(2, "pipecat takes AGENT SESSION_ID");
        PipecatClient client = top.client("pipecat", PipecatClient.class);
        sessions.add(new Session("pipecat " + ids.get(1),
            () -> Transcripts.stream(ids.get(0), client.sessions().get(ids.get(0), ids.get(1)))));
      }
      case "agents-v2" -> {
        exactly(2, "agents-v2 takes AGENT_KEY SESSION_KEY");
        AgentsClient client = top.client("agents-v2", AgentsClient.class);
        dev.sessionkit.agents.EventListParams params = dev.sessionkit.agents.EventListParams.builder().limit(100).build();
        sessions.add(new Session("agents-v2 " + ids.get(1), () -> Transcripts.fromAgents(ids.get(0), ids.get(1),
            client.sessions().iterateEvents(ids.get(0), ids.get(1), params))));
      }
      default -> throw new CliFailure(ExitCode.USAGE, "unknown vendor '" + vendor + "': use qoder, piper, pipecat or agents-v2");
    }
    return sessions;
  }

  private void exactly(int count, String usage) {
    if (ids.size() != count) throw new CliFailure(ExitCode.USAGE, usage + ", got " + ids.size() + (ids.size() == 1 ? " id" : " ids"));
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
    out.println("-> " + transcript.vendor().label() + " " + transcript.sessionId() + ": " + totals.entries() + " entries "
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
