package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.EventType;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's Piper quick start runs as written (with {@code out} for {@code System.out}). */
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
  void quickStartReadsEventsAndFindsNoScenarioRun() throws Exception {
    server.enqueue(Fixtures.json(200, Fixtures.sessionEvents()));
    server.enqueue(Fixtures.json(404, "{\"detail\":\"Scenario run not found for this session\"}"));
    PiperClient client = PiperClient.builder().fromEnv(Map.of("PIPER_API_TOKEN", Fixtures.TOKEN,
        "PIPER_ORG_ID", Fixtures.ORG_ID, "PIPER_BASE_URL", server.url("/").toString())).build();

    // --- the README quick start, from here ---
    String orgId = "0b5e3f7a-6a2c-4d8e-9f10-2b3c4d5e6f70";
    String sessionId = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

    SessionEventsResponse session = client.sessions().events(orgId, sessionId);
    for (RunResponse run : session.runs()) {
      out.println(run.modelName() + ": " + run.totalRequests() + " requests, $" + run.totalCostUsd());
    }
    for (EventResponse event : RunEventsView.of(session)) {
      if (EventType.USER_MESSAGE.equals(event.eventType())) out.println("user: " + event.content());
      else if (!event.eventType().isKnown()) out.println("new event type: " + event.eventType().value());
    }

    client.scenarioRuns().findBySession(sessionId).ifPresentOrElse(
        run -> out.println(run.scenarioName() + " " + run.status()),
        () -> out.println("no scenario run for this session"));
    // --- to here ---

    assertEquals(Fixtures.EVENTS_PATH, server.takeRequest().getTarget());
    assertEquals(Fixtures.SCENARIO_RUN_PATH, server.takeRequest().getTarget());
    assertEquals(String.join(System.lineSeparator(), "<string>: 123 requests, $123", "user: <string>",
        "no scenario run for this session", ""), printed.toString(StandardCharsets.UTF_8));
  }
}
