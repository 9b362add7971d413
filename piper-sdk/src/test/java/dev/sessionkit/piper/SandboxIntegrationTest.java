package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SandboxSession;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The Piper client end to end against the sandbox: runs and events, scenario runs, retries, typed errors. */
class SandboxIntegrationTest {
  private static PiperClient client(Sandbox sandbox) {
    return PiperClient.builder().fromEnv(sandbox.environment()).build();
  }

  @Test
  void readsAGeneratedSessionsRunsWithTheDefaultOrg() {
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxSession generated = sandbox.session("piper", 10);
      assertEquals("00000000-0000-4000-a000-000000000010", generated.id());
      SessionEventsResponse response = client(sandbox).sessions().events(generated.id());
      assertEquals(2, response.runs().size(), "runs of five events, as the scenario's turn has them");
      assertEquals(10, RunEventsView.of(response).size());
      RecordedRequest request = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/piper/v1/orgs/3c90c3cc-0d44-4b50-8888-8dd25736052a/responses/sessions/00000000-0000-4000-a000-000000000010/events",
          request.getTarget());
      assertEquals("Bearer " + sandbox.credential("piper"), request.getHeaders().get("Authorization"));
    }
  }

  @Test
  void findsTheScenarioRunOfASessionOrNone() {
    try (Sandbox sandbox = Sandbox.start()) {
      PiperClient client = client(sandbox);
      ScenarioRunDetail run = client.scenarioRuns().findBySession("00000000-0000-4000-a000-000000000012").orElseThrow();
      assertEquals("passed", run.status().value());
      assertTrue(run.turnResults().size() > 1);
      assertTrue(client.scenarioRuns().findBySession("00000000-0000-4000-a000-000000000000").isEmpty());
      sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/piper/v1/orgs/3c90c3cc-0d44-4b50-8888-8dd25736052a/scenarios/runs/by-session/00000000-0000-4000-a000-000000000000",
          sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
  }

  @Test
  void retriesA503AndA429ThenSucceeds() {
    FaultPlan plan = FaultPlan.builder().script(Fault.SERVER_ERROR, Fault.RATE_LIMITED).rateLimited(0, Duration.ZERO).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      RawResponse<SessionEventsResponse> raw = client(sandbox).sessions().withRawResponse()
          .events("3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a");
      assertEquals(3, raw.attempts());
      assertEquals(1, raw.body().runs().size());
    }
  }

  @Test
  void anUnknownSessionIsATypedNotFoundWithFastApisDetail() {
    try (Sandbox sandbox = Sandbox.start()) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> client(sandbox).sessions().events("00000000-0000-0000-0000-000000000000"));
      assertEquals("Session not found", e.errorMessage());
    }
  }

  @Test
  void aWrongTokenIsATypedAuthenticationError() {
    try (Sandbox sandbox = Sandbox.start()) {
      PiperClient client = PiperClient.builder().token("pat_wrong")
          .baseUrl(sandbox.environment().get(PiperClient.BASE_URL_ENV)).build();
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.scenarioRuns().bySession("3c90c3cc-0d44-4b50-8888-8dd25736052a", "3c90c3cc-0d44-4b50-8888-8dd25736052a"));
      assertEquals("Invalid or expired token", e.errorMessage());
    }
  }
}
