package dev.sessionkit.piper;

import dev.sessionkit.core.Checks;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.core.http.Transport;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.piper.internal.ScenariosApi;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Piper's scenario run operations: {@code GET /v1/orgs/{org_id}/scenarios/runs/by-session/{session_id}},
 * the scenario run of a session with its turn and criteria results. Every method checks that the
 * ids are UUIDs before any request is sent.
 */
public final class ScenarioRunsService {
  private final Transport transport;
  private final ScenariosApi api;
  private final @Nullable String defaultOrgId;
  private final WithRawResponse withRawResponse;

  ScenarioRunsService(Transport transport, ScenariosApi api, @Nullable String defaultOrgId) {
    this.transport = transport;
    this.api = api;
    this.defaultOrgId = defaultOrgId;
    this.withRawResponse = new WithRawResponse();
  }

  /**
   * Returns the scenario run of a session, with its turn results and their criteria results.
   *
   * @throws IllegalArgumentException if {@code orgId} or {@code sessionId} is not a UUID (nothing is sent)
   * @throws NotFoundException if no scenario run exists for this session (the documented 404)
   */
  public ScenarioRunDetail bySession(String orgId, String sessionId) {
    return withRawResponse.bySession(orgId, sessionId).body();
  }

  /**
   * Returns the scenario run of a session in the client's default organization; see
   * {@link #bySession(String, String)}.
   *
   * @throws IllegalStateException if the client has no default organization id
   */
  public ScenarioRunDetail bySession(String sessionId) {
    return bySession(DefaultOrg.require(defaultOrgId), sessionId);
  }

  /**
   * Returns the scenario run of a session, or empty when the server answers 404, which Piper
   * documents as "no scenario run exists for this session". Every other failure is thrown as by
   * {@link #bySession(String, String)}.
   *
   * @throws IllegalArgumentException if {@code orgId} or {@code sessionId} is not a UUID (nothing is sent)
   */
  public Optional<ScenarioRunDetail> findBySession(String orgId, String sessionId) {
    Call<ScenarioRunDetail> call = call(orgId, sessionId);
    try {
      return Optional.of(transport.execute(call).body());
    } catch (NotFoundException noScenarioRun) {
      return Optional.empty();
    }
  }

  /**
   * Returns the scenario run of a session in the client's default organization, or empty on 404;
   * see {@link #findBySession(String, String)}.
   *
   * @throws IllegalStateException if the client has no default organization id
   */
  public Optional<ScenarioRunDetail> findBySession(String sessionId) {
    return findBySession(DefaultOrg.require(defaultOrgId), sessionId);
  }

  /** Returns the scenario run of a session without blocking; the future fails with the same exceptions. */
  public CompletableFuture<ScenarioRunDetail> bySessionAsync(String orgId, String sessionId) {
    return transport.executeAsync(() -> call(orgId, sessionId));
  }

  /**
   * Returns the scenario run of a session in the client's default organization without blocking;
   * without a default organization the future fails with an {@link IllegalStateException}.
   */
  public CompletableFuture<ScenarioRunDetail> bySessionAsync(String sessionId) {
    return transport.executeAsync(() -> call(DefaultOrg.require(defaultOrgId), sessionId));
  }

  /** Returns the same operations, answering with the status, headers and request id beside the body. */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  private Call<ScenarioRunDetail> call(String orgId, String sessionId) {
    Checks.requirePattern("orgId", orgId, ScenariosApi.GET_SCENARIO_RUN_BY_SESSION_ORG_ID_PATTERN);
    Checks.requirePattern("sessionId", sessionId, ScenariosApi.GET_SCENARIO_RUN_BY_SESSION_SESSION_ID_PATTERN);
    return api.getScenarioRunBySession(orgId, sessionId);
  }

  /** Piper's scenario run operations with raw responses. */
  public final class WithRawResponse {
    private WithRawResponse() {}

    /** Returns the scenario run of a session with the response's status, headers and request id. */
    public RawResponse<ScenarioRunDetail> bySession(String orgId, String sessionId) {
      return transport.execute(call(orgId, sessionId));
    }
  }
}
