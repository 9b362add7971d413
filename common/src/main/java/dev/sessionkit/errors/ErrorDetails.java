package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * What a vendor's error envelope says, reduced to the parts every vendor has.
 *
 * @param code the vendor's error type or code, for example {@code not_found_error}, or null
 * @param message the vendor's human-readable message, or null
 * @param requestId a request id carried in the body (some vendors put it there), or null
 */
public record ErrorDetails(@Nullable String code, @Nullable String message, @Nullable String requestId) {
  /** Details for a body that carried none. */
  public static final ErrorDetails NONE = new ErrorDetails(null, null, null);

  /** How much of a plain-text body becomes the message. */
  public static final int MAX_TEXT_MESSAGE = 200;

  /**
   * Details for a body that is not the vendor's envelope but plain text (a gateway's
   * {@code 404 page not found}): the text, shortened to {@value #MAX_TEXT_MESSAGE} characters, is the
   * message. An empty body or an HTML page (a proxy's error page) gives {@link #NONE}.
   */
  public static ErrorDetails ofText(String body) {
    String message = textMessage(body);
    return message == null ? NONE : new ErrorDetails(null, message, null);
  }

  /** Returns the message {@link #ofText} would give {@code body}, or null. */
  public static @Nullable String textMessage(String body) {
    String text = body.strip();
    if (text.isEmpty() || text.startsWith("<")) return null;
    return text.length() <= MAX_TEXT_MESSAGE ? text : text.substring(0, MAX_TEXT_MESSAGE) + "…";
  }
}
