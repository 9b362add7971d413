package dev.sessionkit.errors;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A live event stream dropped after events had arrived and could not be resumed: the vendor
 * documents no way to resume it, no event id had arrived yet (a reconnect would replay events
 * already delivered), the request that resumes it is not safe to send again, or the retries or the
 * retry budget ran out. {@link #lastEventId()} is where to resume later, for example with a
 * {@code Last-Event-ID} header in the request options or the vendor's resume field.
 */
public class StreamInterruptedException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String lastEventId;

  /**
   * Creates the exception for a stream that dropped with {@code cause} and was not resumed because of
   * {@code reason}; {@code lastEventId} is its resume cursor, or null when it has none.
   */
  public StreamInterruptedException(String target, IOException cause, String reason, @Nullable String lastEventId,
      int attempts) {
    super(cause, describe(target, cause, reason, lastEventId), attempts);
    this.lastEventId = lastEventId;
  }

  /**
   * Returns where to resume the stream: the id of the last event delivered (or, for a vendor that
   * resumes with a request field, the cursor that field takes), or null when none arrived.
   */
  public @Nullable String lastEventId() {
    return lastEventId;
  }

  private static String describe(String target, IOException cause, String reason, @Nullable String lastEventId) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return "the stream from " + target + " dropped (" + why + ") and was not resumed: " + reason
        + (lastEventId == null ? "" : "; resume after \"" + lastEventId + "\"");
  }
}
