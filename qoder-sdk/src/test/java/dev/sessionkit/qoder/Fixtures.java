package dev.sessionkit.qoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the JSON fixtures under {@code src/test/resources/qoder/} (see the README there). */
final class Fixtures {
  static final String SESSION_ID = "sess_019e392c0d1e74e095d21ea4c6b41def";

  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/qoder/" + name)) {
      if (in == null) throw new IllegalArgumentException("no fixture " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Wraps a seed fragment (type-specific fields only) into a whole event with the common fields. */
  static String event(String id, String fragment) {
    String body = fragment.strip();
    return "{\"id\":\"" + id + "\",\"session_id\":\"" + SESSION_ID + "\","
        + "\"turn_id\":\"turn_019e392c0d787ceea6bb62943f9ac3ec\",\"schema_version\":\"1.0\","
        + "\"created_at\":\"2026-05-18T03:40:51.5Z\"," + body.substring(1);
  }

  /** A page envelope around {@code events} (JSON objects). */
  static String page(boolean hasMore, String firstId, String lastId, String... events) {
    return "{\"data\":[" + String.join(",", events) + "],\"first_id\":" + quote(firstId)
        + ",\"last_id\":" + quote(lastId) + ",\"has_more\":" + hasMore + "}";
  }

  /** A minimal user.message event. */
  static String userMessage(String id, String text) {
    return "{\"id\":\"" + id + "\",\"type\":\"user.message\",\"content\":\"" + text + "\",\"session_id\":\""
        + SESSION_ID + "\",\"created_at\":\"2026-05-18T03:40:48.888851795Z\"}";
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
