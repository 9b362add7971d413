package dev.sessionkit.core.vendor;

import dev.sessionkit.core.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one vendor event says for a transcript, in no vendor's terms: its kind (a message, thinking, a
 * tool call or result, an error, a status change, a model request, or an event of a type the mapping
 * does not know) and the fields that kind has, each null when the vendor does not give it. Built by
 * the code a vendor module generates from its spec's {@code x-sessionkit-transcript}
 * ({@link TranscriptMapping}); the transcript module turns items into its entries.
 *
 * <pre>{@code
 * TranscriptItem item = TranscriptItem.builder(TranscriptItem.Kind.USER_MESSAGE, event)
 *     .id(event.id()).time(event.createdAt().toInstant()).turnId(event.turnId()).text(event.content())
 *     .build();
 * }</pre>
 */
public final class TranscriptItem {
  /** What an item is. */
  public enum Kind {
    /** A message from the user: {@link #text()}. */
    USER_MESSAGE,
    /** A reply of the agent: {@link #text()}. */
    AGENT_MESSAGE,
    /** The agent's reasoning: {@link #text()}, null when the vendor records that it thought, not what. */
    THINKING,
    /** A call of a tool: {@link #name()}, {@link #callId()}, {@link #arguments()}. */
    TOOL_CALL,
    /** What a tool returned: {@link #callId()}, {@link #name()}, {@link #output()}, {@link #failed()}. */
    TOOL_RESULT,
    /** A failure the vendor reported: {@link #type()} and {@link #text()} (the message). */
    ERROR,
    /** A change of the session's state: {@link #status()}, {@link #reason()}, {@link #usage()}. */
    STATUS,
    /** The start of a request to a model, whose end follows as a {@link #MODEL_REQUEST} of the same turn. */
    MODEL_REQUEST_START,
    /**
     * A request to a model (or its end): {@link #model()}, {@link #provider()}, {@link #usage()},
     * {@link #costUsd()}, {@link #startedAt()}, {@link #latency()}.
     */
    MODEL_REQUEST,
    /** An event of a type the mapping does not know: {@link #type()} and {@link #raw()}. */
    UNKNOWN
  }

  private final Kind kind;
  private final Object source;
  private final @Nullable String id;
  private final @Nullable Instant time;
  private final @Nullable String turnId;
  private final boolean opensTurn;
  private final boolean endsTurn;
  private final @Nullable String text;
  private final @Nullable String name;
  private final @Nullable String callId;
  private final @Nullable JsonValue arguments;
  private final @Nullable JsonValue output;
  private final boolean failed;
  private final @Nullable String type;
  private final @Nullable String status;
  private final @Nullable String reason;
  private final @Nullable TokenUsage usage;
  private final @Nullable String model;
  private final @Nullable String provider;
  private final @Nullable BigDecimal costUsd;
  private final @Nullable Instant startedAt;
  private final @Nullable Duration latency;
  private final @Nullable JsonValue raw;

  private TranscriptItem(Builder builder) {
    this.kind = builder.kind;
    this.source = builder.source;
    this.id = builder.id;
    this.time = builder.time;
    this.turnId = builder.turnId;
    this.opensTurn = builder.opensTurn;
    this.endsTurn = builder.endsTurn;
    this.text = builder.text;
    this.name = builder.name;
    this.callId = builder.callId;
    this.arguments = builder.arguments;
    this.output = builder.output;
    this.failed = builder.failed;
    this.type = builder.type;
    this.status = builder.status;
    this.reason = builder.reason;
    this.usage = builder.usage;
    this.model = builder.model;
    this.provider = builder.provider;
    this.costUsd = builder.costUsd;
    this.startedAt = builder.startedAt;
    this.latency = builder.latency;
    this.raw = builder.raw;
    if (kind == Kind.UNKNOWN && raw == null) throw new IllegalArgumentException("an UNKNOWN item keeps its raw JSON");
  }

  /** Returns a builder of an item of {@code kind} made from the vendor's {@code source} value. */
  public static Builder builder(Kind kind, Object source) {
    return new Builder(kind, source);
  }

  /** Returns what the item is. */
  public Kind kind() {
    return kind;
  }

  /** Returns the typed vendor value the item was made from (an event, a run, a session). */
  public Object source() {
    return source;
  }

  /** Returns the vendor's id of the event, or null. */
  public @Nullable String id() {
    return id;
  }

  /** Returns when it happened, by the vendor's clock, or null. */
  public @Nullable Instant time() {
    return time;
  }

  /** Returns the turn it belongs to, or null when the event does not say (it then belongs to the turn open). */
  public @Nullable String turnId() {
    return turnId;
  }

  /** Returns whether the item opens a turn: the items after it without a turn of their own belong to it. */
  public boolean opensTurn() {
    return opensTurn;
  }

  /** Returns whether the item ends its turn (a live stream's turn is complete once it has arrived). */
  public boolean endsTurn() {
    return endsTurn;
  }

  /** Returns the text of a message or thinking, or an error's message; null when the vendor gives none. */
  public @Nullable String text() {
    return text;
  }

  /** Returns the tool's name, or null. */
  public @Nullable String name() {
    return name;
  }

  /** Returns the id that links a tool call to its result, or null. */
  public @Nullable String callId() {
    return callId;
  }

  /** Returns a tool call's arguments as the vendor sent them, or null. */
  public @Nullable JsonValue arguments() {
    return arguments;
  }

  /** Returns what a tool returned, as the vendor sent it, or null. */
  public @Nullable JsonValue output() {
    return output;
  }

  /** Returns whether the vendor marks a tool result as a failure. */
  public boolean failed() {
    return failed;
  }

  /** Returns an error's type, or an unknown event's type, or null. */
  public @Nullable String type() {
    return type;
  }

  /** Returns the status a status change reports, or null. */
  public @Nullable String status() {
    return status;
  }

  /** Returns why the status changed, or null. */
  public @Nullable String reason() {
    return reason;
  }

  /** Returns the token usage reported with the item, or null. */
  public @Nullable TokenUsage usage() {
    return usage;
  }

  /** Returns the model a request went to, or null. */
  public @Nullable String model() {
    return model;
  }

  /** Returns the model's provider, or null. */
  public @Nullable String provider() {
    return provider;
  }

  /** Returns the cost in US dollars, exact, or null when the vendor gives none. */
  public @Nullable BigDecimal costUsd() {
    return costUsd;
  }

  /** Returns when a model request started, or null. */
  public @Nullable Instant startedAt() {
    return startedAt;
  }

  /** Returns how long a model request took, by the vendor, or null. */
  public @Nullable Duration latency() {
    return latency;
  }

  /** Returns an unknown event's JSON, whole, or null for the other kinds. */
  public @Nullable JsonValue raw() {
    return raw;
  }

  @Override
  public String toString() {
    return "TranscriptItem(" + kind + (id == null ? "" : " " + id) + ")";
  }

  /** Builds a {@link TranscriptItem}; every field but the kind and the source is optional. */
  public static final class Builder {
    private final Kind kind;
    private final Object source;
    private @Nullable String id;
    private @Nullable Instant time;
    private @Nullable String turnId;
    private boolean opensTurn;
    private boolean endsTurn;
    private @Nullable String text;
    private @Nullable String name;
    private @Nullable String callId;
    private @Nullable JsonValue arguments;
    private @Nullable JsonValue output;
    private boolean failed;
    private @Nullable String type;
    private @Nullable String status;
    private @Nullable String reason;
    private @Nullable TokenUsage usage;
    private @Nullable String model;
    private @Nullable String provider;
    private @Nullable BigDecimal costUsd;
    private @Nullable Instant startedAt;
    private @Nullable Duration latency;
    private @Nullable JsonValue raw;

    private Builder(Kind kind, Object source) {
      this.kind = Objects.requireNonNull(kind, "kind == null");
      this.source = Objects.requireNonNull(source, "source == null");
    }

    /** Sets the vendor's id of the event. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Sets when it happened. */
    public Builder time(@Nullable Instant time) {
      this.time = time;
      return this;
    }

    /** Sets the turn it belongs to. */
    public Builder turnId(@Nullable String turnId) {
      this.turnId = turnId;
      return this;
    }

    /** Marks the item as opening a turn. */
    public Builder opensTurn(boolean opensTurn) {
      this.opensTurn = opensTurn;
      return this;
    }

    /** Marks the item as ending its turn. */
    public Builder endsTurn(boolean endsTurn) {
      this.endsTurn = endsTurn;
      return this;
    }

    /** Sets the text (a message, thinking, an error's message). */
    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    /** Sets the tool's name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets the tool call's id. */
    public Builder callId(@Nullable String callId) {
      this.callId = callId;
      return this;
    }

    /** Sets a tool call's arguments. */
    public Builder arguments(@Nullable JsonValue arguments) {
      this.arguments = arguments;
      return this;
    }

    /** Sets a tool's output. */
    public Builder output(@Nullable JsonValue output) {
      this.output = output;
      return this;
    }

    /** Sets whether a tool result is a failure; null counts as false. */
    public Builder failed(@Nullable Boolean failed) {
      this.failed = Boolean.TRUE.equals(failed);
      return this;
    }

    /** Sets an error's or an unknown event's type. */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /** Sets the status. */
    public Builder status(@Nullable String status) {
      this.status = status;
      return this;
    }

    /** Sets the reason of a status change. */
    public Builder reason(@Nullable String reason) {
      this.reason = reason;
      return this;
    }

    /** Sets the token usage. */
    public Builder usage(@Nullable TokenUsage usage) {
      this.usage = usage;
      return this;
    }

    /** Sets the model. */
    public Builder model(@Nullable String model) {
      this.model = model;
      return this;
    }

    /** Sets the model's provider. */
    public Builder provider(@Nullable String provider) {
      this.provider = provider;
      return this;
    }

    /** Sets the cost in US dollars. */
    public Builder costUsd(@Nullable BigDecimal costUsd) {
      this.costUsd = costUsd;
      return this;
    }

    /** Sets when a model request started. */
    public Builder startedAt(@Nullable Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    /** Sets how long a model request took. */
    public Builder latency(@Nullable Duration latency) {
      this.latency = latency;
      return this;
    }

    /** Sets an unknown event's raw JSON. */
    public Builder raw(@Nullable JsonValue raw) {
      this.raw = raw;
      return this;
    }

    /**
     * Builds the item.
     *
     * @throws IllegalArgumentException when an {@link Kind#UNKNOWN} item has no raw JSON
     */
    public TranscriptItem build() {
      return new TranscriptItem(this);
    }
  }
}
