package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A message starts the scenario's scripted agent turn: it arrives live on the vendor's stream in the
 * vendor's framing, paced as the sandbox is told, and then appears in the history identically.
 */
class AgentTurnsTest {
  private static final List<String> LAB_TURN = List.of("user.message", "agent.thinking", "agent.tool_use", "agent.tool_result",
      "agent.message", "session.idle");

  private static Sandbox sandbox(double pace) {
    return Sandbox.builder().vendors(List.of(TestVendor.lab(), TestVendor.relay())).pace(pace).start();
  }

  private static String newLabSession(Http lab) throws Exception {
    return (String) lab.post("sessions", "{\"title\":\"t\"}").json().get("id");
  }

  @Test
  void aMessageIsAnsweredWithWhatItCreatedAndTheTurnFillsTheHistory() throws Exception {
    try (Sandbox sandbox = sandbox(0)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = newLabSession(lab);
      Http.Answer sent = lab.post("sessions/" + id + "/events", "{\"text\":\"Hello agent\"}");
      assertEquals(202, sent.status());
      List<Map<String, Object>> input = sent.list("data");
      assertEquals(1, input.size());
      assertEquals("Hello agent", input.get(0).get("text"));
      List<Map<String, Object>> history = lab.get("sessions/" + id + "/events?limit=100").list("data");
      assertEquals(LAB_TURN, history.stream().map(e -> e.get("type")).toList());
      assertEquals(input.get(0), history.get(0));
      assertEquals("idle", lab.get("sessions/" + id).json().get("status"));
    }
  }

  @Test
  void theStreamReplaysTheHistoryThenTheTurnLiveInTheVendorsFraming() throws Exception {
    try (Sandbox sandbox = sandbox(1)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = newLabSession(lab);
      lab.post("sessions/" + id + "/events", "{\"text\":\"first\"}");
      Thread.sleep(400);
      CompletableFuture<List<Http.Frame>> reading = CompletableFuture.supplyAsync(() -> {
        try {
          return Http.bearer(sandbox, "lab").frames("sessions/" + id + "/events/stream", null, 12);
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      Thread.sleep(100);
      lab.post("sessions/" + id + "/events", "{\"text\":\"second\"}");
      List<Http.Frame> frames = reading.get();
      List<Map<String, Object>> history = lab.get("sessions/" + id + "/events?limit=100").list("data");
      assertEquals(12, history.size());
      for (int i = 0; i < 12; i++) {
        Http.Frame frame = frames.get(i);
        assertEquals(history.get(i).get("id"), frame.id());
        assertEquals(history.get(i).get("type"), frame.event());
        assertEquals(history.get(i), frame.json(), "the live frame and the history's event are the same");
      }
      assertEquals("second", frames.get(6).json().get("text"));
    }
  }

  @Test
  void aStreamResumesAfterTheLastEventIdWithEachEventOnce() throws Exception {
    try (Sandbox sandbox = sandbox(0)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = newLabSession(lab);
      lab.post("sessions/" + id + "/events", "{\"text\":\"hi\"}");
      List<Http.Frame> firstThree = lab.frames("sessions/" + id + "/events/stream", null, 3);
      List<Http.Frame> rest = Http.bearer(sandbox, "lab").header("Last-Event-ID", firstThree.get(2).id())
          .frames("sessions/" + id + "/events/stream", null, 3);
      List<String> types = new ArrayList<>();
      for (Http.Frame f : firstThree) types.add(f.event());
      for (Http.Frame f : rest) types.add(f.event());
      assertEquals(LAB_TURN, types);
      Http.Answer foreign = Http.bearer(sandbox, "lab").header("Last-Event-ID", "evt_not_here")
          .get("sessions/" + id + "/events/stream");
      assertEquals(400, foreign.status());
    }
  }

  @Test
  void heartbeatsKeepAnIdleStreamAliveInTheVendorsFraming() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().vendors(List.of(TestVendor.lab())).heartbeats(Duration.ofMillis(30)).start()) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = newLabSession(lab);
      List<Http.Frame> frames = lab.frames("sessions/" + id + "/events/stream", null, 2);
      for (Http.Frame frame : frames) {
        assertEquals("ping", frame.event());
        assertEquals("{}", frame.data());
        assertEquals(null, frame.id());
      }
    }
  }

  @Test
  void pacedTurnsTakeTheScenariosTimeAndInstantOnesNone() throws Exception {
    try (Sandbox sandbox = sandbox(2)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = newLabSession(lab);
      long start = System.nanoTime();
      lab.post("sessions/" + id + "/events", "{\"text\":\"slow\"}");
      assertTrue(System.nanoTime() - start < 400_000_000L, "the answer does not wait for the agent");
      assertEquals(1, lab.get("sessions/" + id + "/events").list("data").size(), "only the message so far");
      assertEquals("running", lab.get("sessions/" + id).json().get("status"));
      List<Http.Frame> frames = lab.frames("sessions/" + id + "/events/stream", null, 6);
      assertTrue(System.nanoTime() - start >= 500_000_000L, "five steps of 50 ms at pace 2");
      assertEquals("session.idle", frames.get(5).event());
    }
  }

  /**
   * A turn queued behind a running one holds none of the agents' (two) threads while it waits: with
   * more sessions than threads each queueing a second turn, every turn still runs at the pace asked
   * (it used to take a thread each, so the running turns' next steps waited a minute for one).
   */
  @Test
  void turnsQueuedBehindRunningOnesInManySessionsAtOnceAllRunAtTheirPace() throws Exception {
    try (Sandbox sandbox = sandbox(2)) {
      Http lab = Http.bearer(sandbox, "lab");
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String id = newLabSession(lab);
        lab.post("sessions/" + id + "/events", "{\"text\":\"first\"}");
        lab.post("sessions/" + id + "/events", "{\"text\":\"second\"}");
        ids.add(id);
      }
      long start = System.nanoTime();
      for (String id : ids) {
        List<Http.Frame> frames = lab.frames("sessions/" + id + "/events/stream", null, 12);
        assertEquals("second", frames.get(6).json().get("text"));
        assertEquals("session.idle", frames.get(11).event());
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, "two turns of five 100 ms steps in each session, the sessions at once: " + millis + " ms");
    }
  }

  @Test
  void cancellingARunningTurnRunsTheScenariosCancelledSteps() throws Exception {
    try (Sandbox sandbox = sandbox(20)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = newLabSession(lab);
      lab.post("sessions/" + id + "/events", "{\"text\":\"long job\"}");
      Http.Answer cancelled = lab.post("sessions/" + id + "/cancel", null);
      assertEquals(202, cancelled.status());
      List<Http.Frame> frames = lab.frames("sessions/" + id + "/events/stream", null, 2);
      assertEquals("cancelled", frames.get(1).json().get("text"));
      assertEquals("idle", lab.get("sessions/" + id).json().get("status"));
      assertEquals(200, lab.post("sessions/" + id + "/cancel", null).status(), "nothing running: a no-op");
    }
  }

  @Test
  void aStreamedInputIsDataOnlyFramesNamedByTheirTypeEndingWithEnd() throws Exception {
    try (Sandbox sandbox = sandbox(0)) {
      Http relay = Http.bearer(sandbox, "relay");
      relay.post("v2/agents/agt_docs/sessions", "{\"key\":\"ase_a\"}");
      List<Http.Frame> frames = relay.frames("v2/agents/agt_docs/sessions/ase_a/inputs", "{\"text\":\"Hi\",\"stream\":true}", 50);
      List<String> types = frames.stream().map(f -> (String) f.json().get("type")).toList();
      assertEquals("chunk_end", types.get(types.size() - 3));
      assertEquals(List.of("usage", "end"), types.subList(types.size() - 2, types.size()));
      for (Http.Frame frame : frames) assertEquals(null, frame.event());
      StringBuilder reply = new StringBuilder();
      for (Http.Frame frame : frames) if ("chunk".equals(frame.json().get("type"))) reply.append(frame.json().get("content"));
      List<Map<String, Object>> history = relay.get("v2/agents/agt_docs/sessions/ase_a/events").list("events");
      assertEquals(List.of("input", "output"), history.stream().map(e -> e.get("type")).toList());
      assertEquals(reply.toString(), history.get(1).get("content"), "the chunks make up the persisted output");
      assertEquals(history.get(1).get("id"), frames.get(types.size() - 3).json().get("event_id"));
    }
  }

  @Test
  void anInputAnsweredAsJsonWaitsForTheTurnAndHoldsItsEvents() throws Exception {
    try (Sandbox sandbox = sandbox(1)) {
      Http relay = Http.bearer(sandbox, "relay");
      relay.post("v2/agents/agt_docs/sessions", "{\"key\":\"ase_b\"}");
      Http.Answer answer = relay.post("v2/agents/agt_docs/sessions/ase_b/inputs", "{\"text\":\"Hi\"}");
      assertEquals(201, answer.status());
      assertEquals("ase_b", answer.json().get("session_key"));
      assertEquals(relay.get("v2/agents/agt_docs/sessions/ase_b/events").list("events"), answer.list("events"));
    }
  }

  @Test
  void anInputWhileATurnRunsIsA409UnlessItSaysSinceWhichReplaysAndFollowsTheRunningTurn() throws Exception {
    try (Sandbox sandbox = sandbox(10)) {
      Http relay = Http.bearer(sandbox, "relay");
      relay.post("v2/agents/agt_docs/sessions", "{\"key\":\"ase_c\"}");
      Request first = new Request.Builder().url(sandbox.baseUrl("relay") + "v2/agents/agt_docs/sessions/ase_c/inputs")
          .header("x-api-key", "relay-key")
          .post(RequestBody.create("{\"text\":\"one\",\"stream\":true}", MediaType.get("application/json"))).build();
      try (Response stream = Http.CLIENT.newCall(first).execute()) {
        Http.Answer busy = relay.post("v2/agents/agt_docs/sessions/ase_c/inputs", "{\"text\":\"two\"}");
        assertEquals(409, busy.status());
        assertEquals(List.of("The session is running"), busy.json().get("messages"));
        List<Http.Frame> resumed = relay.frames("v2/agents/agt_docs/sessions/ase_c/inputs",
            "{\"text\":\"two\",\"stream\":true,\"since\":\"start\"}", 100);
        List<Http.Frame> original = Http.read(stream.body().source(), 100);
        assertEquals("input", resumed.get(0).json().get("type"), "since=start replays the history first");
        assertEquals(original, resumed.subList(1, resumed.size()), "then the running turn, as its own stream has it");
      }
      List<Map<String, Object>> history = relay.get("v2/agents/agt_docs/sessions/ase_c/events?limit=20").list("events");
      assertEquals("one", history.get(0).get("content"));
    }
  }

  @Test
  void aStreamOnlyOperationRunsTheTurnInTheSessionItsBodyNamesOrANewOne() throws Exception {
    try (Sandbox sandbox = sandbox(0)) {
      Http relay = Http.bearer(sandbox, "relay");
      List<Http.Frame> frames = relay.frames("v2/replies", "{\"message\":\"Hello\"}", 50);
      assertEquals("end", frames.get(frames.size() - 1).json().get("type"));
      assertTrue(frames.size() > 3);
    }
  }

  @Test
  void eventsCanBeGotHiddenAndDeleted() throws Exception {
    try (Sandbox sandbox = sandbox(0)) {
      Http relay = Http.bearer(sandbox, "relay");
      List<Map<String, Object>> events = relay.get("v2/agents/agt_gen/sessions/ase_gen_10/events?limit=100").list("events");
      String second = (String) events.get(1).get("id");
      String path = "v2/agents/agt_gen/sessions/ase_gen_10/events/";
      assertEquals(events.get(1), relay.get(path + second).json());
      Http.Answer hidden = relay.post(path + second + "/hide", null);
      assertEquals("manual", hidden.json().get("hide_reason"));
      List<Map<String, Object>> visible = relay.get("v2/agents/agt_gen/sessions/ase_gen_10/events?limit=100").list("events");
      assertEquals(9, visible.size());
      assertEquals(10, relay.get("v2/agents/agt_gen/sessions/ase_gen_10/events?limit=100&include_hidden=true").list("events").size());
      assertEquals(204, relay.delete(path + second).status());
      assertEquals(404, relay.get(path + second).status());
      Http.Answer missing = relay.get(path + "aev_nope");
      assertEquals(List.of("Event aev_nope does not exist"), missing.json().get("messages"));
    }
  }
}
