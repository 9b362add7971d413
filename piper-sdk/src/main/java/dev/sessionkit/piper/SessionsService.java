package dev.sessionkit.piper;

import dev.sessionkit.core.Checks;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.piper.internal.SessionsApi;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Piper's session operations: {@code GET /v1/orgs/{org_id}/responses/sessions/{session_id}/events},
 * a session's metadata and all of its runs with their events. Every method checks that the ids are
 * UUIDs before any request is sent.
 */
public final class SessionsService {
  private final Transport transport;
  private final SessionsApi api;
  private final @Nullable String defaultOrgId;
  private final WithRawResponse withRawResponse;

  SessionsService(Transport transport, SessionsApi api, @Nullable String defaultOrgId) {
    this.transport = transport;
    this.api = api;
    this.defaultOrgId = defaultOrgId;
    this.withRawResponse = new WithRawResponse();
  }

  /**
   * Returns a session's metadata and all of its runs, each with its events in order and its totals.
   *
   * <p>{@link RunEventsView#of} reads the events of all runs as one list, without copying them.
   *
   * @throws IllegalArgumentException if {@code orgId} or {@code sessionId} is not a UUID (nothing is sent)
   * @throws dev.sessionkit.errors.NotFoundException if the session does not exist
   */
  public SessionEventsResponse events(String orgId, String sessionId) {
    return withRawResponse.events(orgId, sessionId).body();
  }

  /**
   * Returns a session's metadata and runs in the client's default organization; see
   * {@link #events(String, String)}.
   *
   * @throws IllegalStateException if the client has no default organization id
   */
  public SessionEventsResponse events(String sessionId) {
    return events(DefaultOrg.require(defaultOrgId), sessionId);
  }

  /** Returns a session's metadata and runs without blocking; the future fails with the same exceptions. */
  public CompletableFuture<SessionEventsResponse> eventsAsync(String orgId, String sessionId) {
    return transport.executeAsync(() -> call(orgId, sessionId));
  }

  /**
   * Returns the session's runs and events in the client's default organization without blocking;
   * without a default organization the future fails with an {@link IllegalStateException}.
   */
  public CompletableFuture<SessionEventsResponse> eventsAsync(String sessionId) {
    return transport.executeAsync(() -> call(DefaultOrg.require(defaultOrgId), sessionId));
  }

  /** Returns the same operations, answering with the status, headers and request id beside the body. */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  private Call<SessionEventsResponse> call(String orgId, String sessionId) {
    Checks.requirePattern("orgId", orgId, SessionsApi.GET_SESSION_EVENTS_ORG_ID_PATTERN);
    Checks.requirePattern("sessionId", sessionId, SessionsApi.GET_SESSION_EVENTS_SESSION_ID_PATTERN);
    return api.getSessionEvents(orgId, sessionId);
  }

  /** Piper's session operations with raw responses. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** Returns a session's metadata and runs with the response's status, headers and request id. */
    public RawResponse<SessionEventsResponse> events(String orgId, String sessionId) {
      return transport.execute(call(orgId, sessionId));
    }
  }
}
