package dev.sessionkit.pipecat;

import dev.sessionkit.core.Checks;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.pipecat.internal.SessionsApi;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;

/**
 * Pipecat Cloud's session operations: {@code GET /agents/{agentName}/sessions/{sessionId}}. Every
 * method checks its arguments against the spec before any request is sent: the agent name must be
 * one non-empty path segment (no {@code /}), the session id a UUID.
 */
public final class SessionsService {
  private final Transport transport;
  private final SessionsApi api;
  private final WithRawResponse withRawResponse;

  SessionsService(Transport transport, SessionsApi api) {
    this.transport = transport;
    this.api = api;
    this.withRawResponse = new WithRawResponse();
  }

  /**
   * Returns the details of one session of an agent: timing, completion status, resource metrics (if
   * available) and Daily meeting IDs.
   *
   * @param agentName the agent's name, non-empty and without {@code /}
   * @param sessionId the session's UUID, for example {@code 800d444a-e67e-4686-afb3-b0de509cccb3}
   * @throws IllegalArgumentException if an argument breaks the spec's pattern (nothing is sent)
   * @throws dev.sessionkit.errors.AuthenticationException if the API key is invalid or expired (401)
   * @throws dev.sessionkit.errors.NotFoundException if the agent or the session does not exist (404)
   */
  public SessionDetails get(String agentName, String sessionId) {
    return withRawResponse.get(agentName, sessionId).body();
  }

  /** Returns the details of one session of an agent without blocking; see {@link #get(String, String)}. */
  public CompletableFuture<SessionDetails> getAsync(String agentName, String sessionId) {
    return transport.executeAsync(() -> call(agentName, sessionId));
  }

  /** Returns the same operations, answering with the status, headers and request id beside the body. */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  private Call<SessionDetails> call(String agentName, String sessionId) {
    Checks.requirePattern("agentName", agentName, SessionsApi.GET_SESSION_AGENT_NAME_PATTERN);
    Checks.requirePattern("sessionId", sessionId, SessionsApi.GET_SESSION_SESSION_ID_PATTERN);
    // Sent exactly as given, like every id in sessionkit: the pattern accepts either case.
    return api.getSession(agentName, sessionId);
  }

  /** Pipecat Cloud's session operations with raw responses. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** Returns the details of one session with the response's status, headers and request id; see {@link SessionsService#get}. */
    public RawResponse<SessionDetails> get(String agentName, String sessionId) {
      return transport.execute(call(agentName, sessionId));
    }
  }
}
