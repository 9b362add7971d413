package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.agents.EventListParams;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.pipecat.PipecatClient;
import dev.sessionkit.piper.PiperClient;
import dev.sessionkit.qoder.QoderClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * A deliberate mistake in a spec fails the Prism suite: each test serves a changed copy of a spec
 * and shows the clients, in strict mode, refuse it.
 */
class PrismCatchesMistakesTest {
  @TempDir Path dir;

  @Test
  void aResponseExampleWithAFieldTheSdkDoesNotKnowFailsStrictDecodingNamingItsPath() throws Exception {
    Path spec = mistake("qoder.yaml", "                        content: Hello, this is a test message.\n",
        "                        content: Hello, this is a test message.\n                        surprise: 1\n");
    try (PrismMock prism = PrismMock.start(spec)) {
      QoderClient client = QoderClient.builder().token("qoder-contract-test-pat").baseUrl(prism.baseUrl())
          .httpClient(prism.client()).strictDecoding(true).noRetries().build();

      DecodingException e = assertThrows(DecodingException.class,
          () -> client.sessions().events("sess_019e392c0d1e74e095d21ea4c6b41def"));

      assertTrue(e.getMessage().contains("$.data[0].surprise"), e.getMessage());
    }
  }

  @Test
  void aResponseExampleThatBreaksItsOwnSchemaMakesPrismAnswer500() throws Exception {
    Path spec = mistake("pipecat.yaml", "\n                    coldStart: true\n", "\n                    coldStart: 'yes'\n");
    try (PrismMock prism = PrismMock.start(spec)) {
      PipecatClient client = PipecatClient.builder().token("pk_contract_test").baseUrl(prism.baseUrl())
          .httpClient(prism.client()).strictDecoding(true).noRetries().build();

      ServerException e = assertThrows(ServerException.class,
          () -> client.sessions().get("my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3"));

      assertEquals(500, e.status());
      assertTrue(prism.exchanges().get(0).violations().contains("coldStart must be boolean"), prism.exchanges().toString());
    }
  }

  @Test
  void aChangedPathFailsTheCallAndTheCoverageCheck() throws Exception {
    Path spec = mistake("piper.yaml", "/scenarios/runs/by-session/{session_id}:", "/scenarios/runs/for-session/{session_id}:");
    try (PrismMock prism = PrismMock.start(spec)) {
      PiperClient client = PiperClient.builder().token("pat_contract_test").baseUrl(prism.baseUrl())
          .httpClient(prism.client()).strictDecoding(true).noRetries().build();
      String org = "0b5e3f7a-6a2c-4d8e-9f10-2b3c4d5e6f70";
      String session = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
      client.sessions().events(org, session);

      assertThrows(NotFoundException.class, () -> client.scenarioRuns().bySession(org, session));
      AssertionFailedError coverage = assertThrows(AssertionFailedError.class, prism::assertEveryOperationCalledWithEveryParameter);
      assertTrue(coverage.getMessage().contains("getScenarioRunBySession=[(never called)]"), coverage.getMessage());
    }
  }

  @Test
  void aRequestTheSpecRejectsFailsThroughTheClient() throws Exception {
    Path spec = mistake("agents-v2.yaml", "(default: 10, maximum: 100)'\n          schema:\n            type: integer\n"
        + "            format: int32\n            minimum: 1\n            maximum: 100\n",
        "(default: 10, maximum: 100)'\n          schema:\n            type: integer\n"
        + "            format: int32\n            minimum: 1\n            maximum: 10\n");
    try (PrismMock prism = PrismMock.start(spec)) {
      AgentsClient client = AgentsClient.builder().apiKey("zqt_contract_test").baseUrl(prism.baseUrl())
          .httpClient(prism.client()).strictDecoding(true).noRetries().build();

      BadRequestException e = assertThrows(BadRequestException.class, () -> client.sessions()
          .events("agt_customer_support", "ase_customer_support_001", EventListParams.builder().limit(50).build()));

      assertEquals(400, e.status());
      assertTrue(prism.exchanges().get(0).violations().contains("limit must be <= 10"), prism.exchanges().toString());
    }
  }

  /** Copies a spec to the temp dir with {@code from} replaced by {@code to}; fails if nothing changed. */
  private Path mistake(String name, String from, String to) throws IOException {
    String spec = Files.readString(Locations.spec(name), StandardCharsets.UTF_8);
    String changed = spec.replace(from, to);
    assertNotEquals(spec, changed, "the mistake was not injected into " + name);
    return Files.writeString(dir.resolve(name), changed, StandardCharsets.UTF_8);
  }
}
