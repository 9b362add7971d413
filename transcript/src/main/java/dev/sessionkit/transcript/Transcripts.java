package dev.sessionkit.transcript;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.agents.model.ThinkingEvent;
import dev.sessionkit.agents.model.ToolInputEvent;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.pipecat.ResourceSamples;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.AgentThinkingEvent;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.SessionErrorEvent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.SessionStatusRescheduledEvent;
import dev.sessionkit.qoder.model.SpanModelRequestEndEvent;
import dev.sessionkit.qoder.model.SpanModelRequestStartEvent;
import dev.sessionkit.qoder.model.TerminatedEvent;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link Transcript}s and {@link TranscriptStream}s from the four SDKs' responses. The
 * README's "Transcripts" table says which vendor event becomes which {@link Entry}.
 *
 * <pre>{@code
 * TranscriptStream qoder = Transcripts.fromQoder(sessionId, client.sessions().iterateEvents(sessionId));
 * for (Entry entry : qoder) { ... }          // pages are fetched as the loop needs them
 * Totals totals = qoder.totals();            // complete once the loop is done
 * }</pre>
 */
public final class Transcripts {
  private Transcripts() {}

  /**
   * Returns a Qoder session's transcript, read from {@code events} (for example
   * {@code client.sessions().iterateEvents(sessionId)}) one event at a time, as they are iterated.
   */
  public static TranscriptStream fromQoder(String sessionId, Iterable<SessionEvent> events) {
    Objects.requireNonNull(sessionId, "sessionId");
    return new TranscriptStream(Vendor.QODER, sessionId, null, null, null, List.of(),
        new Mapped<>(events.iterator(), new QoderMapper()));
  }

  /** Returns the transcript of one page of a Qoder session's events. */
  public static Transcript from(String sessionId, SessionEventList page) {
    return fromQoder(sessionId, page.data()).toTranscript();
  }

  /**
   * Returns an Agents API v2 session's transcript, read from {@code events} (for example
   * {@code client.sessions().iterateEvents(agentKey, sessionKey)}) one event at a time.
   */
  public static TranscriptStream fromAgents(String agentKey, String sessionKey, Iterable<AgentEvent> events) {
    Objects.requireNonNull(sessionKey, "sessionKey");
    return new TranscriptStream(Vendor.AGENTS_V2, sessionKey, agentKey, null, null, List.of(),
        new Mapped<>(events.iterator(), new AgentsMapper()));
  }

  /** Returns the transcript of one page of an Agents API v2 session's events. */
  public static Transcript from(String agentKey, String sessionKey, ListAgentEventsResponse page) {
    return fromAgents(agentKey, sessionKey, page.events()).toTranscript();
  }

  /** Returns a Piper session's transcript: each run's events, then the run's model usage and cost. */
  public static Transcript from(SessionEventsResponse response) {
    return stream(response).toTranscript();
  }

  /** Returns a Piper session's transcript as a stream, for the writers. */
  public static TranscriptStream stream(SessionEventsResponse response) {
    List<Entry> entries = new ArrayList<>();
    for (RunResponse run : response.runs()) {
      for (EventResponse event : run.events()) entries.add(piper(event));
      entries.add(new Entry.ModelRequest(run.id(), instant(run.updatedAt()), run.id(), instant(run.createdAt()),
          run.modelName(), null, new Usage(run.totalInputTokens(), run.totalOutputTokens(), null, null), null,
          run.totalCostUsd(), run, null));
    }
    var session = response.session();
    return new TranscriptStream(Vendor.PIPER, session.sessionId(), session.agentId(), instant(session.createdAt()),
        instant(session.updatedAt()), List.of(), entries.iterator());
  }

  /**
   * Returns a Pipecat Cloud session's transcript: its start, its completion status, and its
   * resource samples. {@code agentName} is the agent the session was read from (the path
   * parameter; the response does not repeat it), or null.
   */
  public static Transcript from(@Nullable String agentName, SessionDetails session) {
    return stream(agentName, session).toTranscript();
  }

  /** Returns a Pipecat Cloud session's transcript as a stream, for the writers. */
  public static TranscriptStream stream(@Nullable String agentName, SessionDetails session) {
    List<Entry> entries = new ArrayList<>();
    Instant created = instant(session.createdAt());
    Instant ended = instant(session.endedAt());
    String start = Boolean.TRUE.equals(session.coldStart()) ? "started (cold start)" : "started";
    String bot = session.botStartSeconds() == null ? null : "bot started in " + session.botStartSeconds() + " s";
    entries.add(new Entry.StatusChange(null, created, null, start, bot, null, session));
    if (session.completionStatus() != null || ended != null) {
      String status = session.completionStatus() == null ? "ended" : session.completionStatus().value();
      entries.add(new Entry.StatusChange(null, ended, null, status, null, null, session));
    }
    List<ResourceSample> samples = new ArrayList<>();
    for (var sample : ResourceSamples.of(session)) {
      samples.add(new ResourceSample(sample.time(), sample.cpuMillicores(), sample.memoryBytes()));
    }
    return new TranscriptStream(Vendor.PIPECAT, session.sessionId(), agentName, created, ended, samples,
        entries.iterator());
  }

  private static Entry piper(EventResponse e) {
    Instant time = instant(e.createdAt());
    String type = e.eventType() == null ? null : e.eventType().value();
    if ("user_message".equals(type)) {
      return new Entry.UserMessage(e.id(), time, e.runId(), e.content() == null ? "" : e.content(), e);
    }
    return new Entry.Unknown(e.id(), time, e.runId(), type,
        JsonValue.of(SessionkitMoshi.moshi().adapter(EventResponse.class).toJson(e)), e);
  }

  /** Qoder: one event, at most one entry; a model request's start waits for its end. */
  private static final class QoderMapper implements Function<SessionEvent, @Nullable Entry> {
    private @Nullable SpanModelRequestStartEvent pendingStart;

    @Override
    public @Nullable Entry apply(SessionEvent event) {
      if (event instanceof UserMessageEvent e) {
        return new Entry.UserMessage(e.id(), instant(e.createdAt()), e.turnId(), text(e.content()), e);
      }
      if (event instanceof AgentMessageEvent e) {
        return new Entry.AgentMessage(e.id(), instant(e.createdAt()), e.turnId(), text(e.content()), e);
      }
      if (event instanceof AgentThinkingEvent e) return new Entry.Thinking(e.id(), instant(e.createdAt()), e.turnId(), null, e);
      if (event instanceof SessionStatusRescheduledEvent e) {
        return new Entry.StatusChange(e.id(), instant(e.createdAt()), e.turnId(), "rescheduled", null, null, e);
      }
      if (event instanceof SessionStatusIdleEvent e) {
        var u = e.usage();
        Usage usage = u == null ? null
            : new Usage(u.inputTokens(), u.outputTokens(), u.cacheReadInputTokens(), u.cacheCreationInputTokens());
        String status = e.status() == null ? "idle" : e.status().value();
        String reason = e.stopReason() == null || e.stopReason().type() == null ? null : e.stopReason().type().value();
        return new Entry.StatusChange(e.id(), instant(e.createdAt()), e.turnId(), status, reason, usage, e);
      }
      if (event instanceof SessionErrorEvent e) {
        String type = e.error() == null || e.error().type() == null ? null : e.error().type().value();
        String message = e.error() != null && e.error().message() != null ? e.error().message()
            : e.details() != null && e.details().message() != null ? e.details().message() : "(no message)";
        return new Entry.Error(e.id(), instant(e.createdAt()), e.turnId(), type, message, e);
      }
      if (event instanceof SpanModelRequestStartEvent e) {
        pendingStart = e;
        return null;
      }
      if (event instanceof SpanModelRequestEndEvent e) {
        SpanModelRequestStartEvent start = pendingStart != null && Objects.equals(pendingStart.turnId(), e.turnId())
            ? pendingStart : null;
        pendingStart = null;
        Instant end = instant(e.createdAt());
        Instant begun = start == null ? null : instant(start.createdAt());
        Duration latency = begun == null || end == null ? null : Duration.between(begun, end);
        return new Entry.ModelRequest(e.id(), end, e.turnId(), begun, null, null, null, latency, null, e, start);
      }
      if (event instanceof TerminatedEvent e) {
        return new Entry.StatusChange(e.id(), instant(e.createdAt()), e.turnId(), "terminated", null, null, e);
      }
      SessionEvent.Unknown e = (SessionEvent.Unknown) event;
      Map<?, ?> fields = fields(e.raw());
      return new Entry.Unknown(string(fields, "id"), time(fields, "created_at"), string(fields, "turn_id"), e.type(), e.raw(), e);
    }

    /** A user message's text: the history's string, or the text of the stream's content blocks. */
    private static String text(@Nullable UserMessageContent content) {
      if (content instanceof UserMessageContent.OfString string) return string.value();
      if (content instanceof UserMessageContent.OfContentBlockList blocks) return text(blocks.value());
      return "";
    }

    private static String text(@Nullable List<ContentBlock> blocks) {
      if (blocks == null) return "";
      StringBuilder text = new StringBuilder();
      for (ContentBlock block : blocks) {
        if (block instanceof TextBlock t && t.text() != null) {
          if (text.length() > 0) text.append("\n\n");
          text.append(t.text());
        }
      }
      return text.toString();
    }
  }

  /** Agents API v2: each input message opens an exchange (the turn), named by that event's id. */
  private static final class AgentsMapper implements Function<AgentEvent, @Nullable Entry> {
    private @Nullable String turn;

    @Override
    public Entry apply(AgentEvent event) {
      if (event instanceof InputMessageEvent e) {
        turn = e.id();
        StringBuilder text = new StringBuilder();
        if (e.messages() != null) {
          for (AgentInput input : e.messages()) {
            if (input instanceof TextInput t && t.content() != null) {
              if (text.length() > 0) text.append("\n\n");
              text.append(t.content());
            }
          }
        }
        return new Entry.UserMessage(e.id(), instant(e.createdAt()), turn, text.toString(), e);
      }
      if (event instanceof ThinkingEvent e) return new Entry.Thinking(e.id(), instant(e.createdAt()), turn, e.content(), e);
      if (event instanceof ToolInputEvent e) {
        return new Entry.ToolCall(e.id(), instant(e.createdAt()), turn, e.toolName() == null ? "(unnamed)" : e.toolName(),
            e.toolCallId(), e.toolInput(), e);
      }
      if (event instanceof ToolOutputEvent e) {
        return new Entry.ToolResult(e.id(), instant(e.createdAt()), turn, e.toolCallId(), e.toolName(), e.toolOutput(),
            Boolean.TRUE.equals(e.error()), e);
      }
      if (event instanceof AgentOutputEvent e) {
        return new Entry.AgentMessage(e.id(), instant(e.createdAt()), turn, e.content() == null ? "" : e.content(), e);
      }
      AgentEvent.Unknown e = (AgentEvent.Unknown) event;
      Map<?, ?> fields = fields(e.raw());
      return new Entry.Unknown(string(fields, "id"), time(fields, "created_at"), turn, e.type(), e.raw(), e);
    }
  }

  /** Returns an unknown event's top-level fields, or an empty map when its JSON is not an object. */
  private static Map<?, ?> fields(JsonValue raw) {
    return raw.isObject() && raw.toJavaValue() instanceof Map<?, ?> map ? map : Map.of();
  }

  private static @Nullable String string(Map<?, ?> fields, String name) {
    return fields.get(name) instanceof String value ? value : null;
  }

  /** Returns an unknown event's timestamp field when it is an RFC 3339 date-time, else null. */
  private static @Nullable Instant time(Map<?, ?> fields, String name) {
    if (!(fields.get(name) instanceof String value)) return null;
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** Maps each source item to at most one entry, lazily. */
  private static final class Mapped<S> implements Iterator<Entry> {
    private final Iterator<S> source;
    private final Function<S, @Nullable Entry> mapper;
    private @Nullable Entry next;

    Mapped(Iterator<S> source, Function<S, @Nullable Entry> mapper) {
      this.source = source;
      this.mapper = mapper;
    }

    @Override
    public boolean hasNext() {
      while (next == null && source.hasNext()) next = mapper.apply(source.next());
      return next != null;
    }

    @Override
    public Entry next() {
      if (!hasNext()) throw new NoSuchElementException();
      Entry entry = next;
      next = null;
      return entry;
    }
  }
}
