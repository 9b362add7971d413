package dev.sessionkit.piper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Reads the JSON fixtures under {@code src/test/resources/piper/} (see the README there) and builds test clients. */
final class Fixtures {
  /** The UUID every id in the seed examples has. */
  static final String SEED_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  /** An organization id distinct from the session id, so that the request path shows which is which. */
  static final String ORG_ID = "0b5e3f7a-6a2c-4d8e-9f10-2b3c4d5e6f70";
  static final String SESSION_ID = SEED_ID;
  static final String TOKEN = "pat_test_0123456789";
  static final String EVENTS_PATH = "/v1/orgs/" + ORG_ID + "/responses/sessions/" + SESSION_ID + "/events";
  static final String SCENARIO_RUN_PATH = "/v1/orgs/" + ORG_ID + "/scenarios/runs/by-session/" + SESSION_ID;

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/piper/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed's "Get Session Events" example. */
  static String sessionEvents() {
    return read("session-events-example.json");
  }

  /** The seed's scenario run example. */
  static String scenarioRun() {
    return read("scenario-run-by-session-example.json");
  }

  /** Replaces {@code from} (which must occur) with {@code to} in {@code json}. */
  static String replace(String json, String from, String to) {
    if (!json.contains(from)) throw new IllegalArgumentException("fixture has no " + from);
    return json.replace(from, to);
  }

  static PiperClient.Builder clientFor(MockWebServer server) {
    return PiperClient.builder().token(TOKEN).baseUrl(server.url("/").toString()).noRetries();
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
  }
}
