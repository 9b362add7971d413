package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.piper.model.CriteriaResult;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.ScenarioRunDetail;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values of {@code event_type}, {@code role}, {@code reasoning_effort}, {@code status},
 * {@code verdict} and {@code criteria_type} that the spec does not name decode leniently, keeping
 * the raw string, and fail strict decoding with the JSON path.
 */
class OpenEnumDecodingTest {
  private final MockWebServer server = new MockWebServer();

  /** One enum field: where it is, how to put an undocumented value there, and how to read it back. */
  record Case(String name, boolean scenarioRun, String from, String to, String path,
      Function<Object, OpenEnum> read) {
    String body() {
      return Fixtures.replace(scenarioRun ? Fixtures.scenarioRun() : Fixtures.sessionEvents(), from, to);
    }

    String requestPath() {
      return scenarioRun ? Fixtures.SCENARIO_RUN_PATH : Fixtures.EVENTS_PATH;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("event_type", false, "\"event_type\": \"user_message\"", "\"event_type\": \"tool_call\"",
            "$.runs[0].events[0].event_type", r -> firstEvent(r).eventType()),
        new Case("role", false, "\"role\": \"user\"", "\"role\": \"assistant\"",
            "$.runs[0].events[0].role", r -> firstEvent(r).role()),
        new Case("reasoning_effort", false, "\"reasoning_effort\": \"low\"", "\"reasoning_effort\": \"xhigh\"",
            "$.runs[0].events[0].reasoning_effort", r -> firstEvent(r).reasoningEffort()),
        new Case("status", true, "\"status\": \"pending\"", "\"status\": \"cancelled\"",
            "$.status", r -> ((ScenarioRunDetail) r).status()),
        new Case("verdict", true, "\"verdict\": \"PASS\"", "\"verdict\": \"PARTIAL\"",
            "$.turn_results[0].criteria_results[0].verdict", r -> firstCriteria(r).verdict()),
        new Case("criteria_type", true, "\"criteria_type\": \"llm_evaluated\"", "\"criteria_type\": \"regex_match\"",
            "$.turn_results[0].criteria_results[0].criteria_type", r -> firstCriteria(r).criteriaType()))
        .map(Arguments::of);
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void undocumentedValueDecodesLenientlyWithItsRawString(Case field) throws Exception {
    PiperClient client = Fixtures.clientFor(server).build();
    server.enqueue(Fixtures.json(200, field.body()));

    Object response = fetch(client, field);

    assertEquals(field.requestPath(), server.takeRequest().getTarget());
    OpenEnum value = field.read().apply(response);
    String raw = field.to().substring(field.to().lastIndexOf(' ') + 2, field.to().length() - 1);
    assertEquals(raw, value.value());
    assertEquals(raw, value.toString());
    assertFalse(value.isKnown());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void undocumentedValueFailsStrictDecodingNamingTheJsonPath(Case field) throws Exception {
    PiperClient client = Fixtures.clientFor(server).strictDecoding(true).build();
    server.enqueue(Fixtures.json(200, field.body()));

    DecodingException e = assertThrows(DecodingException.class, () -> fetch(client, field));

    assertEquals(field.requestPath(), server.takeRequest().getTarget());
    assertTrue(e.getMessage().contains(" at " + field.path()), e.getMessage());
    assertEquals(200, e.status());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void documentedValueIsKnown(Case field) throws Exception {
    PiperClient client = Fixtures.clientFor(server).strictDecoding(true).build();
    server.enqueue(Fixtures.json(200, field.scenarioRun() ? Fixtures.scenarioRun() : Fixtures.sessionEvents()));

    OpenEnum value = field.read().apply(fetch(client, field));

    assertEquals(field.requestPath(), server.takeRequest().getTarget());
    assertTrue(value.isKnown());
    assertTrue(field.from().endsWith("\"" + value.value() + "\""));
  }

  private static Object fetch(PiperClient client, Case field) {
    return field.scenarioRun()
        ? client.scenarioRuns().bySession(Fixtures.ORG_ID, Fixtures.SESSION_ID)
        : client.sessions().events(Fixtures.ORG_ID, Fixtures.SESSION_ID);
  }

  private static EventResponse firstEvent(Object response) {
    return ((SessionEventsResponse) response).runs().get(0).events().get(0);
  }

  private static CriteriaResult firstCriteria(Object response) {
    return ((ScenarioRunDetail) response).turnResults().get(0).criteriaResults().get(0);
  }
}
