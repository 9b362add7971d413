package dev.sessionkit.sandbox;

import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One request as a fake API sees it: method, the path segments after the vendor's prefix, the
 * URL (for query parameters), the headers and the request's number. Internal.
 */
record Exchange(String method, List<String> path, HttpUrl url, Headers headers, long number) {
  /** Returns the query parameter {@code name}, or null if absent. */
  public @Nullable String query(String name) {
    return url.queryParameter(name);
  }

  /** Returns true when the request carries {@code Authorization: Bearer <token>}. */
  public boolean hasBearer(String token) {
    String value = headers.get("Authorization");
    return value != null && value.equals("Bearer " + token);
  }
}
