package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.piper.model.AgentResponse;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.ResponseRequest;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.piper.model.SessionListItem;
import dev.sessionkit.sandbox.Sandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Piper's documented lifecycle through the public SDK against the sandbox: a response creates the
 * session and runs a turn; a streamed response runs the next turn with its events arriving as they
 * happen; the session's history holds both runs' events, in order; the session is listed. (Piper's
 * API has no operation that ends a session: a session is over when no more responses are sent.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleAgainstSandboxTest {
  private static final String ORG = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(JsonValue value) {
    return (Map<String, Object>) value.toJavaValue();
  }

  @Test
  void aResponseCreatesTheSessionAStreamedOneRunsTheNextTurnAndTheHistoryHoldsBoth() {
    try (Sandbox sandbox = Sandbox.start()) {
      PiperClient client = PiperClient.builder().fromEnv(sandbox.environment("piper")).build();
      AgentResponse first = client.responses().create(ORG, ResponseRequest.builder()
          .agentId("6b0a6c1e-2f1d-4a39-9a57-4c5f3a9d1e20").message("Where is my order?").build());
      assertFalse(first.content().isEmpty(), "the assistant's reply");
      assertFalse(first.events().isEmpty(), "the run's events");
      String session = first.sessionId();

      List<Map<String, Object>> live = new ArrayList<>();
      try (EventStream<JsonValue> stream = client.responses().stream(ORG, ResponseRequest.builder()
          .agentId("6b0a6c1e-2f1d-4a39-9a57-4c5f3a9d1e20").sessionId(session).message("Thanks").build())) {
        for (JsonValue frame : stream) live.add(json(frame));
      }
      assertTrue(live.size() >= 2, "the run's events as they happen, then the response: " + live);

      SessionEventsResponse history = client.sessions().events(ORG, session);
      assertEquals(2, history.runs().size(), "one run per response");
      assertEquals(first.runId(), history.runs().get(0).id());
      List<String> firstRun = first.events().stream().map(EventResponse::id).toList();
      assertEquals(firstRun, history.runs().get(0).events().stream().map(EventResponse::id).toList(),
          "the first run's events as the response gave them");
      List<Object> streamed = live.stream().filter(frame -> frame.containsKey("event_type")).map(frame -> frame.get("id"))
          .toList();
      assertEquals(history.runs().get(1).events().stream().map(EventResponse::id).toList(), streamed,
          "the second run's events as the stream delivered them, in order");

      List<String> listed = client.sessions().streamList(ORG).map(SessionListItem::id).toList();
      assertTrue(listed.contains(session), listed.toString());
    }
  }
}
