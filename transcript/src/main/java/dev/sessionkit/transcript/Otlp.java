package dev.sessionkit.transcript;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Turns a transcript into OpenTelemetry spans with the OpenTelemetry SDK, following the GenAI
 * semantic conventions {@value #SEMCONV_VERSION}: one trace per session (a root span), a span per
 * turn ({@code invoke_agent}), per model request ({@code chat}) and per tool call
 * ({@code execute_tool}), timed by the events' own timestamps. Entries that are not spans become
 * events of their turn's span. Ended spans are exported in batches of {@value #BATCH} as they end,
 * synchronously (nothing is dropped), so memory holds one batch and the open turn. From a live
 * stream, a turn ends with the entry the vendor's mapping says ends it (or when the next turn
 * begins), and its spans are exported then, without waiting for a batch to fill.
 */
final class Otlp {
  /** The semantic conventions version the attributes follow; also the tracer's schema URL. */
  static final String SEMCONV_VERSION = "1.37.0";
  static final String SCHEMA_URL = "https://opentelemetry.io/schemas/" + SEMCONV_VERSION;
  static final String SCOPE = "dev.sessionkit.transcript";
  static final int BATCH = 512;
  /** Entries kept as events of one turn span before the turn continues in a new span. */
  static final int MAX_EVENTS_PER_SPAN = 1000;

  // GenAI semantic conventions 1.37.0 (checked against opentelemetry-semconv-incubating in the tests).
  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
  static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  // What the conventions have no name for (yet), under our own namespace.
  static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("sessionkit.event.id");
  static final AttributeKey<String> TURN_ID = AttributeKey.stringKey("sessionkit.turn.id");
  static final AttributeKey<String> TEXT = AttributeKey.stringKey("sessionkit.text");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("sessionkit.status");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("sessionkit.reason");
  static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("sessionkit.error.message");
  static final AttributeKey<String> TYPE = AttributeKey.stringKey("sessionkit.event.type");
  static final AttributeKey<String> RAW = AttributeKey.stringKey("sessionkit.event.raw");
  static final AttributeKey<String> TOOL_ARGUMENTS = AttributeKey.stringKey("sessionkit.tool.arguments");
  static final AttributeKey<String> TOOL_OUTPUT = AttributeKey.stringKey("sessionkit.tool.output");
  static final AttributeKey<Long> CACHE_READ_TOKENS = AttributeKey.longKey("sessionkit.usage.cache_read_tokens");
  static final AttributeKey<Long> CACHE_WRITE_TOKENS = AttributeKey.longKey("sessionkit.usage.cache_write_tokens");
  static final AttributeKey<String> COST_USD = AttributeKey.stringKey("sessionkit.cost_usd");
  static final AttributeKey<Long> LATENCY_MS = AttributeKey.longKey("sessionkit.latency_ms");
  static final AttributeKey<Long> TOTAL_ENTRIES = AttributeKey.longKey("sessionkit.total.entries");
  static final AttributeKey<Long> TOTAL_INPUT_TOKENS = AttributeKey.longKey("sessionkit.total.input_tokens");
  static final AttributeKey<Long> TOTAL_OUTPUT_TOKENS = AttributeKey.longKey("sessionkit.total.output_tokens");
  static final AttributeKey<Long> TOTAL_CACHE_READ_TOKENS = AttributeKey.longKey("sessionkit.total.cache_read_tokens");
  static final AttributeKey<Long> TOTAL_CACHE_WRITE_TOKENS = AttributeKey.longKey("sessionkit.total.cache_write_tokens");
  static final AttributeKey<String> TOTAL_COST_USD = AttributeKey.stringKey("sessionkit.total.cost_usd");
  static final AttributeKey<Long> RESOURCE_SAMPLES = AttributeKey.longKey("sessionkit.resource_samples");

  private final TranscriptStream transcript;
  private final Tracer tracer;
  private final SyncBatchProcessor processor;
  private final Attributes common;
  private @Nullable Span root;
  private Context rootContext = Context.root();
  private @Nullable Instant last;
  private @Nullable Span turn;
  private @Nullable String turnId;
  private int turnEvents;
  private @Nullable Instant turnEnd;
  private long turnInput;
  private long turnOutput;
  private boolean turnUsage;
  private final List<String> finishReasons = new ArrayList<>();
  private final Map<String, Span> openTools = new HashMap<>();

  private Otlp(TranscriptStream transcript, Tracer tracer, SyncBatchProcessor processor) {
    this.transcript = transcript;
    this.tracer = tracer;
    this.processor = processor;
    AttributesBuilder attributes = Attributes.builder()
        .put(PROVIDER_NAME, transcript.vendor())
        .put(CONVERSATION_ID, transcript.sessionId());
    if (transcript.agent() != null) attributes.put(AGENT_ID, transcript.agent());
    this.common = attributes.build();
  }

  /** Exports {@code transcript} as one trace to {@code exporter}; returns the totals. */
  static Totals export(TranscriptStream transcript, SpanExporter exporter) {
    SyncBatchProcessor processor = new SyncBatchProcessor(exporter);
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().toBuilder().put("service.name", "sessionkit").build())
        .setSpanLimits(SpanLimits.builder().setMaxNumberOfEvents(MAX_EVENTS_PER_SPAN + 1).build())
        .addSpanProcessor(processor)
        .build();
    try {
      Tracer tracer = provider.tracerBuilder(SCOPE).setSchemaUrl(SCHEMA_URL).build();
      return new Otlp(transcript, tracer, processor).run();
    } finally {
      provider.shutdown().join(30, TimeUnit.SECONDS);
      processor.throwIfFailed();
    }
  }

  private Totals run() {
    if (transcript.startedAt() != null) startRoot(transcript.startedAt());
    for (Entry entry : transcript) {
      entry(entry);
      if (transcript.live() && transcript.lastEndsTurn()) endTurn();
    }
    endTurn();
    Instant end = transcript.endedAt() != null ? transcript.endedAt() : last != null ? last : Instant.now();
    startRoot(end);
    Totals totals = transcript.totals();
    Span span = Objects.requireNonNull(root);
    span.setAttribute(TOTAL_ENTRIES, totals.entries());
    span.setAttribute(TOTAL_INPUT_TOKENS, totals.inputTokens());
    span.setAttribute(TOTAL_OUTPUT_TOKENS, totals.outputTokens());
    span.setAttribute(TOTAL_CACHE_READ_TOKENS, totals.cacheReadTokens());
    span.setAttribute(TOTAL_CACHE_WRITE_TOKENS, totals.cacheWriteTokens());
    if (totals.costUsd() != null) span.setAttribute(TOTAL_COST_USD, totals.costUsd().toPlainString());
    if (!transcript.resourceSamples().isEmpty()) span.setAttribute(RESOURCE_SAMPLES, (long) transcript.resourceSamples().size());
    span.end(end);
    return totals;
  }

  private void startRoot(Instant at) {
    if (root != null) return;
    root = tracer.spanBuilder("session " + transcript.vendor())
        .setNoParent()
        .setSpanKind(SpanKind.INTERNAL)
        .setStartTimestamp(at)
        .setAllAttributes(common)
        .startSpan();
    rootContext = Context.root().with(root);
  }

  private Instant timeOf(Entry entry) {
    Instant time = entry.time();
    if (time == null) time = last != null ? last : transcript.startedAt() != null ? transcript.startedAt() : Instant.now();
    if (last == null || time.isAfter(last)) last = time;
    return time;
  }

  private void entry(Entry entry) {
    Instant at = timeOf(entry);
    Instant start = entry instanceof Entry.ModelRequest r ? requestStart(r, at) : at;
    startRoot(start);
    String id = entry.turnId();
    if (turn == null || (id != null && !id.equals(turnId)) || turnEvents >= MAX_EVENTS_PER_SPAN) {
      endTurn();
      startTurn(id != null ? id : turnId, start);
    }
    if (turnEnd == null || at.isAfter(turnEnd)) turnEnd = at;
    Span turnSpan = Objects.requireNonNull(turn);
    Context parent = rootContext.with(turnSpan);
    if (entry instanceof Entry.ModelRequest r) {
      modelRequest(r, parent, start, at);
      return;
    }
    if (entry instanceof Entry.ToolCall call) {
      Span span = tracer.spanBuilder("execute_tool " + call.name())
          .setParent(parent)
          .setSpanKind(SpanKind.INTERNAL)
          .setStartTimestamp(at)
          .setAllAttributes(common)
          .setAttribute(OPERATION_NAME, "execute_tool")
          .setAttribute(TOOL_NAME, call.name())
          .startSpan();
      if (call.callId() != null) span.setAttribute(TOOL_CALL_ID, call.callId());
      if (call.id() != null) span.setAttribute(EVENT_ID, call.id());
      if (call.arguments() != null) span.setAttribute(TOOL_ARGUMENTS, call.arguments().json());
      Span previous = call.callId() == null ? null : openTools.put(call.callId(), span);
      if (previous != null) previous.end(at);
      if (call.callId() == null) span.end(at);
      return;
    }
    if (entry instanceof Entry.ToolResult result && result.callId() != null && openTools.containsKey(result.callId())) {
      Span span = openTools.remove(result.callId());
      if (result.output() != null) span.setAttribute(TOOL_OUTPUT, result.output().json());
      if (result.failed()) {
        span.setStatus(StatusCode.ERROR);
        span.setAttribute(ERROR_TYPE, "tool_error");
      }
      span.end(at);
      return;
    }
    AttributesBuilder attributes = Attributes.builder();
    if (entry.id() != null) attributes.put(EVENT_ID, entry.id());
    if (entry instanceof Entry.UserMessage e) {
      attributes.put(TEXT, e.text());
    } else if (entry instanceof Entry.AgentMessage e) {
      attributes.put(TEXT, e.text());
    } else if (entry instanceof Entry.Thinking e) {
      if (e.text() != null) attributes.put(TEXT, e.text());
    } else if (entry instanceof Entry.ToolResult e) {
      if (e.callId() != null) attributes.put(TOOL_CALL_ID, e.callId());
      if (e.name() != null) attributes.put(TOOL_NAME, e.name());
      if (e.output() != null) attributes.put(TOOL_OUTPUT, e.output().json());
    } else if (entry instanceof Entry.Error e) {
      if (e.type() != null) attributes.put(ERROR_TYPE, e.type());
      attributes.put(MESSAGE, e.message());
      turnSpan.setStatus(StatusCode.ERROR, e.message());
      turnSpan.setAttribute(ERROR_TYPE, e.type() != null ? e.type() : "_OTHER");
    } else if (entry instanceof Entry.StatusChange e) {
      attributes.put(STATUS, e.status());
      if (e.reason() != null) {
        attributes.put(REASON, e.reason());
        finishReasons.add(e.reason());
      }
      Usage usage = e.usage();
      if (usage != null) {
        turnUsage = true;
        turnInput += usage.inputTokens() == null ? 0 : usage.inputTokens();
        turnOutput += usage.outputTokens() == null ? 0 : usage.outputTokens();
        usage(attributes, usage);
      }
    } else if (entry instanceof Entry.Unknown e) {
      if (e.type() != null) attributes.put(TYPE, e.type());
      attributes.put(RAW, e.raw().json());
    }
    turnSpan.addEvent(entry.kind(), attributes.build(), at);
    turnEvents++;
  }

  private static Instant requestStart(Entry.ModelRequest r, Instant end) {
    if (r.startedAt() != null) return r.startedAt();
    if (r.latency() != null) return end.minus(r.latency());
    return end;
  }

  private void modelRequest(Entry.ModelRequest r, Context parent, Instant start, Instant end) {
    var builder = tracer.spanBuilder(r.model() == null ? "chat" : "chat " + r.model())
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(start)
        .setAllAttributes(common)
        .setAttribute(OPERATION_NAME, "chat");
    if (r.model() != null) builder.setAttribute(REQUEST_MODEL, r.model());
    if (r.id() != null) builder.setAttribute(EVENT_ID, r.id());
    if (r.latency() != null) builder.setAttribute(LATENCY_MS, r.latency().toMillis());
    if (r.costUsd() != null) builder.setAttribute(COST_USD, r.costUsd().toPlainString());
    AttributesBuilder attributes = Attributes.builder();
    if (r.usage() != null) usage(attributes, r.usage());
    builder.setAllAttributes(attributes.build());
    builder.startSpan().end(end);
  }

  private static void usage(AttributesBuilder attributes, Usage usage) {
    if (usage.inputTokens() != null) attributes.put(INPUT_TOKENS, usage.inputTokens());
    if (usage.outputTokens() != null) attributes.put(OUTPUT_TOKENS, usage.outputTokens());
    if (usage.cacheReadTokens() != null) attributes.put(CACHE_READ_TOKENS, usage.cacheReadTokens());
    if (usage.cacheWriteTokens() != null) attributes.put(CACHE_WRITE_TOKENS, usage.cacheWriteTokens());
  }

  private void startTurn(@Nullable String id, Instant at) {
    String agent = transcript.agent();
    var builder = tracer.spanBuilder(agent == null ? "invoke_agent" : "invoke_agent " + agent)
        .setParent(rootContext)
        .setSpanKind(SpanKind.INTERNAL)
        .setStartTimestamp(at)
        .setAllAttributes(common)
        .setAttribute(OPERATION_NAME, "invoke_agent");
    if (id != null) builder.setAttribute(TURN_ID, id);
    turn = builder.startSpan();
    turnId = id;
    turnEvents = 0;
    turnEnd = at;
    turnInput = 0;
    turnOutput = 0;
    turnUsage = false;
    finishReasons.clear();
  }

  private void endTurn() {
    Span span = turn;
    if (span == null) return;
    Instant end = Objects.requireNonNull(turnEnd);
    for (Span tool : openTools.values()) tool.end(end);
    openTools.clear();
    if (turnUsage) {
      span.setAttribute(INPUT_TOKENS, turnInput);
      span.setAttribute(OUTPUT_TOKENS, turnOutput);
    }
    if (!finishReasons.isEmpty()) span.setAttribute(FINISH_REASONS, List.copyOf(finishReasons));
    span.end(end);
    turn = null;
    if (transcript.live()) {
      processor.forceFlush();
      processor.throwIfFailed();
    }
  }

  /**
   * Hands ended spans to the exporter in batches, on the caller's thread, waiting for each export:
   * unlike the SDK's BatchSpanProcessor it never drops a span when the exporter is slower than the
   * reader, and memory holds one batch.
   */
  static final class SyncBatchProcessor implements SpanProcessor {
    private final SpanExporter exporter;
    private final List<SpanData> batch = new ArrayList<>();
    private @Nullable String failure;

    SyncBatchProcessor(SpanExporter exporter) {
      this.exporter = exporter;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      batch.add(span.toSpanData());
      if (batch.size() >= BATCH) flush();
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode forceFlush() {
      flush();
      return failure == null ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
    }

    @Override
    public CompletableResultCode shutdown() {
      return forceFlush();
    }

    private void flush() {
      if (batch.isEmpty() || failure != null) {
        batch.clear();
        return;
      }
      CompletableResultCode result = exporter.export(List.copyOf(batch)).join(60, TimeUnit.SECONDS);
      batch.clear();
      if (!result.isSuccess()) {
        Throwable cause = result.getFailureThrowable();
        failure = "the OTLP exporter failed to export spans" + (cause == null ? " (no response within 60 s, or refused)"
            : ": " + cause.getMessage());
      }
    }

    void throwIfFailed() {
      if (failure != null) throw new UncheckedIOException(new IOException(failure));
    }
  }
}
