package dev.sessionkit.agents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** The fixtures under {@code src/test/resources/agents-v2/} (see the README there) and small page builders. */
final class Fixtures {
  /** The seed's example keys. */
  static final String AGENT_KEY = "agt_customer_support";
  static final String SESSION_KEY = "ase_customer_support_001";
  static final String API_KEY = "zqt_test-api-key-0001";
  static final String EVENTS_PATH = "/v2/agents/" + AGENT_KEY + "/sessions/" + SESSION_KEY + "/events";

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/agents-v2/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client for {@code server} with the test API key (in {@code x-api-key}) and the given strictness. */
  static AgentsClient client(MockWebServer server, boolean strict) {
    return AgentsClient.builder().apiKey(API_KEY).baseUrl(server.url("/").toString()).strictDecoding(strict).build();
  }

  /** A page of {@code events} (JSON objects) whose metadata carries {@code pageKey} (null: JSON null). */
  static String page(String pageKey, String... events) {
    String key = pageKey == null ? "null" : "\"" + pageKey + "\"";
    return "{\"events\":[" + String.join(",", events) + "],\"metadata\":{\"page_key\":" + key
        + ",\"total_count\":5}}";
  }

  /** An agent_output event with the common fields. */
  static String agentOutput(String id, String content) {
    return event(id, "agent_output", "\"content\":\"" + content + "\"");
  }

  /** An event of {@code type} with the common fields and {@code fields} (JSON members, without braces). */
  static String event(String id, String type, String fields) {
    return "{\"id\":\"" + id + "\",\"session_key\":\"" + SESSION_KEY + "\",\"type\":\"" + type + "\","
        + fields + ",\"created_at\":\"2024-01-15T10:35:04Z\"}";
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse error(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }
}
