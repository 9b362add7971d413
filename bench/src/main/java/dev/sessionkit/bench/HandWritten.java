package dev.sessionkit.bench;

import com.squareup.moshi.JsonReader;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ListMetadata;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.agents.model.ThinkingEvent;
import dev.sessionkit.agents.model.ToolInputEvent;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.EventRole;
import dev.sessionkit.piper.model.EventType;
import dev.sessionkit.piper.model.ReasoningEffort;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.piper.model.SessionResponse;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.AgentToolResultEvent;
import dev.sessionkit.qoder.model.AgentToolUseEvent;
import dev.sessionkit.qoder.model.AgentThinkingEvent;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.ErrorDetails;
import dev.sessionkit.qoder.model.RetryStatus;
import dev.sessionkit.qoder.model.RetryStatusType;
import dev.sessionkit.qoder.model.SessionError;
import dev.sessionkit.qoder.model.SessionErrorEvent;
import dev.sessionkit.qoder.model.SessionErrorType;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatus;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.SessionStatusRescheduledEvent;
import dev.sessionkit.qoder.model.SessionStatusRunningEvent;
import dev.sessionkit.qoder.model.SpanModelRequestEndEvent;
import dev.sessionkit.qoder.model.SpanModelRequestStartEvent;
import dev.sessionkit.qoder.model.StopReason;
import dev.sessionkit.qoder.model.StopReasonType;
import dev.sessionkit.qoder.model.TerminatedEvent;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.TurnStatus;
import dev.sessionkit.qoder.model.Usage;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * The peer "hand-written Moshi decoder": one pass over a {@link JsonReader} with
 * {@link JsonReader.Options}, every field of every variant read into locals, the variant chosen from
 * {@code type} at the end, and timestamps parsed with {@code OffsetDateTime.parse}. It builds the
 * SDK's own records, so its results compare equal to the SDK's. It knows only the documented
 * variants (the sandbox serves no others) and makes none of the SDK's checks.
 */
public final class HandWritten {
  private HandWritten() {}

  // ---------------------------------------------------------------- Qoder

  private static final JsonReader.Options QODER_PAGE = JsonReader.Options.of("data", "first_id", "last_id", "has_more");
  private static final JsonReader.Options QODER_EVENT = JsonReader.Options.of("id", "type", "session_id", "turn_id",
      "schema_version", "created_at", "processed_at", "content", "status", "usage", "stop_reason", "error",
      "details", "retry_status", "name", "input", "tool_use_id", "is_error");
  private static final JsonReader.Options TYPE_TEXT = JsonReader.Options.of("type", "text");
  private static final JsonReader.Options USAGE = JsonReader.Options.of("input_tokens", "output_tokens",
      "cache_read_input_tokens", "cache_creation_input_tokens");
  private static final JsonReader.Options TYPE = JsonReader.Options.of("type");
  private static final JsonReader.Options MESSAGE_TYPE = JsonReader.Options.of("message", "type");
  private static final JsonReader.Options MESSAGE_NAME = JsonReader.Options.of("message", "name");

  /** Decodes one Qoder events page. */
  public static SessionEventList qoderPage(BufferedSource source) throws IOException {
    try (JsonReader r = JsonReader.of(source)) {
      List<SessionEvent> data = new ArrayList<>();
      String firstId = null;
      String lastId = null;
      Boolean hasMore = null;
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(QODER_PAGE)) {
          case 0 -> {
            r.beginArray();
            while (r.hasNext()) data.add(qoderEvent(r));
            r.endArray();
          }
          case 1 -> firstId = string(r);
          case 2 -> lastId = string(r);
          case 3 -> hasMore = r.nextBoolean();
          default -> skip(r);
        }
      }
      r.endObject();
      return new SessionEventList(data, firstId, lastId, hasMore);
    }
  }

  private static SessionEvent qoderEvent(JsonReader r) throws IOException {
    String id = null, type = null, sessionId = null, turnId = null, schemaVersion = null, text = null;
    OffsetDateTime createdAt = null, processedAt = null;
    List<ContentBlock> blocks = null;
    String status = null;
    String name = null, toolUseId = null;
    JsonValue input = null;
    Boolean isError = null;
    Usage usage = null;
    StopReason stopReason = null;
    SessionError error = null;
    ErrorDetails details = null;
    RetryStatus retryStatus = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(QODER_EVENT)) {
        case 0 -> id = string(r);
        case 1 -> type = string(r);
        case 2 -> sessionId = string(r);
        case 3 -> turnId = string(r);
        case 4 -> schemaVersion = string(r);
        case 5 -> createdAt = timestamp(r);
        case 6 -> processedAt = timestamp(r);
        case 7 -> {
          if (r.peek() == JsonReader.Token.BEGIN_ARRAY) {
            blocks = new ArrayList<>();
            r.beginArray();
            while (r.hasNext()) blocks.add(textBlock(r));
            r.endArray();
          } else {
            text = string(r);
          }
        }
        case 8 -> status = string(r);
        case 9 -> usage = usage(r);
        case 10 -> {
          String s = typeObject(r);
          stopReason = s == null ? null : new StopReason(StopReasonType.of(s));
        }
        case 11 -> error = sessionError(r);
        case 12 -> details = errorDetails(r);
        case 13 -> {
          String s = typeObject(r);
          retryStatus = s == null ? null : new RetryStatus(RetryStatusType.of(s));
        }
        case 14 -> name = string(r);
        case 15 -> input = raw(r);
        case 16 -> toolUseId = string(r);
        case 17 -> isError = r.peek() == JsonReader.Token.NULL ? r.nextNull() : r.nextBoolean();
        default -> skip(r);
      }
    }
    r.endObject();
    if (type == null) throw new IllegalStateException("no type");
    return switch (type) {
      case "user.message" -> new UserMessageEvent(id, type, sessionId, turnId, schemaVersion, createdAt, processedAt,
          text != null ? new UserMessageContent.OfString(text)
              : blocks != null ? new UserMessageContent.OfContentBlockList(blocks) : null);
      case "agent.message" -> new AgentMessageEvent(id, type, sessionId, turnId, schemaVersion, createdAt, processedAt, blocks);
      case "agent.thinking" -> new AgentThinkingEvent(id, type, sessionId, turnId, schemaVersion, createdAt, processedAt,
          null, null);
      case "session.error" -> new SessionErrorEvent(id, type, sessionId, turnId, schemaVersion, createdAt, processedAt,
          error, details, retryStatus);
      case "session.status_idle" -> new SessionStatusIdleEvent(id, type, sessionId, turnId, schemaVersion, createdAt,
          processedAt, status == null ? null : SessionStatus.of(status), usage, stopReason);
      case "session.status_running" -> new SessionStatusRunningEvent(id, type, sessionId, null, turnId, schemaVersion,
          createdAt, processedAt, status == null ? null : TurnStatus.of(status));
      case "agent.tool_use" -> new AgentToolUseEvent(id, type, sessionId, null, turnId, schemaVersion, createdAt,
          processedAt, name, input, toolUseId, null, null, null, null);
      case "agent.tool_result" -> new AgentToolResultEvent(id, type, sessionId, null, turnId, schemaVersion, createdAt,
          processedAt, toolUseId, blocks, isError, text);
      case "session.status_rescheduled" -> new SessionStatusRescheduledEvent(id, type, sessionId, turnId, schemaVersion,
          createdAt, processedAt);
      case "span.model_request_start" -> new SpanModelRequestStartEvent(id, type, sessionId, turnId, schemaVersion,
          createdAt, processedAt);
      case "span.model_request_end" -> new SpanModelRequestEndEvent(id, type, sessionId, turnId, schemaVersion,
          createdAt, processedAt);
      case "terminated" -> new TerminatedEvent(id, type, sessionId, turnId, schemaVersion, createdAt, processedAt);
      default -> throw new IllegalStateException("the hand-written peer knows no event type " + type);
    };
  }

  private static TextBlock textBlock(JsonReader r) throws IOException {
    String type = null, text = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(TYPE_TEXT)) {
        case 0 -> type = string(r);
        case 1 -> text = string(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new TextBlock(type, text);
  }

  private static @Nullable Usage usage(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) return r.nextNull();
    Long input = null, output = null, cacheRead = null, cacheCreation = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(USAGE)) {
        case 0 -> input = longValue(r);
        case 1 -> output = longValue(r);
        case 2 -> cacheRead = longValue(r);
        case 3 -> cacheCreation = longValue(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new Usage(input, output, cacheRead, cacheCreation);
  }

  /** Reads {@code {"type": "..."}} and returns the type. */
  private static @Nullable String typeObject(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) return r.nextNull();
    String type = null;
    r.beginObject();
    while (r.hasNext()) {
      if (r.selectName(TYPE) == 0) type = string(r);
      else skip(r);
    }
    r.endObject();
    return type;
  }

  private static @Nullable SessionError sessionError(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) return r.nextNull();
    String message = null, type = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(MESSAGE_TYPE)) {
        case 0 -> message = string(r);
        case 1 -> type = string(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new SessionError(message, type == null ? null : SessionErrorType.of(type));
  }

  private static @Nullable ErrorDetails errorDetails(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) return r.nextNull();
    String message = null, name = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(MESSAGE_NAME)) {
        case 0 -> message = string(r);
        case 1 -> name = string(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new ErrorDetails(message, name);
  }

  // ---------------------------------------------------------------- Agents API v2

  private static final JsonReader.Options AGENTS_PAGE = JsonReader.Options.of("events", "metadata");
  private static final JsonReader.Options AGENTS_METADATA = JsonReader.Options.of("page_key", "total_count");
  private static final JsonReader.Options AGENTS_EVENT = JsonReader.Options.of("id", "session_key", "type", "content",
      "messages", "tool_call_id", "tool_configuration", "tool_configuration_name", "tool_name", "tool_input",
      "tool_output", "error", "created_at");
  private static final JsonReader.Options TYPE_CONTENT = JsonReader.Options.of("type", "content");

  /** Decodes one Agents API v2 events page. */
  public static ListAgentEventsResponse agentsPage(BufferedSource source) throws IOException {
    try (JsonReader r = JsonReader.of(source)) {
      List<AgentEvent> events = new ArrayList<>();
      ListMetadata metadata = null;
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(AGENTS_PAGE)) {
          case 0 -> {
            r.beginArray();
            while (r.hasNext()) events.add(agentEvent(r));
            r.endArray();
          }
          case 1 -> {
            if (r.peek() == JsonReader.Token.NULL) {
              r.nextNull();
            } else {
              String pageKey = null;
              Long total = null;
              r.beginObject();
              while (r.hasNext()) {
                switch (r.selectName(AGENTS_METADATA)) {
                  case 0 -> pageKey = string(r);
                  case 1 -> total = longValue(r);
                  default -> skip(r);
                }
              }
              r.endObject();
              metadata = new ListMetadata(pageKey, total);
            }
          }
          default -> skip(r);
        }
      }
      r.endObject();
      return new ListAgentEventsResponse(events, metadata);
    }
  }

  private static AgentEvent agentEvent(JsonReader r) throws IOException {
    String id = null, sessionKey = null, type = null, content = null, toolCallId = null, toolConfiguration = null,
        toolConfigurationName = null, toolName = null;
    List<AgentInput> messages = null;
    JsonValue toolInput = null, toolOutput = null;
    Boolean error = null;
    OffsetDateTime createdAt = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(AGENTS_EVENT)) {
        case 0 -> id = string(r);
        case 1 -> sessionKey = string(r);
        case 2 -> type = string(r);
        case 3 -> content = string(r);
        case 4 -> {
          messages = new ArrayList<>();
          r.beginArray();
          while (r.hasNext()) messages.add(textInput(r));
          r.endArray();
        }
        case 5 -> toolCallId = string(r);
        case 6 -> toolConfiguration = string(r);
        case 7 -> toolConfigurationName = string(r);
        case 8 -> toolName = string(r);
        case 9 -> toolInput = raw(r);
        case 10 -> toolOutput = raw(r);
        case 11 -> error = r.peek() == JsonReader.Token.NULL ? r.nextNull() : r.nextBoolean();
        case 12 -> createdAt = timestamp(r);
        default -> skip(r);
      }
    }
    r.endObject();
    if (type == null) throw new IllegalStateException("no type");
    return switch (type) {
      case "agent_output" -> new AgentOutputEvent(id, sessionKey, type, content, createdAt);
      case "input_message" -> new InputMessageEvent(id, sessionKey, type, messages, createdAt);
      case "thinking" -> new ThinkingEvent(id, sessionKey, type, content, createdAt);
      case "tool_input" -> new ToolInputEvent(id, sessionKey, type, toolCallId, toolConfiguration, toolConfigurationName,
          toolName, toolInput, createdAt);
      case "tool_output" -> new ToolOutputEvent(id, sessionKey, type, toolCallId, toolConfiguration,
          toolConfigurationName, toolName, toolOutput, error, createdAt);
      default -> throw new IllegalStateException("the hand-written peer knows no event type " + type);
    };
  }

  private static TextInput textInput(JsonReader r) throws IOException {
    String type = null, content = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(TYPE_CONTENT)) {
        case 0 -> type = string(r);
        case 1 -> content = string(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new TextInput(type, content);
  }

  // ---------------------------------------------------------------- Piper

  private static final JsonReader.Options PIPER_RESPONSE = JsonReader.Options.of("session", "runs");
  private static final JsonReader.Options PIPER_SESSION = JsonReader.Options.of("session_id", "agent_id",
      "organization_id", "channel_id", "channel_external_session_id", "channel_external_user_id", "is_test",
      "created_at", "updated_at");
  private static final JsonReader.Options PIPER_RUN = JsonReader.Options.of("id", "session_id", "created_at",
      "updated_at", "events", "model_name", "total_input_tokens", "total_output_tokens", "total_cost_usd",
      "total_requests");
  private static final JsonReader.Options PIPER_EVENT = JsonReader.Options.of("id", "run_id", "event_type",
      "created_at", "role", "content", "tool_name", "tool_call_id", "tool_arguments", "parent_tool_call_id",
      "reasoning_effort", "latency_ms", "error_code", "error_message", "model_name", "provider_name", "input_tokens",
      "output_tokens", "cache_read_tokens", "cache_write_tokens", "cost_usd", "code_executed", "printed_output");

  /** Decodes one Piper session with all its runs and events. */
  public static SessionEventsResponse piperSession(BufferedSource source) throws IOException {
    try (JsonReader r = JsonReader.of(source)) {
      SessionResponse session = null;
      List<RunResponse> runs = new ArrayList<>();
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(PIPER_RESPONSE)) {
          case 0 -> session = piperSessionHead(r);
          case 1 -> {
            r.beginArray();
            while (r.hasNext()) runs.add(piperRun(r));
            r.endArray();
          }
          default -> skip(r);
        }
      }
      r.endObject();
      return new SessionEventsResponse(session, runs);
    }
  }

  private static SessionResponse piperSessionHead(JsonReader r) throws IOException {
    String sessionId = null, agentId = null, organizationId = null, channelId = null, externalSession = null,
        externalUser = null;
    Boolean isTest = null;
    OffsetDateTime createdAt = null, updatedAt = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PIPER_SESSION)) {
        case 0 -> sessionId = string(r);
        case 1 -> agentId = string(r);
        case 2 -> organizationId = string(r);
        case 3 -> channelId = string(r);
        case 4 -> externalSession = string(r);
        case 5 -> externalUser = string(r);
        case 6 -> isTest = r.nextBoolean();
        case 7 -> createdAt = timestamp(r);
        case 8 -> updatedAt = timestamp(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new SessionResponse(sessionId, agentId, organizationId, channelId, externalSession, externalUser, isTest,
        createdAt, updatedAt);
  }

  private static RunResponse piperRun(JsonReader r) throws IOException {
    String id = null, sessionId = null, modelName = null;
    OffsetDateTime createdAt = null, updatedAt = null;
    List<EventResponse> events = new ArrayList<>();
    Long inputTokens = null, outputTokens = null, requests = null;
    BigDecimal cost = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PIPER_RUN)) {
        case 0 -> id = string(r);
        case 1 -> sessionId = string(r);
        case 2 -> createdAt = timestamp(r);
        case 3 -> updatedAt = timestamp(r);
        case 4 -> {
          r.beginArray();
          while (r.hasNext()) events.add(piperEvent(r));
          r.endArray();
        }
        case 5 -> modelName = string(r);
        case 6 -> inputTokens = longValue(r);
        case 7 -> outputTokens = longValue(r);
        case 8 -> cost = decimal(r);
        case 9 -> requests = longValue(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new RunResponse(id, sessionId, createdAt, updatedAt, events, modelName, inputTokens, outputTokens, cost,
        requests);
  }

  private static EventResponse piperEvent(JsonReader r) throws IOException {
    String id = null, runId = null, content = null, toolName = null, toolCallId = null, parentToolCallId = null,
        errorCode = null, errorMessage = null, modelName = null, providerName = null, codeExecuted = null,
        printedOutput = null;
    EventType eventType = null;
    EventRole role = null;
    ReasoningEffort effort = null;
    OffsetDateTime createdAt = null;
    JsonValue toolArguments = null;
    Long latency = null, inputTokens = null, outputTokens = null, cacheRead = null, cacheWrite = null;
    BigDecimal cost = null;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.selectName(PIPER_EVENT)) {
        case 0 -> id = string(r);
        case 1 -> runId = string(r);
        case 2 -> {
          String s = string(r);
          eventType = s == null ? null : EventType.of(s);
        }
        case 3 -> createdAt = timestamp(r);
        case 4 -> {
          String s = string(r);
          role = s == null ? null : EventRole.of(s);
        }
        case 5 -> content = string(r);
        case 6 -> toolName = string(r);
        case 7 -> toolCallId = string(r);
        case 8 -> toolArguments = raw(r);
        case 9 -> parentToolCallId = string(r);
        case 10 -> {
          String s = string(r);
          effort = s == null ? null : ReasoningEffort.of(s);
        }
        case 11 -> latency = longValue(r);
        case 12 -> errorCode = string(r);
        case 13 -> errorMessage = string(r);
        case 14 -> modelName = string(r);
        case 15 -> providerName = string(r);
        case 16 -> inputTokens = longValue(r);
        case 17 -> outputTokens = longValue(r);
        case 18 -> cacheRead = longValue(r);
        case 19 -> cacheWrite = longValue(r);
        case 20 -> cost = decimal(r);
        case 21 -> codeExecuted = string(r);
        case 22 -> printedOutput = string(r);
        default -> skip(r);
      }
    }
    r.endObject();
    return new EventResponse(id, runId, eventType, createdAt, role, content, toolName, toolCallId, toolArguments,
        parentToolCallId, effort, latency, errorCode, errorMessage, modelName, providerName, inputTokens, outputTokens,
        cacheRead, cacheWrite, cost, codeExecuted, printedOutput);
  }

  // ---------------------------------------------------------------- scalars

  private static @Nullable String string(JsonReader r) throws IOException {
    return r.peek() == JsonReader.Token.NULL ? r.nextNull() : r.nextString();
  }

  private static @Nullable Long longValue(JsonReader r) throws IOException {
    return r.peek() == JsonReader.Token.NULL ? r.nextNull() : Long.valueOf(r.nextLong());
  }

  private static @Nullable BigDecimal decimal(JsonReader r) throws IOException {
    return r.peek() == JsonReader.Token.NULL ? r.nextNull() : new BigDecimal(r.nextString());
  }

  private static @Nullable OffsetDateTime timestamp(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) return r.nextNull();
    return OffsetDateTime.parse(r.nextString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static @Nullable JsonValue raw(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) return r.nextNull();
    try (BufferedSource value = r.nextSource()) {
      return new JsonValue(value.readUtf8());
    }
  }

  private static void skip(JsonReader r) throws IOException {
    r.skipName();
    r.skipValue();
  }
}
