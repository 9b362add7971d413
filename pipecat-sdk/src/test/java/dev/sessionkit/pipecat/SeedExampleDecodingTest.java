package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.pipecat.model.CompletionStatus;
import dev.sessionkit.pipecat.model.DailyMeeting;
import dev.sessionkit.pipecat.model.ResourceMetrics;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed page's example (shared/seeds/002_9af79679e252829d.txt) decodes field for field, strictly. */
class SeedExampleDecodingTest {
  private final MockWebServer server = new MockWebServer();
  private PipecatClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = Fixtures.clientFor(server).strictDecoding(true).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void documentedExampleDecodesFieldForField() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));

    SessionDetails session = client.sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(Fixtures.SESSION_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals("application/json", request.getHeaders().get("Accept"));

    assertEquals("800d444a-e67e-4686-afb3-b0de509cccb3", session.sessionId());
    assertEquals("b900ae4a-f710-4ef1-95d8-c5f5b2789da9", session.serviceId());
    assertEquals("cc71b52d-4271-46c9-87be-cac600fd821a", session.organizationId());
    assertEquals("81f4da55-106d-401f-b069-a1f1992f871a", session.deploymentId());
    assertEquals(utc(2025, 10, 22, 8, 39, 26), session.endedAt());
    assertEquals(Integer.valueOf(2), session.botStartSeconds());
    assertEquals(Boolean.TRUE, session.coldStart());
    assertSame(CompletionStatus.HTTP_COMPLETED, session.completionStatus());
    assertEquals(CompletionStatus.Known.HTTP_COMPLETED, session.completionStatus().known().orElseThrow());
    assertEquals(utc(2025, 10, 22, 8, 39, 20), session.createdAt());
    assertEquals(utc(2025, 10, 22, 8, 39, 26), session.updatedAt());

    ResourceMetrics metrics = session.resourceMetrics();
    assertNotNull(metrics);
    assertEquals("a1b2c3d4-e5f6-7890-abcd-ef1234567890", metrics.id());
    assertEquals("800d444a-e67e-4686-afb3-b0de509cccb3", metrics.sessionId());
    assertEquals(Integer.valueOf(12), metrics.sampleCount());
    assertEquals(Integer.valueOf(150), metrics.cpuMillicoresP50());
    assertEquals(Integer.valueOf(280), metrics.cpuMillicoresP90());
    assertEquals(Integer.valueOf(320), metrics.cpuMillicoresP95());
    assertEquals(Integer.valueOf(450), metrics.cpuMillicoresP99());
    assertEquals(Long.valueOf(134_217_728L), metrics.memoryBytesP50());
    assertEquals(Long.valueOf(201_326_592L), metrics.memoryBytesP90());
    assertEquals(Long.valueOf(234_881_024L), metrics.memoryBytesP95());
    assertEquals(Long.valueOf(268_435_456L), metrics.memoryBytesP99());
    assertEquals(utc(2025, 10, 22, 8, 39, 25), metrics.eventTs());
    assertEquals(utc(2025, 10, 22, 8, 39, 25), metrics.createdAt());

    assertEquals(2, metrics.timeseries().size());
    ResourceSample first = metrics.timeseries().get(0);
    assertEquals(1_729_583_960L, first.time().getEpochSecond());
    assertEquals(Instant.parse("2024-10-22T07:59:20Z"), first.time());
    assertEquals(Integer.valueOf(150), first.cpuMillicores());
    assertEquals(Long.valueOf(134_217_728L), first.memoryBytes());
    ResourceSample second = metrics.timeseries().get(1);
    assertEquals(1_729_583_965L, second.time().getEpochSecond());
    assertEquals(Instant.parse("2024-10-22T07:59:25Z"), second.time());
    assertEquals(Integer.valueOf(280), second.cpuMillicores());
    assertEquals(Long.valueOf(201_326_592L), second.memoryBytes());
    assertEquals(metrics.timeseries(), ResourceSamples.of(session));

    assertEquals(1, session.meetingIds().size());
    DailyMeeting meeting = session.meetingIds().get(0);
    assertEquals("d4e5f6a7-b8c9-0123-4567-890abcdef012", meeting.participantId());
    assertEquals("f1e2d3c4-b5a6-9780-1234-567890abcdef", meeting.meetingId());
  }

  @Test
  void rawResponseCarriesStatusHeadersAndRequestIdBesideTheBody() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .addHeader("x-request-id", "req-123")
        .body(Fixtures.read("get-session-example.json"))
        .build());

    RawResponse<SessionDetails> raw = client.sessions().withRawResponse().get(Fixtures.AGENT, Fixtures.SESSION_ID);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals(200, raw.status());
    assertEquals("req-123", raw.requestId());
    assertEquals(1, raw.attempts());
    assertEquals(Fixtures.SESSION_ID, raw.body().sessionId());
    assertTrue(raw.body().completionStatus().isKnown());
  }

  @Test
  void asyncGetDecodesTheDocumentedExample() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));

    SessionDetails session = client.sessions().getAsync(Fixtures.AGENT, Fixtures.SESSION_ID)
        .get(10, TimeUnit.SECONDS);

    RecordedRequest request = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH, request.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, request.getHeaders().get("Authorization"));
    assertEquals(Fixtures.SESSION_ID, session.sessionId());
    assertEquals(2, session.resourceMetrics().timeseries().size());
  }

  private static OffsetDateTime utc(int year, int month, int day, int hour, int minute, int second) {
    return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC);
  }
}
