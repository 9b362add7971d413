package dev.sessionkit.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A plain OkHttp client for the sandbox's own tests (the SDKs are not dependencies of this module). */
final class Http {
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** A response: status, headers of interest and body. */
  record Answer(int status, String contentType, String retryAfter, String body) {
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
  }

  private Http() {}

  static Answer get(String url, String header, String value) throws IOException {
    Request.Builder request = new Request.Builder().url(url);
    if (header != null) request.header(header, value);
    try (Response response = CLIENT.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.header("Content-Type"), response.header("Retry-After"),
          response.body().string());
    }
  }

  static Answer bearer(String url, String token) throws IOException {
    return get(url, "Authorization", "Bearer " + token);
  }
}
