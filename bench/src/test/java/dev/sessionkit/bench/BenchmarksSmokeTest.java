package dev.sessionkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.ListAgentEventsResponse;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark method once, as JMH would call it, and checks that each produces the right
 * result: the peers decode the same events (ids and timestamps) as the SDK, the client call and
 * the raw call agree, and every paging variant sees every event. Measures nothing.
 */
class BenchmarksSmokeTest {

  @Test
  void theDecodersOfEachInputAgreeEventByEvent() throws Exception {
    DecodeBenchmark bench = new DecodeBenchmark();
    bench.setUp();

    SessionEventList qoder = bench.qoder1Sdk();
    assertEquals(Fixtures.PAGE_EVENTS, qoder.data().size());
    assertFalse(qoder.data().stream().anyMatch(e -> e instanceof SessionEvent.Unknown), "every type known");
    assertEquals(qoder, bench.qoder2HandWrittenMoshi(), "the hand-written decoder builds equal records");
    JacksonModels.QoderPage jackson = bench.qoder3Jackson();
    assertEquals(qoder.data().stream().map(BenchmarksSmokeTest::stampOf).toList(),
        jackson.data().stream().map(e -> stamp(e.id(), e.createdAt())).toList());
    assertEquals(qoder.lastId(), jackson.lastId());

    ListAgentEventsResponse agents = bench.agents1Sdk();
    assertEquals(Fixtures.PAGE_EVENTS, agents.events().size());
    assertFalse(agents.events().stream().anyMatch(e -> e instanceof AgentEvent.Unknown), "every type known");
    assertEquals(agents, bench.agents2HandWrittenMoshi());
    JacksonModels.AgentsPage agentsJackson = bench.agents3Jackson();
    assertEquals(agents.events().size(), agentsJackson.events().size());
    assertEquals(agents.metadata().pageKey(), agentsJackson.metadata().pageKey());
    for (int i = 0; i < agents.events().size(); i++) {
      assertEquals(stampOf(agents.events().get(i)),
          stamp(agentsJackson.events().get(i).id(), agentsJackson.events().get(i).createdAt()));
    }

    SessionEventsResponse piper = bench.piper1Sdk();
    List<EventResponse> piperEvents = new ArrayList<>();
    for (RunResponse run : piper.runs()) piperEvents.addAll(run.events());
    assertEquals(Fixtures.PIPER_EVENTS, piperEvents.size());
    assertEquals(piper, bench.piper2HandWrittenMoshi());
    JacksonModels.PiperSession piperJackson = bench.piper3Jackson();
    List<String> jacksonStamps = new ArrayList<>();
    for (JacksonModels.PiperRun run : piperJackson.runs()) {
      for (JacksonModels.PiperEvent e : run.events()) jacksonStamps.add(stamp(e.id(), e.createdAt()));
    }
    assertEquals(piperEvents.stream().map(e -> stamp(e.id(), e.createdAt())).toList(), jacksonStamps);
    assertEquals(piper.runs().get(0).totalCostUsd(), piperJackson.runs().get(0).totalCostUsd());
  }

  @Test
  void theClientCallAndTheRawCallReturnTheSamePage() throws Exception {
    CallBenchmark bench = new CallBenchmark();
    bench.setUp();
    try {
      SessionEventList viaClient = bench.call1Client();
      assertEquals(Fixtures.PAGE_EVENTS, viaClient.data().size());
      assertEquals(viaClient, bench.call2RawOkHttpAndAdapter());
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void everyPagingVariantSeesEveryEvent() throws Exception {
    PagingBenchmark bench = new PagingBenchmark();
    bench.events = 1_234; // the real run pages 1,000,000
    bench.setUp();
    try {
      assertEquals(1_234, bench.paging1SdkLimit100());
      assertEquals(1_234, bench.paging2RawLimit100());
      assertEquals(1_234, bench.paging3SdkNoLimit());
      assertEquals(1_234, bench.paging4RawNoLimit());
      assertTrue(bench.sandbox.requestCount() >= 2 * 13 + 2 * 13, "pages were actually fetched");
    } finally {
      bench.tearDown();
    }
  }

  private static String stamp(String id, OffsetDateTime createdAt) {
    return id + "@" + createdAt.toInstant();
  }

  /** The {@code id} and {@code created_at} every variant of a union has, read from its record components. */
  private static String stampOf(Object event) {
    try {
      String id = (String) event.getClass().getMethod("id").invoke(event);
      OffsetDateTime createdAt = (OffsetDateTime) event.getClass().getMethod("createdAt").invoke(event);
      return stamp(id, createdAt);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(event.getClass() + " lacks id() or createdAt()", e);
    }
  }
}
