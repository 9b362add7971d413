package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.pipecat.model.SessionDetails;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The Pipecat Cloud client end to end against the sandbox: the documented session, metrics, retries, typed errors. */
class SandboxIntegrationTest {
  private static PipecatClient client(Sandbox sandbox) {
    return PipecatClient.builder().fromEnv(sandbox.environment()).build();
  }

  @Test
  void readsTheDocumentedSessionAtItsRealPath() {
    try (Sandbox sandbox = Sandbox.start()) {
      SessionDetails session = client(sandbox).sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
      assertEquals("HTTP_COMPLETED", session.completionStatus().value());
      assertEquals(2, ResourceSamples.of(session).size());
      RecordedRequest request = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/pipecat/v1/agents/my-agent/sessions/800d444a-e67e-4686-afb3-b0de509cccb3", request.getTarget());
      assertEquals("Bearer " + sandbox.credential("pipecat"), request.getHeaders().get("Authorization"));
    }
  }

  @Test
  void readsTheMetricsOfAGeneratedSession() {
    try (Sandbox sandbox = Sandbox.start()) {
      PipecatClient client = client(sandbox);
      SessionDetails session = client.sessions().get("sandbox-agent", "00000000-0000-4000-b000-000000000500");
      assertEquals(500, session.resourceMetrics().sampleCount());
      assertEquals(500, ResourceSamples.of(session).size());
      SessionDetails running = client.sessions().get("sandbox-agent", "00000000-0000-4000-b000-000000000000");
      assertNull(running.resourceMetrics());
      assertNull(running.endedAt());
      assertEquals(0, ResourceSamples.of(running).size());
    }
  }

  @Test
  void retriesADroppedConnectionAndA500ThenSucceeds() {
    FaultPlan plan = FaultPlan.builder().script(Fault.DROPPED_CONNECTION, Fault.SERVER_ERROR).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      RawResponse<SessionDetails> raw = client(sandbox).sessions().withRawResponse()
          .get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
      assertEquals(3, raw.attempts());
      assertEquals("800d444a-e67e-4686-afb3-b0de509cccb3", raw.body().sessionId());
    }
  }

  @Test
  void aServerErrorThatOutlastsTheRetriesIsTypedWithPipecatsBody() {
    FaultPlan plan = FaultPlan.builder().serverErrors(1.0, 500).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      PipecatClient client = PipecatClient.builder().fromEnv(sandbox.environment()).noRetries().build();
      ServerException e = assertThrows(ServerException.class,
          () -> client.sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3"));
      assertEquals(500, e.status());
      assertEquals("500", e.errorCode());
    }
  }

  @Test
  void anUnknownSessionIsATypedNotFound() {
    try (Sandbox sandbox = Sandbox.start()) {
      NotFoundException e = assertThrows(NotFoundException.class,
          () -> client(sandbox).sessions().get("my-agent", "00000000-0000-0000-0000-000000000000"));
      assertEquals("404", e.errorCode());
      assertEquals("API endpoint not found / agent deployment not found / Organization not found", e.errorMessage());
    }
  }

  @Test
  void aWrongKeyIsATypedAuthenticationError() {
    try (Sandbox sandbox = Sandbox.start()) {
      PipecatClient client = PipecatClient.builder().token("pk_wrong")
          .baseUrl(sandbox.environment().get(PipecatClient.BASE_URL_ENV)).build();
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3"));
      assertEquals("401", e.errorCode());
      assertEquals("Unauthorized / token expired", e.errorMessage());
    }
  }
}
