package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** A plain OkHttp client for the sandbox's own tests (no vendor SDK is a dependency of this module). */
final class Http {
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false)
      .readTimeout(10, TimeUnit.SECONDS).build();
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** A response: status, headers of interest and body. */
  record Answer(int status, @Nullable String contentType, @Nullable String retryAfter, String body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) JSON.fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String name) {
      return (List<Map<String, Object>>) json().get(name);
    }

    Object at(String path) {
      Object current = json();
      for (String step : path.split("\\.")) current = current instanceof Map<?, ?> m ? m.get(step) : null;
      return current;
    }
  }

  /** One server-sent event as read off the wire. */
  record Frame(@Nullable String id, @Nullable String event, String data) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) JSON.fromJson(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Sandbox sandbox;
  private final String vendor;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Http(Sandbox sandbox, String vendor) {
    this.sandbox = sandbox;
    this.vendor = vendor;
  }

  /** A client of {@code vendor} on {@code sandbox} that sends the credential as a Bearer token. */
  static Http bearer(Sandbox sandbox, String vendor) {
    return new Http(sandbox, vendor).header("Authorization", "Bearer " + sandbox.credential(vendor));
  }

  /** A client of {@code vendor} on {@code sandbox} that sends no credential. */
  static Http anonymous(Sandbox sandbox, String vendor) {
    return new Http(sandbox, vendor);
  }

  Http header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  private Request.Builder request(String path) {
    Request.Builder request = new Request.Builder().url(sandbox.baseUrl(vendor) + path);
    headers.forEach(request::header);
    return request;
  }

  Answer get(String path) throws IOException {
    return send(request(path).get());
  }

  Answer post(String path, @Nullable String json) throws IOException {
    return send(request(path).post(body(json)));
  }

  Answer patch(String path, String json) throws IOException {
    return send(request(path).patch(body(json)));
  }

  Answer delete(String path) throws IOException {
    return send(request(path).delete());
  }

  Answer method(String method, String path) throws IOException {
    return send(request(path).method(method, method.equals("GET") || method.equals("HEAD") ? null : body(null)));
  }

  private static RequestBody body(@Nullable String json) {
    return json == null ? RequestBody.create(new byte[0]) : RequestBody.create(json, MediaType.get("application/json"));
  }

  private static Answer send(Request.Builder request) throws IOException {
    try (Response response = CLIENT.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.header("Content-Type"), response.header("Retry-After"), response.body().string());
    }
  }

  /** Opens {@code path} (GET, or POST with {@code json}) and reads {@code count} frames (heartbeats included), then closes. */
  List<Frame> frames(String path, @Nullable String json, int count) throws IOException {
    Request.Builder request = request(path).header("Accept", "text/event-stream");
    if (json != null) request.post(body(json));
    try (Response response = CLIENT.newCall(request.build()).execute()) {
      if (response.code() >= 300) throw new AssertionError("HTTP " + response.code() + ": " + response.body().string());
      return read(response.body().source(), count);
    }
  }

  /** Reads frames until {@code count} or the end of the stream. */
  static List<Frame> read(BufferedSource source, int count) throws IOException {
    List<Frame> frames = new ArrayList<>();
    String id = null;
    String event = null;
    StringBuilder data = null;
    while (frames.size() < count) {
      String line = source.readUtf8Line();
      if (line == null) break;
      if (line.isEmpty()) {
        if (data != null) frames.add(new Frame(id, event, data.toString()));
        id = null;
        event = null;
        data = null;
      } else if (line.startsWith("id: ")) {
        id = line.substring(4);
      } else if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ")) {
        data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
      }
    }
    return frames;
  }
}
