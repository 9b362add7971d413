package dev.sessionkit.transcript;

import dev.sessionkit.core.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a {@link Transcript}, in session order. Every entry keeps the typed vendor value it
 * was made from in {@link #source()} (the event of the vendor's SDK, such as its user message event),
 * so that nothing the vendor sent is lost; {@link Unknown} entries also keep the raw JSON.
 */
public sealed interface Entry
    permits Entry.UserMessage, Entry.AgentMessage, Entry.Thinking, Entry.ToolCall, Entry.ToolResult, Entry.Error,
        Entry.StatusChange, Entry.ModelRequest, Entry.Unknown {

  /** Returns the vendor's id of the event this entry came from, or null when the vendor gives none. */
  @Nullable String id();

  /** Returns when the event happened, by the vendor's clock, or null when the vendor gives no time. */
  @Nullable Instant time();

  /**
   * Returns the turn the entry belongs to (the vendor's turn, run or exchange, as its mapping says), or
   * null.
   */
  @Nullable String turnId();

  /** Returns the typed vendor value this entry was made from. */
  Object source();

  /** Returns the entry's kind in snake case ({@code user_message}, {@code tool_call}, ...), as written to JSON lines. */
  String kind();

  /** A message from the user. */
  record UserMessage(@Nullable String id, @Nullable Instant time, @Nullable String turnId, String text, Object source)
      implements Entry {
    /** Checks the required components. */
    public UserMessage {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "user_message";
    }
  }

  /** A reply of the agent. */
  record AgentMessage(@Nullable String id, @Nullable Instant time, @Nullable String turnId, String text, Object source)
      implements Entry {
    /** Checks the required components. */
    public AgentMessage {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "agent_message";
    }
  }

  /** The agent's reasoning; {@code text} is null when the vendor records that it thought, not what. */
  record Thinking(@Nullable String id, @Nullable Instant time, @Nullable String turnId, @Nullable String text,
      Object source) implements Entry {
    /** Checks the required components. */
    public Thinking {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "thinking";
    }
  }

  /** A call of a tool by the agent, with its arguments as the vendor sent them. */
  record ToolCall(@Nullable String id, @Nullable Instant time, @Nullable String turnId, String name,
      @Nullable String callId, @Nullable JsonValue arguments, Object source) implements Entry {
    /** Checks the required components. */
    public ToolCall {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "tool_call";
    }
  }

  /** What a tool returned; {@code failed} is true when the vendor marks the output as an error. */
  record ToolResult(@Nullable String id, @Nullable Instant time, @Nullable String turnId, @Nullable String callId,
      @Nullable String name, @Nullable JsonValue output, boolean failed, Object source) implements Entry {
    /** Checks the required components. */
    public ToolResult {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "tool_result";
    }
  }

  /** A failure the vendor reported during the session. */
  record Error(@Nullable String id, @Nullable Instant time, @Nullable String turnId, @Nullable String type,
      String message, Object source) implements Entry {
    /** Checks the required components. */
    public Error {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "error";
    }
  }

  /**
   * A change of the session's state ({@code idle}, {@code rescheduled}, {@code terminated}, a
   * completion status), with its reason and the usage the vendor reports with it, if any.
   */
  record StatusChange(@Nullable String id, @Nullable Instant time, @Nullable String turnId, String status,
      @Nullable String reason, @Nullable Usage usage, Object source) implements Entry {
    /** Checks the required components. */
    public StatusChange {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "status_change";
    }
  }

  /**
   * A request to a model (or a run's requests together, where the vendor reports them so): model,
   * provider, token usage, latency and cost in US dollars, each null when the vendor does not say.
   * {@code startSource} is the vendor's start event when the vendor sends start and end separately.
   */
  record ModelRequest(@Nullable String id, @Nullable Instant time, @Nullable String turnId, @Nullable Instant startedAt,
      @Nullable String model, @Nullable String provider, @Nullable Usage usage, @Nullable Duration latency,
      @Nullable BigDecimal costUsd, Object source, @Nullable Object startSource) implements Entry {
    /** Checks the required components. */
    public ModelRequest {
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "model_request";
    }
  }

  /** An event of a type this version does not know, with its type and raw JSON kept whole. */
  record Unknown(@Nullable String id, @Nullable Instant time, @Nullable String turnId, @Nullable String type,
      JsonValue raw, Object source) implements Entry {
    /** Checks the required components. */
    public Unknown {
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(source, "source");
    }

    @Override
    public String kind() {
      return "unknown";
    }
  }
}
