package dev.sessionkit.core.spi;

import dev.sessionkit.core.internal.sse.StreamRules;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * How one operation's live event stream ({@code text/event-stream}) reads, from its spec: the type
 * each event's data decodes to, where an event's name is read, which names are heartbeats (never
 * delivered), end the stream (delivered, then the stream completes) or report an error (thrown as
 * {@link dev.sessionkit.errors.StreamErrorException}), and how a dropped connection resumes.
 * Immutable; generated code builds one per operation and passes it to
 * {@link ClientRuntime#stream ClientRuntime.stream} or {@link ClientRuntime#streamAsync streamAsync}.
 *
 * <p>A stream named by SSE {@code event:} fields that resumes with {@code Last-Event-ID} (a
 * session's events: {@code id:}/{@code event:}/{@code data:} frames, a {@code heartbeat} event about
 * every 15 s, history replayed on connect):
 *
 * <pre>{@code
 * StreamSpec<SessionEvent> spec = StreamSpec.builder(SessionEvent.class)
 *     .heartbeats("heartbeat")
 *     .resumeWithLastEventId()
 *     .build();
 * return runtime.stream(api.streamEvents(sessionId), spec, requestOptions);
 * }</pre>
 *
 * <p>A stream of {@code data:}-only frames named by their JSON's {@code type} that ends with an
 * {@code end} event, reports failures with an {@code error} event and resumes with a request field
 * (an agent's streamed input: a new request whose {@code since} is the last persisted event
 * id, or a stream-end event's {@code event_id}):
 *
 * <pre>{@code
 * StreamSpec<AgentStreamedResponse> spec = StreamSpec.builder(AgentStreamedResponse.class)
 *     .nameFromData("type")
 *     .ends("end")
 *     .errors("error")
 *     .errorParser(ErrorEnvelope.builder().message("messages").build())
 *     .resumeWithRequestField(since -> api.createInput(sessionKey, input.withSince(since)), "event_id", "id")
 *     .build();
 * }</pre>
 *
 * <p>Names in none of the three sets, including names the spec does not know, go to the decoder,
 * so an unknown event arrives as the event union's unknown variant. A request-field resume is sent
 * only when the engine would retry that request (an idempotent method, or the vendor's idempotency
 * key); otherwise the stream ends with {@link dev.sessionkit.errors.StreamInterruptedException}
 * carrying the cursor.
 *
 * @param <T> what each event decodes to
 */
public final class StreamSpec<T> {
  /** How a stream resumes after its connection drops. */
  public enum Resume {
    /** It does not: a drop after events have arrived ends the stream (the default). */
    NONE,
    /** Reconnect with {@code Last-Event-ID} set to the last event id the server sent. */
    LAST_EVENT_ID,
    /** Send the request {@link #resumeRequest()} builds from the last cursor. */
    REQUEST_FIELD
  }

  private final Type eventType;
  private final @Nullable String nameProperty;
  private final Set<String> heartbeats;
  private final Set<String> ends;
  private final Set<String> errors;
  private final @Nullable ErrorBodyParser errorParser;
  private final Resume resume;
  private final @Nullable Function<String, Call<?>> resumeRequest;
  private final List<String> cursorProperties;

  private StreamSpec(Builder<T> builder) {
    this.eventType = builder.eventType;
    this.nameProperty = builder.nameProperty;
    this.heartbeats = Set.copyOf(builder.heartbeats);
    this.ends = Set.copyOf(builder.ends);
    this.errors = Set.copyOf(builder.errors);
    this.errorParser = builder.errorParser;
    this.resume = builder.resume;
    this.resumeRequest = builder.resumeRequest;
    this.cursorProperties = List.copyOf(builder.cursorProperties);
  }

  /** Returns a builder for events decoded to {@code eventType}, typically the operation's event union. */
  public static <T> Builder<T> builder(Class<T> eventType) {
    return new Builder<>(eventType);
  }

  /** Returns a builder for events decoded to the generic {@code eventType}. */
  public static <T> Builder<T> builder(Type eventType) {
    return new Builder<>(eventType);
  }

  /** Returns the type each event's data decodes to, with the client's adapters. */
  public Type eventType() {
    return eventType;
  }

  /** Returns the top-level property of the data that names the event, or null to use the SSE {@code event:} field. */
  public @Nullable String nameProperty() {
    return nameProperty;
  }

  /** Returns the event names that are keep-alives, never delivered. */
  public Set<String> heartbeats() {
    return heartbeats;
  }

  /** Returns the event names that end the stream, after being delivered. */
  public Set<String> ends() {
    return ends;
  }

  /** Returns the event names that report an error, thrown instead of delivered. */
  public Set<String> errors() {
    return errors;
  }

  /** Returns the reader of error events' data, or null for the service's error envelope. */
  public @Nullable ErrorBodyParser errorParser() {
    return errorParser;
  }

  /** Returns how the stream resumes after a drop. */
  public Resume resume() {
    return resume;
  }

  /**
   * Returns the request that resumes after a cursor ({@link Resume#REQUEST_FIELD}), or null; the
   * function itself answers null for a request that cannot carry the cursor.
   */
  public @Nullable Function<String, Call<?>> resumeRequest() {
    return resumeRequest;
  }

  /**
   * Returns the top-level data properties that carry the resume cursor, the first present wins; an
   * event without them moves the cursor to its SSE {@code id}, if it has one.
   */
  public List<String> cursorProperties() {
    return cursorProperties;
  }

  /** Returns what the runtime reads; error events are read with {@code fallback} unless the spec sets a parser. */
  StreamRules rules(ErrorBodyParser fallback) {
    ErrorBodyParser errors = errorParser != null ? errorParser : fallback;
    return new StreamRules(nameProperty, heartbeats, ends, this.errors, errors::parse,
        StreamRules.Resume.valueOf(resume.name()), cursorProperties);
  }

  @Override
  public String toString() {
    return "StreamSpec(" + eventType.getTypeName() + ", resume " + resume + ")";
  }

  /**
   * Builds a {@link StreamSpec}; every setter checks its value at once.
   *
   * @param <T> what each event decodes to
   */
  public static final class Builder<T> {
    private final Type eventType;
    private @Nullable String nameProperty;
    private final Set<String> heartbeats = new LinkedHashSet<>();
    private final Set<String> ends = new LinkedHashSet<>();
    private final Set<String> errors = new LinkedHashSet<>();
    private @Nullable ErrorBodyParser errorParser;
    private Resume resume = Resume.NONE;
    private @Nullable Function<String, Call<?>> resumeRequest;
    private final List<String> cursorProperties = new ArrayList<>();

    private Builder(Type eventType) {
      this.eventType = Objects.requireNonNull(eventType, "eventType == null");
    }

    /** Reads each event's name from the top-level string {@code property} of its JSON data instead of {@code event:}. */
    public Builder<T> nameFromData(String property) {
      this.nameProperty = name("nameFromData", property);
      return this;
    }

    /** Adds event names that are keep-alives: read and dropped, never delivered. */
    public Builder<T> heartbeats(String... names) {
      add("heartbeats", heartbeats, names);
      return this;
    }

    /** Adds event names after which the stream ends normally; the event itself is delivered. */
    public Builder<T> ends(String... names) {
      add("ends", ends, names);
      return this;
    }

    /** Adds event names that report a failure: thrown as {@code StreamErrorException}, never delivered. */
    public Builder<T> errors(String... names) {
      add("errors", errors, names);
      return this;
    }

    /** Sets the reader of error events' data (default: the service's error envelope). */
    public Builder<T> errorParser(ErrorBodyParser parser) {
      this.errorParser = Objects.requireNonNull(parser, "errorParser == null");
      return this;
    }

    /** Resumes a dropped stream by reconnecting with {@code Last-Event-ID}: the last event id seen. */
    public Builder<T> resumeWithLastEventId() {
      this.resume = Resume.LAST_EVENT_ID;
      this.resumeRequest = null;
      this.cursorProperties.clear();
      return this;
    }

    /**
     * Resumes a dropped stream with the request {@code request} builds from the cursor: the last value
     * of the first of {@code cursorProperties} an event's data has, else the event's SSE id. The
     * function answers null when the request that was sent cannot carry the cursor (a request body
     * that is a variant of a union without the resume field): the stream then ends with a
     * {@link dev.sessionkit.errors.StreamInterruptedException} carrying the cursor, as when the
     * resume request is not safe to send.
     */
    public Builder<T> resumeWithRequestField(Function<String, Call<?>> request, String... cursorProperties) {
      this.resumeRequest = Objects.requireNonNull(request, "resumeWithRequestField request == null");
      List<String> properties = new ArrayList<>();
      for (String property : cursorProperties) properties.add(name("cursor property", property));
      this.resume = Resume.REQUEST_FIELD;
      this.cursorProperties.clear();
      this.cursorProperties.addAll(properties);
      return this;
    }

    /**
     * Builds the spec.
     *
     * @throws IllegalArgumentException if a name is both a heartbeat, an end or an error
     */
    public StreamSpec<T> build() {
      overlap("heartbeats", heartbeats, "ends", ends);
      overlap("heartbeats", heartbeats, "errors", errors);
      overlap("ends", ends, "errors", errors);
      return new StreamSpec<>(this);
    }

    private static void add(String what, Set<String> into, String... names) {
      Objects.requireNonNull(names, what + " == null");
      for (String name : Arrays.asList(names)) into.add(name(what, name));
    }

    private static String name(String what, @Nullable String name) {
      Objects.requireNonNull(name, what + " name == null");
      if (name.isBlank()) throw new IllegalArgumentException(what + " name must not be blank");
      return name;
    }

    private static void overlap(String a, Set<String> first, String b, Set<String> second) {
      for (String name : first) {
        if (second.contains(name)) {
          throw new IllegalArgumentException("event name \"" + name + "\" is in both " + a + " and " + b);
        }
      }
    }
  }
}
