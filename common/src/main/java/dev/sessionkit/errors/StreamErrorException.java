package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * A live event stream sent an error event: the vendor reported a failure inside the stream, after a
 * successful response. Carries the vendor's error code and message, read from the event's data by
 * the vendor's error envelope, the event's name and its raw data. The stream is closed; it is not
 * resumed, since the server ended it on purpose.
 *
 * <pre>{@code
 * try (EventStream<AgentEvent> events = client.agents().streamInput(sessionKey, input)) {
 *   for (AgentEvent event : events) show(event);
 * } catch (StreamErrorException e) {
 *   log.warn("agent failed: {} {}", e.errorCode(), e.errorMessage());
 * }
 * }</pre>
 */
public class StreamErrorException extends SessionkitException {
  private static final long serialVersionUID = 1L;

  private final String eventName;
  private final @Nullable String errorCode;
  private final @Nullable String errorMessage;
  private final @Nullable String requestId;
  private final @Nullable String data;

  /**
   * Creates the exception for the error event {@code eventName} in the stream from {@code target}
   * (method and URL without credentials); {@code data} is truncated to {@link ApiException#MAX_BODY_CHARS}.
   */
  public StreamErrorException(String target, String eventName, ErrorDetails details, @Nullable String requestId,
      @Nullable String data, int attempts) {
    super(describe(target, eventName, details, requestId), null, attempts);
    this.eventName = eventName;
    this.errorCode = details.code();
    this.errorMessage = details.message();
    this.requestId = requestId != null ? requestId : details.requestId();
    this.data = ApiException.truncate(data);
  }

  /** Returns the name of the error event, for example {@code error}. */
  public String eventName() {
    return eventName;
  }

  /** Returns the vendor's error type or code, as its error envelope reads it from the event, or null. */
  public @Nullable String errorCode() {
    return errorCode;
  }

  /** Returns the vendor's error message, or null if the event had none. */
  public @Nullable String errorMessage() {
    return errorMessage;
  }

  /** Returns the request id from the response headers or the event, or null. */
  public @Nullable String requestId() {
    return requestId;
  }

  /** Returns the start of the event's data (at most {@link ApiException#MAX_BODY_CHARS} characters), or null if empty. */
  public @Nullable String data() {
    return data;
  }

  private static String describe(String target, String eventName, ErrorDetails details, @Nullable String requestId) {
    StringBuilder message = new StringBuilder("the stream from ").append(target).append(" sent the error event \"")
        .append(eventName).append('"');
    if (details.code() != null) message.append(": ").append(details.code());
    if (details.message() != null) message.append(details.code() != null ? " " : ": ").append(details.message());
    String id = requestId != null ? requestId : details.requestId();
    if (id != null) message.append(" (request id ").append(id).append(')');
    return message.toString();
  }
}
