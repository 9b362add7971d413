package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismAndFaultsTest {
  private static List<String> bodies(long seed) throws IOException {
    try (Sandbox sandbox = Sandbox.builder().seed(seed).start()) {
      List<String> out = new ArrayList<>();
      String q = sandbox.baseUrl(Vendor.QODER) + "sessions/" + SessionIds.qoderSession(1000) + "/events?limit=100";
      out.add(Http.bearer(q, sandbox.credential(Vendor.QODER)).body());
      out.add(Http.get(sandbox.baseUrl(Vendor.AGENTS_V2) + "v2/agents/agt_sandbox/sessions/" + SessionIds.agentsSession(300)
          + "/events?limit=100", "x-api-key", sandbox.credential(Vendor.AGENTS_V2)).body());
      out.add(Http.bearer(sandbox.baseUrl(Vendor.PIPER) + "v1/orgs/" + SessionIds.PIPER_ORG + "/responses/sessions/"
          + SessionIds.piperSession(40) + "/events", sandbox.credential(Vendor.PIPER)).body());
      out.add(Http.bearer(sandbox.baseUrl(Vendor.PIPER) + "v1/orgs/" + SessionIds.PIPER_ORG + "/scenarios/runs/by-session/"
          + SessionIds.piperSession(40), sandbox.credential(Vendor.PIPER)).body());
      out.add(Http.bearer(sandbox.baseUrl(Vendor.PIPECAT) + "agents/sandbox-agent/sessions/" + SessionIds.pipecatSession(60),
          sandbox.credential(Vendor.PIPECAT)).body());
      return out;
    }
  }

  @Test
  void theSameSeedGivesByteIdenticalResponses() throws IOException {
    assertEquals(bodies(7), bodies(7));
  }

  @Test
  void anotherSeedGivesOtherContent() throws IOException {
    List<String> a = bodies(7);
    List<String> b = bodies(8);
    for (int i = 0; i < a.size(); i++) assertNotEquals(a.get(i), b.get(i), "response " + i);
  }

  private static String qoderUrl(Sandbox sandbox) {
    return sandbox.baseUrl(Vendor.QODER) + "sessions/" + SessionIds.qoderSession(10) + "/events";
  }

  @Test
  void aScriptedRateLimitAnswers429WithRetryAfterThenRecovers() throws IOException {
    FaultPlan plan = FaultPlan.builder().script(Fault.RATE_LIMITED).rateLimited(0, Duration.ofSeconds(2)).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      Http.Answer limited = Http.bearer(qoderUrl(sandbox), sandbox.credential(Vendor.QODER));
      assertEquals(429, limited.status());
      assertEquals("2", limited.retryAfter());
      assertTrue(limited.body().startsWith("{\"type\":\"error\""));
      assertEquals(200, Http.bearer(qoderUrl(sandbox), sandbox.credential(Vendor.QODER)).status());
    }
  }

  @Test
  void serverErrorsUseTheVendorsBodyAndTheChosenStatus() throws IOException {
    FaultPlan plan = FaultPlan.builder().serverErrors(1.0, 500).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      Http.Answer error = Http.bearer(sandbox.baseUrl(Vendor.PIPECAT) + "agents/my-agent/sessions/"
          + SessionIds.PIPECAT_DOCUMENTED_SESSION, sandbox.credential(Vendor.PIPECAT));
      assertEquals(500, error.status());
      assertEquals("500", error.json().get("code"));
    }
  }

  @Test
  void aDroppedConnectionGivesNoResponse() {
    FaultPlan plan = FaultPlan.builder().script(Fault.DROPPED_CONNECTION).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      assertThrows(IOException.class, () -> Http.bearer(qoderUrl(sandbox), sandbox.credential(Vendor.QODER)));
    }
  }

  @Test
  void aTruncatedBodyFailsWhileReadingIt() {
    FaultPlan plan = FaultPlan.builder().script(Fault.TRUNCATED_BODY).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      assertThrows(IOException.class, () -> Http.bearer(qoderUrl(sandbox), sandbox.credential(Vendor.QODER)));
    }
  }

  @Test
  void latencyDelaysTheResponse() throws IOException {
    FaultPlan plan = FaultPlan.builder().latency(Duration.ofMillis(300), 1.0).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      long start = System.nanoTime();
      assertEquals(200, Http.bearer(qoderUrl(sandbox), sandbox.credential(Vendor.QODER)).status());
      assertTrue(System.nanoTime() - start >= 300_000_000L);
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
        () -> FaultPlan.builder().rateLimited(0.7, Duration.ZERO).serverErrors(0.7).build());
    assertEquals("the fault rates must add up to at most 1 (got 1.4)", e.getMessage());
  }
}
