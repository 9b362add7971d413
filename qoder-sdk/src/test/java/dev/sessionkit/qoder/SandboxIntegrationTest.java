package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The Qoder client end to end against the sandbox: cursor paging both ways, retries, typed errors. */
class SandboxIntegrationTest {
  private static final String SESSION = "sess_sandbox_250";

  private static QoderClient client(Sandbox sandbox) {
    return QoderClient.builder().fromEnv(sandbox.environment()).build();
  }

  /** Every known variant is a record with an {@code id} component; an unknown one keeps it in its JSON. */
  private static String id(SessionEvent event) {
    if (event instanceof SessionEvent.Unknown unknown) {
      return (String) ((java.util.Map<?, ?>) unknown.raw().toJavaValue()).get("id");
    }
    try {
      return (String) event.getClass().getMethod("id").invoke(event);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void iteratesForwardOverThreePagesFollowingLastId() {
    try (Sandbox sandbox = Sandbox.start()) {
      List<SessionEvent> events = new ArrayList<>();
      client(sandbox).sessions().iterateEvents(SESSION, EventListParams.builder().limit(100).build()).forEach(events::add);
      assertEquals(250, events.size());
      assertInstanceOf(UserMessageEvent.class, events.get(0), "a generated session is the scenario's turns, over and over");
      assertInstanceOf(SessionStatusIdleEvent.class, events.get(8), "the first turn (nine events) ends idle");
      assertInstanceOf(UserMessageEvent.class, events.get(9));
      assertInstanceOf(AgentMessageEvent.class, events.get(249));
      RecordedRequest first = sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/qoder/api/v1/cloud/sessions/sess_sandbox_250/events?limit=100", first.getTarget());
      assertEquals("Bearer " + sandbox.credential("qoder"), first.getHeaders().get("Authorization"));
      assertEquals("/qoder/api/v1/cloud/sessions/sess_sandbox_250/events?limit=100&after_id=" + id(events.get(99)),
          sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
      assertEquals("/qoder/api/v1/cloud/sessions/sess_sandbox_250/events?limit=100&after_id=" + id(events.get(199)),
          sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
      assertEquals(3, sandbox.requestCount());
    }
  }

  @Test
  void iteratesBackwardFromAnEventNewestFirstFollowingFirstId() {
    try (Sandbox sandbox = Sandbox.start()) {
      QoderClient client = client(sandbox);
      List<SessionEvent> forward = client.sessions().streamEvents(SESSION, EventListParams.builder().limit(100).build()).toList();
      String newest = id(forward.get(249));
      List<SessionEvent> backward = client.sessions()
          .streamEvents(SESSION, EventListParams.builder().beforeId(newest).limit(40).build()).toList();
      assertEquals(249, backward.size());
      assertEquals(forward.get(248), backward.get(0));
      assertEquals(forward.get(0), backward.get(248));
      for (int i = 0; i < 3; i++) sandbox.takeRequest(1, TimeUnit.SECONDS);
      assertEquals("/qoder/api/v1/cloud/sessions/sess_sandbox_250/events?limit=40&before_id=" + newest,
          sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
      assertEquals("/qoder/api/v1/cloud/sessions/sess_sandbox_250/events?limit=40&before_id=" + id(forward.get(209)),
          sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
  }

  @Test
  void retriesA429AndA503ThenSucceeds() {
    FaultPlan plan = FaultPlan.builder().script(Fault.RATE_LIMITED, Fault.SERVER_ERROR).rateLimited(0, Duration.ZERO).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      RawResponse<SessionEventList> raw = client(sandbox).sessions().withRawResponse()
          .events("sess_019e392c0d1e74e095d21ea4c6b41def", EventListParams.NONE);
      assertEquals(3, raw.attempts());
      assertEquals(200, raw.status());
      assertEquals("evt_771c1195bcbd4a07834d4ed4dd6450ca", raw.body().lastId());
      for (int i = 0; i < 3; i++) {
        assertEquals("/qoder/api/v1/cloud/sessions/sess_019e392c0d1e74e095d21ea4c6b41def/events",
            sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
      }
    }
  }

  @Test
  void retriesACutOffBodyThenSucceeds() {
    FaultPlan plan = FaultPlan.builder().script(Fault.TRUNCATED_BODY).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      RawResponse<SessionEventList> raw = client(sandbox).sessions().withRawResponse()
          .events(SESSION, EventListParams.builder().limit(100).build());
      assertEquals(2, raw.attempts());
      assertEquals(100, raw.body().data().size());
    }
  }

  @Test
  void anUnknownSessionIsATypedNotFoundWithQodersEnvelope() {
    try (Sandbox sandbox = Sandbox.start()) {
      NotFoundException e = assertThrows(NotFoundException.class, () -> client(sandbox).sessions().events("sess_gone"));
      assertEquals(404, e.status());
      assertEquals("not_found_error", e.errorCode());
      assertEquals("Session 'sess_gone' was not found.", e.errorMessage(), "the newest docs' wording, with the id");
      assertEquals("/qoder/api/v1/cloud/sessions/sess_gone/events", sandbox.takeRequest(1, TimeUnit.SECONDS).getTarget());
    }
  }

  @Test
  void aWrongTokenIsATypedAuthenticationErrorThatDoesNotEchoIt() {
    try (Sandbox sandbox = Sandbox.start()) {
      QoderClient client = QoderClient.builder().token("pt-not-the-sandbox-token")
          .baseUrl(sandbox.environment().get(QoderClient.BASE_URL_ENV)).build();
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.sessions().events(SESSION));
      assertEquals("authentication_error", e.errorCode());
      assertEquals(1, e.attempts(), "a 401 is not retried");
      assertTrue(!e.getMessage().contains("pt-not-the-sandbox-token"));
      assertEquals("Bearer pt-not-the-sandbox-token", sandbox.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"));
    }
  }
}
