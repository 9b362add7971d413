package dev.sessionkit.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The peer "Jackson databind into records of the same shape": the SDK models' components, names
 * and unions ({@code @JsonTypeInfo} on the {@code type} property), with {@code OffsetDateTime}
 * timestamps that keep their offset, exact {@code BigDecimal}s and raw JSON as {@link JsonNode}.
 * Open enums are plain strings. Unknown fields are ignored, as the SDK's lenient decoding does.
 */
public final class JacksonModels {
  private JacksonModels() {}

  /** A mapper configured like the SDK's lenient decoding. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Reads a Qoder page. */
  public static final ObjectReader QODER = MAPPER.readerFor(QoderPage.class);
  /** Reads an Agents API v2 page. */
  public static final ObjectReader AGENTS = MAPPER.readerFor(AgentsPage.class);
  /** Reads a Piper session. */
  public static final ObjectReader PIPER = MAPPER.readerFor(PiperSession.class);

  // Qoder

  /** {@code SessionEventList}. */
  public record QoderPage(@JsonProperty("data") List<QoderEvent> data, @JsonProperty("first_id") String firstId,
      @JsonProperty("last_id") String lastId, @JsonProperty("has_more") Boolean hasMore) {}

  /** {@code SessionEvent}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
  @JsonSubTypes({
      @JsonSubTypes.Type(value = QoderUserMessage.class, name = "user.message"),
      @JsonSubTypes.Type(value = QoderAgentMessage.class, name = "agent.message"),
      @JsonSubTypes.Type(value = QoderSessionError.class, name = "session.error"),
      @JsonSubTypes.Type(value = QoderIdle.class, name = "session.status_idle"),
      @JsonSubTypes.Type(value = QoderRunning.class, name = "session.status_running"),
      @JsonSubTypes.Type(value = QoderToolUse.class, name = "agent.tool_use"),
      @JsonSubTypes.Type(value = QoderToolResult.class, name = "agent.tool_result"),
      @JsonSubTypes.Type(value = QoderPlain.class, names = {"agent.thinking", "session.status_rescheduled",
          "span.model_request_start", "span.model_request_end", "terminated"}),
  })
  public interface QoderEvent {
    /** The event id. */
    String id();

    /** The creation time. */
    OffsetDateTime createdAt();
  }

  /** {@code UserMessageEvent}. */
  public record QoderUserMessage(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("content") String content)
      implements QoderEvent {}

  /** {@code AgentMessageEvent}. */
  public record QoderAgentMessage(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("content") List<ContentBlock> content)
      implements QoderEvent {}

  /** {@code ContentBlock}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
  @JsonSubTypes(@JsonSubTypes.Type(value = TextBlock.class, name = "text"))
  public interface ContentBlock {}

  /** {@code TextBlock}. */
  public record TextBlock(@JsonProperty("type") String type, @JsonProperty("text") String text) implements ContentBlock {}

  /** {@code SessionErrorEvent}. */
  public record QoderSessionError(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("error") SessionError error,
      @JsonProperty("details") ErrorDetails details, @JsonProperty("retry_status") TypeOnly retryStatus)
      implements QoderEvent {}

  /** {@code SessionError}. */
  public record SessionError(@JsonProperty("message") String message, @JsonProperty("type") String type) {}

  /** {@code ErrorDetails}. */
  public record ErrorDetails(@JsonProperty("message") String message, @JsonProperty("name") String name) {}

  /** {@code RetryStatus}, {@code StopReason}. */
  public record TypeOnly(@JsonProperty("type") String type) {}

  /** {@code SessionStatusIdleEvent}. */
  public record QoderIdle(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("status") String status,
      @JsonProperty("usage") Usage usage, @JsonProperty("stop_reason") TypeOnly stopReason) implements QoderEvent {}

  /** {@code SessionStatusRunningEvent}. */
  public record QoderRunning(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("status") String status)
      implements QoderEvent {}

  /** {@code AgentToolUseEvent}: the tool's input kept as a tree, as the SDK keeps it raw. */
  public record QoderToolUse(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("name") String name,
      @JsonProperty("input") com.fasterxml.jackson.databind.JsonNode input,
      @JsonProperty("tool_use_id") String toolUseId) implements QoderEvent {}

  /** {@code AgentToolResultEvent}. */
  public record QoderToolResult(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt, @JsonProperty("tool_use_id") String toolUseId,
      @JsonProperty("content") List<ContentBlock> content, @JsonProperty("is_error") Boolean isError)
      implements QoderEvent {}

  /** {@code Usage}. */
  public record Usage(@JsonProperty("input_tokens") Long inputTokens, @JsonProperty("output_tokens") Long outputTokens,
      @JsonProperty("cache_read_input_tokens") Long cacheReadInputTokens,
      @JsonProperty("cache_creation_input_tokens") Long cacheCreationInputTokens) {}

  /** The five variants with only the common fields. */
  public record QoderPlain(@JsonProperty("id") String id, @JsonProperty("type") String type,
      @JsonProperty("session_id") String sessionId, @JsonProperty("turn_id") String turnId,
      @JsonProperty("schema_version") String schemaVersion, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("processed_at") OffsetDateTime processedAt) implements QoderEvent {}

  // Agents API v2

  /** {@code ListAgentEventsResponse}. */
  public record AgentsPage(@JsonProperty("events") List<AgentsEvent> events,
      @JsonProperty("metadata") AgentsMetadata metadata) {}

  /** {@code ListMetadata}. */
  public record AgentsMetadata(@JsonProperty("page_key") String pageKey, @JsonProperty("total_count") Long totalCount) {}

  /** {@code AgentEvent}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
  @JsonSubTypes({
      @JsonSubTypes.Type(value = AgentsText.class, names = {"agent_output", "thinking"}),
      @JsonSubTypes.Type(value = AgentsInput.class, name = "input_message"),
      @JsonSubTypes.Type(value = AgentsToolInput.class, name = "tool_input"),
      @JsonSubTypes.Type(value = AgentsToolOutput.class, name = "tool_output"),
  })
  public interface AgentsEvent {
    /** The event id. */
    String id();

    /** The creation time. */
    OffsetDateTime createdAt();
  }

  /** {@code AgentOutputEvent}, {@code ThinkingEvent}. */
  public record AgentsText(@JsonProperty("id") String id, @JsonProperty("session_key") String sessionKey,
      @JsonProperty("type") String type, @JsonProperty("content") String content,
      @JsonProperty("created_at") OffsetDateTime createdAt) implements AgentsEvent {}

  /** {@code InputMessageEvent}. */
  public record AgentsInput(@JsonProperty("id") String id, @JsonProperty("session_key") String sessionKey,
      @JsonProperty("type") String type, @JsonProperty("messages") List<TextInput> messages,
      @JsonProperty("created_at") OffsetDateTime createdAt) implements AgentsEvent {}

  /** {@code TextInput} (the only documented {@code AgentInput}). */
  public record TextInput(@JsonProperty("type") String type, @JsonProperty("content") String content) {}

  /** {@code ToolInputEvent}. */
  public record AgentsToolInput(@JsonProperty("id") String id, @JsonProperty("session_key") String sessionKey,
      @JsonProperty("type") String type, @JsonProperty("tool_call_id") String toolCallId,
      @JsonProperty("tool_configuration") String toolConfiguration,
      @JsonProperty("tool_configuration_name") String toolConfigurationName,
      @JsonProperty("tool_name") String toolName, @JsonProperty("tool_input") JsonNode toolInput,
      @JsonProperty("created_at") OffsetDateTime createdAt) implements AgentsEvent {}

  /** {@code ToolOutputEvent}. */
  public record AgentsToolOutput(@JsonProperty("id") String id, @JsonProperty("session_key") String sessionKey,
      @JsonProperty("type") String type, @JsonProperty("tool_call_id") String toolCallId,
      @JsonProperty("tool_configuration") String toolConfiguration,
      @JsonProperty("tool_configuration_name") String toolConfigurationName,
      @JsonProperty("tool_name") String toolName, @JsonProperty("tool_output") JsonNode toolOutput,
      @JsonProperty("error") Boolean error, @JsonProperty("created_at") OffsetDateTime createdAt)
      implements AgentsEvent {}

  // Piper

  /** {@code SessionEventsResponse}. */
  public record PiperSession(@JsonProperty("session") PiperSessionHead session,
      @JsonProperty("runs") List<PiperRun> runs) {}

  /** {@code SessionResponse}. */
  public record PiperSessionHead(@JsonProperty("session_id") String sessionId, @JsonProperty("agent_id") String agentId,
      @JsonProperty("organization_id") String organizationId, @JsonProperty("channel_id") String channelId,
      @JsonProperty("channel_external_session_id") String channelExternalSessionId,
      @JsonProperty("channel_external_user_id") String channelExternalUserId, @JsonProperty("is_test") Boolean isTest,
      @JsonProperty("created_at") OffsetDateTime createdAt, @JsonProperty("updated_at") OffsetDateTime updatedAt) {}

  /** {@code RunResponse}. */
  public record PiperRun(@JsonProperty("id") String id, @JsonProperty("session_id") String sessionId,
      @JsonProperty("created_at") OffsetDateTime createdAt, @JsonProperty("updated_at") OffsetDateTime updatedAt,
      @JsonProperty("events") List<PiperEvent> events, @JsonProperty("model_name") String modelName,
      @JsonProperty("total_input_tokens") Long totalInputTokens,
      @JsonProperty("total_output_tokens") Long totalOutputTokens,
      @JsonProperty("total_cost_usd") BigDecimal totalCostUsd, @JsonProperty("total_requests") Long totalRequests) {}

  /** {@code EventResponse}. */
  public record PiperEvent(@JsonProperty("id") String id, @JsonProperty("run_id") String runId,
      @JsonProperty("event_type") String eventType, @JsonProperty("created_at") OffsetDateTime createdAt,
      @JsonProperty("role") String role, @JsonProperty("content") String content,
      @JsonProperty("tool_name") String toolName, @JsonProperty("tool_call_id") String toolCallId,
      @JsonProperty("tool_arguments") JsonNode toolArguments,
      @JsonProperty("parent_tool_call_id") String parentToolCallId,
      @JsonProperty("reasoning_effort") String reasoningEffort, @JsonProperty("latency_ms") Long latencyMs,
      @JsonProperty("error_code") String errorCode, @JsonProperty("error_message") String errorMessage,
      @JsonProperty("model_name") String modelName, @JsonProperty("provider_name") String providerName,
      @JsonProperty("input_tokens") Long inputTokens, @JsonProperty("output_tokens") Long outputTokens,
      @JsonProperty("cache_read_tokens") Long cacheReadTokens, @JsonProperty("cache_write_tokens") Long cacheWriteTokens,
      @JsonProperty("cost_usd") BigDecimal costUsd, @JsonProperty("code_executed") String codeExecuted,
      @JsonProperty("printed_output") String printedOutput) {}
}
