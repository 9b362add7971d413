package dev.sessionkit.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One answer before faults are applied: a status, headers and either a body or a live stream.
 *
 * @param status the HTTP status
 * @param headers extra headers (Content-Type included)
 * @param body the body, empty for none
 * @param stream the live stream that is the body instead, or null
 * @param send whether the request started an agent turn (a "send": 429-on-send faults target it)
 */
public record Reply(int status, Map<String, String> headers, byte[] body, @Nullable Frames stream, boolean send) {
  /** A JSON reply. */
  public static Reply json(int status, @Nullable Object value) {
    return bytes(status, "application/json", Json.write(value));
  }

  /** A reply of {@code bytes} with {@code contentType}. */
  public static Reply bytes(int status, String contentType, byte[] bytes) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    return new Reply(status, headers, bytes, null, false);
  }

  /** A plain-text reply. */
  public static Reply text(int status, String text) {
    return bytes(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A reply without a body. */
  public static Reply empty(int status) {
    return new Reply(status, new LinkedHashMap<>(), new byte[0], null, false);
  }

  /** A live {@code text/event-stream}. */
  public static Reply stream(int status, Frames frames) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/event-stream");
    headers.put("Cache-Control", "no-cache");
    return new Reply(status, headers, new byte[0], frames, false);
  }

  /** The same reply, marked as the answer to a request that started a turn. */
  public Reply asSend() {
    return new Reply(status, headers, body, stream, true);
  }

  /** The same reply with one more header. */
  public Reply header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, copy, body, stream, send);
  }
}
