package dev.sessionkit.qoder.internal;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.http.ErrorBodyParser;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.qoder.model.ApiError;
import dev.sessionkit.qoder.model.ErrorResponse;
import java.io.IOException;

/**
 * Reads Qoder's error envelope, {@code {"type":"error","error":{"type":...,"message":...}}}; a
 * plain-text body (an unregistered route answers {@code 404 page not found}) becomes the message.
 */
public final class QoderErrors implements ErrorBodyParser {
  private static final JsonAdapter<ErrorResponse> ENVELOPE = SessionkitMoshi.adapter(ErrorResponse.class, false);

  @Override
  public ErrorDetails parse(int status, String body) {
    String text = body.strip();
    if (text.isEmpty()) return ErrorDetails.NONE;
    if (text.startsWith("{")) {
      try {
        ErrorResponse envelope = ENVELOPE.fromJson(text);
        ApiError error = envelope == null ? null : envelope.error();
        if (error != null) {
          return new ErrorDetails(error.type() == null ? null : error.type().value(), error.message(), null);
        }
      } catch (IOException | RuntimeException notTheEnvelope) {
        // fall through: keep the text
      }
      return ErrorDetails.NONE;
    }
    return ErrorDetails.ofText(text);
  }
}
