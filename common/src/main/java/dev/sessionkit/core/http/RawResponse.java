package dev.sessionkit.core.http;

import java.util.Objects;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A decoded response together with what the HTTP exchange said about it.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param requestId the request id the server sent, or null
 * @param attempts how many times the request was sent, retries included
 * @param body the decoded body; never null, except in a {@code RawResponse<Void>}: the answer of an
 *     operation the spec documents without a body (such as a 204), whose body is always null
 * @param <T> the body type
 */
public record RawResponse<T>(int status, Headers headers, @Nullable String requestId, int attempts, T body) {
  /** Checks the response. */
  public RawResponse {
    Objects.requireNonNull(headers, "headers == null");
  }
}
