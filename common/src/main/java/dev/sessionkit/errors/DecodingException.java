package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * A response arrived but its body could not be decoded: truncated or malformed JSON, a value of the
 * wrong type, or (in strict mode) a field, variant or enum value the spec does not name. The
 * message names the JSON path.
 */
public class DecodingException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String requestId;
  private final @Nullable String body;

  /** Creates the exception; {@code body} is truncated to {@link ApiException#MAX_BODY_CHARS}. */
  public DecodingException(String message, @Nullable Throwable cause, int status, @Nullable String requestId,
      @Nullable String body, int attempts) {
    super(message + " (HTTP " + status + (requestId == null ? "" : ", request id " + requestId) + ")",
        cause, attempts);
    this.status = status;
    this.requestId = requestId;
    this.body = ApiException.truncate(body);
  }

  /** Returns the HTTP status of the response that could not be decoded. */
  public int status() {
    return status;
  }

  /** Returns the request id from the response headers, or null. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Returns the start of the body (at most {@link ApiException#MAX_BODY_CHARS} characters), or null. */
  public @Nullable String body() {
    return body;
  }
}
