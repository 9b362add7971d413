package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.Test;

/** The run's fault plan applies to every vendor, in the vendor's own error envelope, and to live streams. */
class FaultsTest {
  private static Sandbox sandbox(FaultPlan plan) {
    return Sandbox.builder().vendors(List.of(TestVendor.lab(), TestVendor.relay())).faults(plan).start();
  }

  @Test
  void aScriptedRateLimitAnswers429WithRetryAfterInEachVendorsEnvelopeThenRecovers() throws Exception {
    FaultPlan plan = FaultPlan.builder().script(Fault.RATE_LIMITED, Fault.RATE_LIMITED).rateLimited(0, Duration.ofSeconds(2)).build();
    try (Sandbox sandbox = sandbox(plan)) {
      Http.Answer lab = Http.bearer(sandbox, "lab").get("sessions");
      assertEquals(429, lab.status());
      assertEquals("2", lab.retryAfter());
      assertEquals(Map.of("error", Map.of("type", "rate_limited", "message", "Slow down")), lab.json());
      Http.Answer relay = Http.bearer(sandbox, "relay").get("v2/agents/agt_docs/sessions");
      assertEquals(429, relay.status());
      assertEquals(List.of("Too Many Requests"), relay.json().get("messages"));
      assertEquals("req_sandbox_1", relay.json().get("request_id"));
      assertEquals(200, Http.bearer(sandbox, "lab").get("sessions").status());
    }
  }

  @Test
  void serverErrorsUseTheVendorsEnvelopeAndTheChosenStatus() throws Exception {
    try (Sandbox sandbox = sandbox(FaultPlan.builder().serverErrors(1.0, 500).build())) {
      Http.Answer error = Http.bearer(sandbox, "lab").get("sessions");
      assertEquals(500, error.status());
      assertEquals(Map.of("error", Map.of("type", "server_error", "message", "Something broke")), error.json());
    }
  }

  @Test
  void aDroppedConnectionGivesNoResponse() {
    try (Sandbox sandbox = sandbox(FaultPlan.builder().script(Fault.DROPPED_CONNECTION).build())) {
      assertThrows(IOException.class, () -> Http.bearer(sandbox, "lab").get("sessions"));
    }
  }

  @Test
  void aTruncatedBodyFailsWhileReadingIt() {
    try (Sandbox sandbox = sandbox(FaultPlan.builder().script(Fault.TRUNCATED_BODY).build())) {
      assertThrows(IOException.class, () -> Http.bearer(sandbox, "lab").get("sessions/sess_gen_50/events"));
    }
  }

  @Test
  void latencyDelaysTheResponse() throws Exception {
    try (Sandbox sandbox = sandbox(FaultPlan.builder().latency(Duration.ofMillis(300), 1.0).build())) {
      long start = System.nanoTime();
      assertEquals(200, Http.bearer(sandbox, "lab").get("sessions").status());
      assertTrue(System.nanoTime() - start >= 300_000_000L);
    }
  }

  /** Reads frames until the stream ends or breaks; returns them and whether it broke. */
  private static List<Http.Frame> readUntilBroken(Sandbox sandbox, String path, boolean[] broke) throws IOException {
    Request request = new Request.Builder().url(sandbox.baseUrl("lab") + path).header("Authorization", "Bearer lab-secret").build();
    List<Http.Frame> frames = new ArrayList<>();
    try (Response response = Http.CLIENT.newCall(request).execute()) {
      BufferedSource source = response.body().source();
      try {
        while (frames.size() < 6) {
          List<Http.Frame> one = Http.read(source, 1);
          if (one.isEmpty()) break;
          frames.addAll(one);
        }
      } catch (IOException e) {
        broke[0] = true;
      }
    }
    return frames;
  }

  @Test
  void aCutStreamDeliversItsWholeFramesThenBreaksInTheMiddleOfTheNext() throws Exception {
    FaultPlan plan = FaultPlan.builder().script(Fault.NONE, Fault.NONE, Fault.STREAM_CUT).streamCuts(0, 2).build();
    try (Sandbox sandbox = sandbox(plan)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = (String) lab.post("sessions", "{}").json().get("id");
      lab.post("sessions/" + id + "/events", "{\"text\":\"hi\"}");
      boolean[] broke = {false};
      List<Http.Frame> frames = readUntilBroken(sandbox, "sessions/" + id + "/events/stream", broke);
      assertEquals(2, frames.size());
      assertTrue(broke[0], "the connection closed in the middle of the third frame");
      List<Http.Frame> resumed = Http.bearer(sandbox, "lab").header("Last-Event-ID", frames.get(1).id())
          .frames("sessions/" + id + "/events/stream", null, 4);
      assertEquals("agent.tool_use", resumed.get(0).event(), "the resumed stream picks up at the cut frame");
    }
  }

  @Test
  void streamCutsAtARateCutThatShareOfTheStreams() {
    FaultPlan plan = FaultPlan.builder().seed(5).streamCuts(0.25, 3).build();
    int cuts = 0;
    for (long n = 0; n < 4_000; n++) if (plan.faultFor(n) == Fault.STREAM_CUT) cuts++;
    assertEquals(0.25, cuts / 4_000.0, 0.03);
    assertEquals(3, plan.streamCutAfter());
  }

  @Test
  void slowFramesWaitBeforeEachFrame() throws Exception {
    FaultPlan plan = FaultPlan.builder().slowFrames(Duration.ofMillis(60), 1.0).build();
    try (Sandbox sandbox = sandbox(plan)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = (String) lab.post("sessions", "{}").json().get("id");
      lab.post("sessions/" + id + "/events", "{\"text\":\"hi\"}");
      long start = System.nanoTime();
      assertEquals(6, lab.frames("sessions/" + id + "/events/stream", null, 6).size());
      assertTrue(System.nanoTime() - start >= 6 * 60_000_000L);
    }
  }

  @Test
  void rateLimitedSendsHitOnlyTheRequestsThatStartATurn() throws Exception {
    FaultPlan plan = FaultPlan.builder().rateLimitedSends(1.0, Duration.ofMillis(1500)).build();
    try (Sandbox sandbox = sandbox(plan)) {
      Http lab = Http.bearer(sandbox, "lab");
      Http.Answer created = lab.post("sessions", "{}");
      assertEquals(201, created.status());
      Http.Answer send = lab.post("sessions/" + created.json().get("id") + "/events", "{\"text\":\"hi\"}");
      assertEquals(429, send.status());
      assertEquals("1.5", send.retryAfter());
      assertEquals("rate_limited", send.at("error.type"));
      assertEquals(List.of(), lab.get("sessions/" + created.json().get("id") + "/events").json().get("data"), "no turn ran");
    }
  }

  @Test
  void ratesChooseFaultsInProportionAndRepeatablyFromTheSeed() {
    FaultPlan plan = FaultPlan.builder().seed(3).rateLimited(0.2, Duration.ZERO).serverErrors(0.1)
        .droppedConnections(0.05).truncatedBodies(0.05).build();
    int[] counts = new int[Fault.values().length];
    for (long n = 0; n < 20_000; n++) counts[plan.faultFor(n).ordinal()]++;
    assertEquals(0.6, counts[Fault.NONE.ordinal()] / 20_000.0, 0.02);
    assertEquals(0.2, counts[Fault.RATE_LIMITED.ordinal()] / 20_000.0, 0.02);
    assertEquals(0.1, counts[Fault.SERVER_ERROR.ordinal()] / 20_000.0, 0.02);
    assertEquals(0.05, counts[Fault.DROPPED_CONNECTION.ordinal()] / 20_000.0, 0.01);
    assertEquals(0.05, counts[Fault.TRUNCATED_BODY.ordinal()] / 20_000.0, 0.01);
    FaultPlan again = FaultPlan.builder().seed(3).rateLimited(0.2, Duration.ZERO).serverErrors(0.1)
        .droppedConnections(0.05).truncatedBodies(0.05).build();
    for (long n = 0; n < 1000; n++) assertEquals(plan.faultFor(n), again.faultFor(n));
  }

  @Test
  void ratesThatAddUpToMoreThanOneAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FaultPlan.builder().rateLimited(0.7, Duration.ZERO).streamCuts(0.7, 1).build());
    assertEquals("the fault rates must add up to at most 1 (got 1.4)", e.getMessage());
  }
}
