package dev.sessionkit.pipecat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Reads the JSON fixtures under {@code src/test/resources/pipecat/} (see the README there) and builds test clients. */
final class Fixtures {
  static final String API_KEY = "pk_private_test_key";
  static final String AGENT = "my-agent";
  static final String SESSION_ID = "800d444a-e67e-4686-afb3-b0de509cccb3";
  /** The path the seed's example request asks for, under the server's {@code /v1/} base. */
  static final String SESSION_PATH = "/v1/agents/my-agent/sessions/800d444a-e67e-4686-afb3-b0de509cccb3";

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/pipecat/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A builder for a client of {@code server}, at the base path {@code /v1/} like the real one. */
  static PipecatClient.Builder clientFor(MockWebServer server) {
    return PipecatClient.builder().token(API_KEY).baseUrl(server.url("/v1/").toString());
  }

  /** A JSON response with {@code status} and {@code body}. */
  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }
}
