package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's Pipecat quick start runs as written (with {@code System.out} captured and the server mocked). */
class QuickStartTest {
  private final MockWebServer server = new MockWebServer();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void quickStartPrintsTheSessionAndItsSamples() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.read("get-session-example.json")));
    server.enqueue(Fixtures.json(404, Fixtures.read("error-not-found.json")));
    PipecatClient client = PipecatClient.builder()
        .fromEnv(Map.of("PIPECAT_API_KEY", Fixtures.API_KEY, "PIPECAT_BASE_URL", server.url("/v1/").toString()))
        .build();

    // The README snippet, from here on.
    SessionDetails session = client.sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
    out.println(session.completionStatus() + ", cold start: " + session.coldStart()
        + ", ended " + session.endedAt());
    for (ResourceSample sample : ResourceSamples.of(session)) {
      out.println(sample.time() + "  " + sample.cpuMillicores() + " millicores  "
          + sample.memoryBytes() + " bytes");
    }
    try {
      client.sessions().get("my-agent", "00000000-0000-0000-0000-000000000000");
    } catch (NotFoundException e) {
      out.println("no such agent or session: " + e.errorMessage() + " (code " + e.errorCode() + ")");
    }

    RecordedRequest first = server.takeRequest();
    assertEquals(Fixtures.SESSION_PATH, first.getTarget());
    assertEquals("Bearer " + Fixtures.API_KEY, first.getHeaders().get("Authorization"));
    assertEquals("/v1/agents/my-agent/sessions/00000000-0000-0000-0000-000000000000", server.takeRequest().getTarget());
    assertEquals(String.join("\n",
        "HTTP_COMPLETED, cold start: true, ended 2025-10-22T08:39:26Z",
        "2024-10-22T07:59:20Z  150 millicores  134217728 bytes",
        "2024-10-22T07:59:25Z  280 millicores  201326592 bytes",
        "no such agent or session: API endpoint not found / agent deployment not found / Organization not found"
            + " (code 404)",
        ""), printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }
}
