package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentOutputEvent;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.agents.model.ToolOutputEvent;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The Agents API v2 client end to end against the sandbox: page_key paging, retries, typed errors. */
class SandboxIntegrationTest {
  private static final String SESSION = "ase_sandbox_120";

  private static AgentsClient client(Sandbox sandbox) {
    return AgentsClient.builder().fromEnv(sandbox.environment()).build();
  }

  @Test
  void iteratesOverThreePagesFollowingEachPageKey() {
    try (Sandbox sandbox = Sandbox.start()) {
      AgentsClient client = client(sandbox);
      List<AgentEvent> events = client.sessions()
          .streamEvents("agt_sandbox", SESSION, EventListParams.builder().limit(50).build()).toList();
      assertEquals(120, events.size());
      assertInstanceOf(InputMessageEvent.class, events.get(0));
      assertInstanceOf(ToolOutputEvent.class, events.get(3));
      assertInstanceOf(AgentOutputEvent.class, events.get(119));
      RecordedRequest first = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/agents-v2/v2/agents/agt_sandbox/sessions/ase_sandbox_120/events?limit=50", first.getTarget());
      assertEquals(sandbox.credential("agents-v2"), first.getHeaders().get("x-api-key"));
      ListAgentEventsResponse firstPage = client.sessions().events("agt_sandbox", SESSION,
          EventListParams.builder().limit(50).build());
      String pageKey = SessionsService.nextPageKey(firstPage).orElseThrow();
      RecordedRequest second = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals(pageKey, second.getUrl().queryParameter("page_key"));
      assertEquals("50", second.getUrl().queryParameter("limit"));
      RecordedRequest third = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/agents-v2/v2/agents/agt_sandbox/sessions/ase_sandbox_120/events", third.getUrl().encodedPath());
      assertEquals(4, sandbox.requestCount(), "three pages, then the one page asked for again");
    }
  }

  @Test
  void theDocumentedPageKeyLeadsToAnEmptyLastPage() {
    try (Sandbox sandbox = Sandbox.start()) {
      List<AgentEvent> events = client(sandbox).sessions()
          .streamEvents("agt_customer_support", "ase_customer_support_001", EventListParams.NONE).toList();
      assertEquals(5, events.size());
      sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/agents-v2/v2/agents/agt_customer_support/sessions/ase_customer_support_001/events"
          + "?limit=100&page_key=eyJldmVudF9pZCI6ImFldl9hZ2VudF9vdXRwdXRfMDAxIn0%3D", sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
  }

  @Test
  void retriesA429ThenSucceeds() {
    FaultPlan plan = FaultPlan.builder().script(Fault.RATE_LIMITED).rateLimited(0, Duration.ZERO).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      RawResponse<ListAgentEventsResponse> raw = client(sandbox).sessions().withRawResponse()
          .events("agt_sandbox", SESSION, EventListParams.builder().limit(10).build());
      assertEquals(2, raw.attempts());
      assertEquals(10, raw.body().events().size());
    }
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesIsTyped() {
    FaultPlan plan = FaultPlan.builder().rateLimited(1.0, Duration.ZERO).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      RateLimitException e = assertThrows(RateLimitException.class,
          () -> client(sandbox).sessions().events("agt_sandbox", SESSION));
      assertEquals("rate_limit_exceeded", e.errorCode());
      assertEquals(3, e.attempts());
      assertEquals(Duration.ZERO, e.retryAfter().orElseThrow());
    }
  }

  @Test
  void missingAgentsAndSessionsAreTypedNotFoundsWithTheSeedsCodes() {
    try (Sandbox sandbox = Sandbox.start()) {
      AgentsClient client = client(sandbox);
      NotFoundException session = assertThrows(NotFoundException.class,
          () -> client.sessions().events("agt_sandbox", "ase_gone"));
      assertEquals("session_not_found", session.errorCode());
      assertTrue(session.requestId().startsWith("req_sandbox_"));
      NotFoundException agent = assertThrows(NotFoundException.class,
          () -> client.sessions().events("agt_gone", SESSION));
      assertEquals("agent_not_found", agent.errorCode());
      assertEquals("/agents-v2/v2/agents/agt_sandbox/sessions/ase_gone/events", sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
  }

  @Test
  void aWrongKeyIsATypedAuthenticationError() {
    try (Sandbox sandbox = Sandbox.start()) {
      AgentsClient client = AgentsClient.builder().apiKey("zut_wrong")
          .baseUrl(sandbox.environment().get(AgentsClient.BASE_URL_ENV)).build();
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> client.sessions().events("agt_sandbox", SESSION));
      assertEquals("unauthorized", e.errorCode());
      assertEquals("Invalid or missing API key", e.errorMessage());
    }
  }
}
