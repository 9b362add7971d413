package dev.sessionkit.errors;

import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an HTTP error status.
 *
 * <p>Carries the status, the vendor's error code and message decoded from its error envelope, the
 * request id, the response headers and the start of the raw body. Each status family has its own
 * subclass, so callers catch exactly what they handle:
 *
 * <pre>{@code
 * try {
 *   client.sessions().events(sessionId, params);
 * } catch (NotFoundException e) {
 *   log.info("no such session: {} ({})", e.errorMessage(), e.requestId());
 * }
 * }</pre>
 */
public class ApiException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  /** How much of a body an exception keeps. */
  public static final int MAX_BODY_CHARS = 2048;

  private final int status;
  private final @Nullable String errorCode;
  private final @Nullable String errorMessage;
  private final @Nullable String requestId;
  private final transient Headers headers;
  private final @Nullable Duration retryAfter;
  private final @Nullable String body;

  /**
   * Creates an exception for an error response; {@code body} is truncated to {@link #MAX_BODY_CHARS}.
   * {@code retryAfter} is how long the server asked to wait ({@code Retry-After}), or null.
   */
  public ApiException(int status, ErrorDetails details, @Nullable String requestId, Headers headers,
      @Nullable String body, int attempts, @Nullable Duration retryAfter) {
    super(describe(status, details, requestId), null, attempts);
    this.status = status;
    this.errorCode = details.code();
    this.errorMessage = details.message();
    this.requestId = requestId != null ? requestId : details.requestId();
    this.headers = headers;
    this.retryAfter = retryAfter;
    this.body = truncate(body);
  }

  /** Returns the HTTP status code. */
  public int status() {
    return status;
  }

  /**
   * Returns the vendor's error type or code (for example {@code not_found_error}) as the vendor
   * module's envelope parser reads it: from the body, or, where a vendor's documentation assigns one
   * code per status and its bodies carry none, the documented code (the Agents API v2 spec says how).
   * Null when there is none.
   */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** Returns the vendor's error message, or null if the body had none. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** Returns the request id from the response headers or the error body, or null. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Returns the response headers (empty after the exception was deserialized: they are not serializable). */
  public Headers headers() {
    return headers == null ? Headers.of() : headers;
  }

  /** Returns the start of the response body (at most {@link #MAX_BODY_CHARS} characters), or null if empty. */
  public @Nullable String body() {
    return body;
  }

  /** Returns how long the server asked to wait ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  static @Nullable String truncate(@Nullable String body) {
    if (body == null || body.isEmpty()) return null;
    return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS) + "…";
  }

  private static String describe(int status, ErrorDetails details, @Nullable String requestId) {
    StringBuilder message = new StringBuilder("HTTP ").append(status);
    if (details.code() != null) message.append(' ').append(details.code());
    if (details.message() != null) message.append(": ").append(details.message());
    String id = requestId != null ? requestId : details.requestId();
    if (id != null) message.append(" [request id ").append(id).append(']');
    return message.toString();
  }
}
