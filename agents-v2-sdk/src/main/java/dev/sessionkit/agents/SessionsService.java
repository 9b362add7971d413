package dev.sessionkit.agents;

import dev.sessionkit.agents.internal.EventsApi;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ListMetadata;
import dev.sessionkit.core.AutoPager;
import dev.sessionkit.core.Checks;
import dev.sessionkit.core.Page;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.http.Transport;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import retrofit2.Call;

/**
 * Agent session operations: {@code GET /v2/agents/{agent_key}/sessions/{session_key}/events}, one
 * page at a time or auto-paged over {@code page_key}. Every method checks its arguments against the
 * spec (key patterns, limit 1..100) before any request is sent.
 */
public final class SessionsService {
  private final Transport transport;
  private final EventsApi api;
  private final WithRawResponse withRawResponse;

  SessionsService(Transport transport, EventsApi api) {
    this.transport = transport;
    this.api = api;
    this.withRawResponse = new WithRawResponse();
  }

  /** Returns the first page of a session's events, in chronological order, at the server's default page size. */
  public ListAgentEventsResponse events(String agentKey, String sessionKey) {
    return events(agentKey, sessionKey, EventListParams.NONE);
  }

  /** Returns one page of a session's events, in chronological order: the first, or the one {@code params.pageKey()} names. */
  public ListAgentEventsResponse events(String agentKey, String sessionKey, EventListParams params) {
    return withRawResponse.events(agentKey, sessionKey, params).body();
  }

  /** Returns one page of a session's events without blocking; invalid arguments fail the future. */
  public CompletableFuture<ListAgentEventsResponse> eventsAsync(String agentKey, String sessionKey,
      EventListParams params) {
    return transport.executeAsync(() -> call(agentKey, sessionKey, params));
  }

  /** Returns every event of a session, in chronological order, fetched lazily one page at a time. */
  public AutoPager<AgentEvent> iterateEvents(String agentKey, String sessionKey) {
    return iterateEvents(agentKey, sessionKey, EventListParams.NONE);
  }

  /**
   * Returns every event from {@code params.pageKey()} on (from the first page when it is null),
   * fetched lazily one page at a time with {@code params.limit()} as each page's size.
   *
   * <p>Each next page is requested with {@code page_key} = the previous page's
   * {@code metadata.page_key}; paging stops when a page returns none (absent, null or empty). A
   * server that hands back a page key already followed fails with a
   * {@link dev.sessionkit.errors.PaginationException} instead of looping.
   */
  public AutoPager<AgentEvent> iterateEvents(String agentKey, String sessionKey, EventListParams params) {
    validAgentKey(agentKey);
    validSessionKey(sessionKey);
    Objects.requireNonNull(params, "params == null");
    return new AutoPager<>(params.pageKey(), pageKey -> {
      ListAgentEventsResponse page = events(agentKey, sessionKey, params.toBuilder().pageKey(pageKey).build());
      return new Page<>(page.events(), nextPageKey(page).orElse(null));
    });
  }

  /** Returns every event of a session as a lazy stream, oldest first; see {@link #iterateEvents(String, String)}. */
  public Stream<AgentEvent> streamEvents(String agentKey, String sessionKey) {
    return iterateEvents(agentKey, sessionKey).stream();
  }

  /** Returns every event of a session as a lazy stream; see {@link #iterateEvents(String, String, EventListParams)}. */
  public Stream<AgentEvent> streamEvents(String agentKey, String sessionKey, EventListParams params) {
    return iterateEvents(agentKey, sessionKey, params).stream();
  }

  /** Returns the page key of the page after {@code page}, or empty when {@code page} is the last one. */
  public static Optional<String> nextPageKey(ListAgentEventsResponse page) {
    ListMetadata metadata = page.metadata();
    String key = metadata == null ? null : metadata.pageKey();
    return key == null || key.isEmpty() ? Optional.empty() : Optional.of(key);
  }

  /** Returns the same operations, answering with the status, headers and request id beside the body. */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  private Call<ListAgentEventsResponse> call(String agentKey, String sessionKey, EventListParams params) {
    Objects.requireNonNull(params, "params == null");
    return api.listAgentEvents(validAgentKey(agentKey), validSessionKey(sessionKey), params.limit(), params.pageKey());
  }

  private static String validAgentKey(String agentKey) {
    return Checks.requirePattern("agentKey", agentKey, EventsApi.LIST_AGENT_EVENTS_AGENT_KEY_PATTERN);
  }

  private static String validSessionKey(String sessionKey) {
    return Checks.requirePattern("sessionKey", sessionKey, EventsApi.LIST_AGENT_EVENTS_SESSION_KEY_PATTERN);
  }

  /** Agent session operations with raw responses. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** Returns one page of a session's events with the response's status, headers and request id. */
    public RawResponse<ListAgentEventsResponse> events(String agentKey, String sessionKey, EventListParams params) {
      return transport.execute(call(agentKey, sessionKey, params));
    }
  }
}
