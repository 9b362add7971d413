package dev.sessionkit.conformance.transcripts.by_property;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.transcripts.by_property.internal.ConformanceTranscript;
import dev.sessionkit.conformance.transcripts.by_property.model.*;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptItem.Kind;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.generator.conformance.Conformance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

public final class ByPropertyCheck {
  private static final String SESSION = "{\"id\":\"s1\",\"agent\":{\"name\":\"helper\"},\"started_at\":\"2026-01-02T03:04:05Z\","
      + "\"updated_at\":\"2026-01-02T03:09:00Z\",\"cold\":true,\"ready_seconds\":2,\"outcome\":\"COMPLETED\",\"runs\":["
      + "{\"id\":\"r1\",\"model\":\"m-1\",\"cost\":0.10,\"latency_ms\":1500,\"started_at\":\"2026-01-02T03:04:06Z\",\"events\":["
      + "{\"id\":\"e1\",\"run_id\":\"r1\",\"at\":\"2026-01-02T03:04:06Z\",\"kind\":\"prompt\",\"text\":\"hi\"},"
      + "{\"id\":\"e2\",\"run_id\":\"r1\",\"kind\":\"tool\",\"text\":\"search\"},"
      + "{\"id\":\"e3\",\"run_id\":\"r1\",\"kind\":\"failure\",\"code\":\"E42\"}]},"
      + "{\"id\":\"r2\",\"events\":[]}],"
      + "\"metrics\":{\"samples\":[{\"t\":1729583960,\"c\":150,\"m\":134217728},{\"t\":1729583965}]}}";

  /** What the mapping tells a sink, in order. */
  private static List<String> heard(String json) throws Exception {
    List<String> heard = new ArrayList<>();
    ConformanceTranscript.mapping().read(SessionkitMoshi.adapter(Session.class, false).fromJson(json), new TranscriptMapping.Sink() {
      @Override
      public void item(TranscriptItem item) {
        heard.add(item.kind() + " " + item.id() + " " + item.turnId() + " " + item.text() + " " + item.status() + " "
            + item.reason() + " " + item.type());
      }

      @Override
      public void session(String sessionId, String agent, Instant startedAt, Instant endedAt) {
        heard.add("session " + sessionId + " " + agent + " " + startedAt + " " + endedAt);
      }

      @Override
      public void sample(Instant time, Integer cpuMillicores, Long memoryBytes) {
        heard.add("sample " + time + " " + cpuMillicores + " " + memoryBytes);
      }
    });
    return heard;
  }

  public void aWholeSessionSaysWhatItIsThenItsRunsEventsEachBeforeItsRunThenItsSamplesThenItsOwnEntries(Conformance c)
      throws Exception {
    assertEquals(List.of(
        "session s1 helper 2026-01-02T03:04:05Z 2026-01-02T03:09:00Z",
        "USER_MESSAGE e1 r1 hi null null null",
        "UNKNOWN e2 r1 null null null tool",
        "ERROR e3 r1 (no detail) null null E42",
        "MODEL_REQUEST r1 r1 null null null null",
        "sample 2024-10-22T07:59:20Z 150 134217728",
        "sample 2024-10-22T07:59:25Z null null",
        "STATUS null null null started (cold) ready in 2 s null",
        "STATUS null null null COMPLETED null null"), heard(SESSION));
  }

  public void aRunsModelRequestHasItsCostLatencyAndProviderAndARunWithoutAModelHasNone(Conformance c) throws Exception {
    List<TranscriptItem> items = ConformanceTranscript.mapping().items(SessionkitMoshi.adapter(Session.class, false).fromJson(SESSION));
    TranscriptItem request = items.stream().filter(i -> i.kind() == Kind.MODEL_REQUEST).findFirst().orElseThrow();
    assertEquals(0, new BigDecimal("0.10").compareTo(request.costUsd()));
    assertEquals(Duration.ofMillis(1500), request.latency());
    assertEquals(Instant.parse("2026-01-02T03:04:06Z"), request.startedAt());
    assertEquals("m-1", request.model());
    assertEquals("acme", request.provider());
    assertTrue(request.endsTurn());
    assertInstanceOf(Run.class, request.source());
    assertEquals(1, items.stream().filter(i -> i.kind() == Kind.MODEL_REQUEST).count(), "run r2 names no model");
    TranscriptItem tool = items.stream().filter(i -> i.kind() == Kind.UNKNOWN).findFirst().orElseThrow();
    assertTrue(tool.raw().json().contains("\"kind\":\"tool\""), tool.raw().json());
    assertInstanceOf(RunEvent.class, tool.source());
  }

  public void aSessionThatSaysLessReadsAsLess(Conformance c) throws Exception {
    assertEquals(List.of("session s2 null null null", "STATUS null null null started null null"),
        heard("{\"id\":\"s2\",\"cold\":false}"));
  }
}
