package dev.sessionkit.qoder;

import dev.sessionkit.core.AutoPager;
import dev.sessionkit.core.Checks;
import dev.sessionkit.core.Page;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.qoder.internal.EventsApi;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import retrofit2.Call;

/**
 * Qoder's session operations: {@code GET /v1/sessions/{session_id}/events}, one page at a time or
 * auto-paged. Every method checks its arguments against the spec before any request is sent.
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

  /** Returns the first page of a session's events, oldest first, at the server's default page size. */
  public SessionEventList events(String sessionId) {
    return events(sessionId, EventListParams.NONE);
  }

  /** Returns one page of a session's events, oldest first. */
  public SessionEventList events(String sessionId, EventListParams params) {
    return withRawResponse.events(sessionId, params).body();
  }

  /** Returns one page of a session's events without blocking. */
  public CompletableFuture<SessionEventList> eventsAsync(String sessionId, EventListParams params) {
    return transport.executeAsync(() -> call(sessionId, params));
  }

  /** Returns every event of a session, oldest first, fetched lazily one page at a time. */
  public AutoPager<SessionEvent> iterateEvents(String sessionId) {
    return iterateEvents(sessionId, EventListParams.NONE);
  }

  /**
   * Returns every event from {@code params}' cursor on, fetched lazily one page at a time.
   *
   * <p>Without a cursor, or with {@code afterId}, pages forward: events come oldest first, each
   * next page requested with {@code after_id} = the page's {@code last_id}. With {@code beforeId},
   * pages backward: each next page is requested with {@code before_id} = the page's
   * {@code first_id}, and events come newest first (each page is reversed), so the sequence
   * runs steadily back in time. Paging stops when {@code has_more} is false.
   */
  public AutoPager<SessionEvent> iterateEvents(String sessionId, EventListParams params) {
    validSessionId(sessionId);
    Objects.requireNonNull(params, "params == null");
    boolean backward = params.beforeId() != null;
    String start = backward ? params.beforeId() : params.afterId();
    return new AutoPager<>(start, cursor -> {
      EventListParams pageParams = backward
          ? params.toBuilder().beforeId(cursor).build()
          : params.toBuilder().afterId(cursor).build();
      SessionEventList page = events(sessionId, pageParams);
      List<SessionEvent> items = page.data();
      if (backward) {
        items = new ArrayList<>(items);
        Collections.reverse(items);
      }
      String next = Boolean.TRUE.equals(page.hasMore()) ? (backward ? page.firstId() : page.lastId()) : null;
      return new Page<>(items, next);
    });
  }

  /** Returns every event of a session as a lazy stream, oldest first; see {@link #iterateEvents(String)}. */
  public Stream<SessionEvent> streamEvents(String sessionId) {
    return iterateEvents(sessionId).stream();
  }

  /** Returns every event of a session as a lazy stream; see {@link #iterateEvents(String, EventListParams)}. */
  public Stream<SessionEvent> streamEvents(String sessionId, EventListParams params) {
    return iterateEvents(sessionId, params).stream();
  }

  /** Returns the same operations, answering with the status, headers and request id beside the body. */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  private Call<SessionEventList> call(String sessionId, EventListParams params) {
    Objects.requireNonNull(params, "params == null");
    return api.listSessionEvents(validSessionId(sessionId), params.limit(), params.afterId(), params.beforeId());
  }

  private static String validSessionId(String sessionId) {
    return Checks.requirePattern("sessionId", sessionId, EventsApi.LIST_SESSION_EVENTS_SESSION_ID_PATTERN);
  }

  /** Qoder's session operations with raw responses. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** Returns one page of a session's events with the response's status, headers and request id. */
    public RawResponse<SessionEventList> events(String sessionId, EventListParams params) {
      return transport.execute(call(sessionId, params));
    }
  }
}
