package dev.sessionkit.core.vendor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a vendor's sessions become transcripts, declared in its spec ({@code x-sessionkit-transcript})
 * and generated into its module: which operation gives a session's history (paged, or all in one
 * response) and which one follows it live, which of their parameters name the session and the agent,
 * which operation lists the sessions (if the vendor has one) and how to read a listed one, and a reader that turns each decoded value (an event, a page, a whole session) into
 * {@link TranscriptItem}s, in order, with what the value says of the session. Found through
 * {@link VendorDescriptor#transcript()}.
 *
 * <pre>{@code
 * TranscriptMapping mapping = VendorDescriptor.find("acme").orElseThrow().transcript().orElseThrow();
 * for (Object event : events) {
 *   mapping.read(event, item -> System.out.println(item.kind() + " " + item.text()));
 * }
 * }</pre>
 */
public final class TranscriptMapping {
  /** Reads one decoded value into a sink; implemented by generated code. */
  @FunctionalInterface
  public interface Reader {
    /** Reads {@code value}, one of the mapping's {@link #types()}, into {@code sink}. */
    void read(Object value, Sink sink);
  }

  /** Receives what a value says, in order: items, and for a whole session its facts and resource samples. */
  @FunctionalInterface
  public interface Sink {
    /** Receives the next item. */
    void item(TranscriptItem item);

    /**
     * Receives what a response says of the session itself; a component is null when it does not say.
     *
     * @param sessionId the vendor's session id
     * @param agent the agent (id, key or name)
     * @param startedAt when the session started
     * @param endedAt when it ended, or was last updated
     */
    default void session(@Nullable String sessionId, @Nullable String agent, @Nullable Instant startedAt,
        @Nullable Instant endedAt) {}

    /**
     * Receives one resource sample of the session's process.
     *
     * @param time when it was taken
     * @param cpuMillicores CPU use, or null
     * @param memoryBytes memory use, or null
     */
    default void sample(Instant time, @Nullable Integer cpuMillicores, @Nullable Long memoryBytes) {}
  }

  /** Reads one item of the operation that lists sessions; implemented by generated code. */
  @FunctionalInterface
  public interface SessionReader {
    /** Returns the session {@code item}, one item of the {@link #sessions()} operation, describes. */
    ListedSession read(Object item);
  }

  /**
   * A session as the vendor's listing gives it: what the history operation's parameters take.
   *
   * @param id the session's id, the value of the {@link #sessionParameter()}
   * @param agent the session's agent, the value of the {@link #agentParameter()} when the history
   *     operation takes one, else null
   */
  public record ListedSession(String id, @Nullable String agent) {
    /** Checks the id. */
    public ListedSession {
      Objects.requireNonNull(id, "id == null");
    }
  }

  private final String history;
  private final @Nullable String live;
  private final @Nullable String sessions;
  private final @Nullable SessionReader sessionReader;
  private final String sessionParameter;
  private final @Nullable String agentParameter;
  private final List<Class<?>> types;
  private final Reader reader;

  private TranscriptMapping(Builder builder) {
    this.history = Objects.requireNonNull(builder.history, "history == null");
    this.live = builder.live;
    this.sessions = builder.sessions;
    this.sessionReader = builder.sessionReader;
    this.sessionParameter = Objects.requireNonNull(builder.sessionParameter, "sessionParameter == null");
    this.agentParameter = builder.agentParameter;
    this.types = List.copyOf(builder.types);
    this.reader = Objects.requireNonNull(builder.reader, "reader == null");
    if (types.isEmpty()) throw new IllegalArgumentException("a transcript mapping reads at least one type");
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the operationId of the operation that gives a session's history (paged, or in one response). */
  public String history() {
    return history;
  }

  /** Returns the operationId of the operation that follows a session live, if the vendor has one. */
  public Optional<String> live() {
    return Optional.ofNullable(live);
  }

  /**
   * Returns the operationId of the paged operation that lists the vendor's sessions, if it has one:
   * each of its items is read with {@link #session(Object)}.
   */
  public Optional<String> sessions() {
    return Optional.ofNullable(sessions);
  }

  /**
   * Returns the session {@code item}, one item of the {@link #sessions()} operation, describes.
   *
   * @throws UnsupportedOperationException when the vendor lists no sessions
   */
  public ListedSession session(Object item) {
    Objects.requireNonNull(item, "item == null");
    if (sessionReader == null) throw new UnsupportedOperationException("the transcript mapping lists no sessions");
    return sessionReader.read(item);
  }

  /** Returns the name on the wire of the parameter that names the session, such as {@code session_id}. */
  public String sessionParameter() {
    return sessionParameter;
  }

  /** Returns the name on the wire of the parameter that names the agent, if the operations take one. */
  public Optional<String> agentParameter() {
    return Optional.ofNullable(agentParameter);
  }

  /** Returns the types {@link #read} takes: the events, and the responses that hold them. */
  public List<Class<?>> types() {
    return types;
  }

  /** Returns whether {@link #read} takes {@code value}. */
  public boolean reads(Object value) {
    Objects.requireNonNull(value, "value == null");
    for (Class<?> type : types) if (type.isInstance(value)) return true;
    return false;
  }

  /**
   * Reads {@code value} (an event, a page of them, or a response that holds a whole session) into
   * {@code sink}, in order.
   *
   * @throws IllegalArgumentException when {@code value} is none of {@link #types()}
   */
  public void read(Object value, Sink sink) {
    Objects.requireNonNull(sink, "sink == null");
    if (!reads(value)) {
      throw new IllegalArgumentException("the transcript mapping reads " + names() + ", not " + value.getClass().getName());
    }
    reader.read(value, sink);
  }

  /** Returns the items {@code value} becomes, in order (what it says of the session is left out). */
  public List<TranscriptItem> items(Object value) {
    List<TranscriptItem> items = new ArrayList<>();
    read(value, items::add);
    return items;
  }

  private String names() {
    List<String> names = new ArrayList<>();
    for (Class<?> type : types) names.add(type.getSimpleName());
    return String.join(", ", names);
  }

  @Override
  public String toString() {
    return "TranscriptMapping(history=" + history + (live == null ? "" : ", live=" + live) + ")";
  }

  /** Builds a {@link TranscriptMapping}. */
  public static final class Builder {
    private @Nullable String history;
    private @Nullable String live;
    private @Nullable String sessions;
    private @Nullable SessionReader sessionReader;
    private @Nullable String sessionParameter;
    private @Nullable String agentParameter;
    private final List<Class<?>> types = new ArrayList<>();
    private @Nullable Reader reader;

    private Builder() {}

    /** Sets the operationId of the history operation. */
    public Builder history(String operationId) {
      this.history = Objects.requireNonNull(operationId, "history == null");
      return this;
    }

    /** Sets the operationId of the live operation. */
    public Builder live(String operationId) {
      this.live = Objects.requireNonNull(operationId, "live == null");
      return this;
    }

    /** Sets the operationId of the paged operation that lists sessions, and how to read one of its items. */
    public Builder sessions(String operationId, SessionReader reader) {
      this.sessions = Objects.requireNonNull(operationId, "sessions == null");
      this.sessionReader = Objects.requireNonNull(reader, "reader == null");
      return this;
    }

    /** Sets the parameter that names the session. */
    public Builder sessionParameter(String name) {
      this.sessionParameter = Objects.requireNonNull(name, "sessionParameter == null");
      return this;
    }

    /** Sets the parameter that names the agent. */
    public Builder agentParameter(String name) {
      this.agentParameter = Objects.requireNonNull(name, "agentParameter == null");
      return this;
    }

    /** Adds a type the reader takes. */
    public Builder type(Class<?> type) {
      types.add(Objects.requireNonNull(type, "type == null"));
      return this;
    }

    /** Sets the reader. */
    public Builder reader(Reader reader) {
      this.reader = Objects.requireNonNull(reader, "reader == null");
      return this;
    }

    /** Builds the mapping; the history, the session parameter, a type and the reader are required. */
    public TranscriptMapping build() {
      return new TranscriptMapping(this);
    }
  }
}
