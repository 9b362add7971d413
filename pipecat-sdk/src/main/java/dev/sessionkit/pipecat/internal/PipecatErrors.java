package dev.sessionkit.pipecat.internal;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.http.ErrorBodyParser;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.pipecat.model.ErrorResponse;
import java.io.IOException;

/**
 * Reads Pipecat Cloud's error body, {@code {"error": "<message>", "code": "<code>"}}, into the code
 * ({@code "401"}, {@code "404"}, {@code "PCC-1001"}, …) and the message; a plain-text body (a proxy's
 * answer) becomes the message. The schema is ErrorResponse in Pipecat's OpenAPI document, rendered
 * on the "Get Session Details" page of the Pipecat Cloud REST reference.
 */
public final class PipecatErrors implements ErrorBodyParser {
  private static final JsonAdapter<ErrorResponse> BODY = SessionkitMoshi.adapter(ErrorResponse.class, false);

  /** Creates the parser; it holds no state. */
  public PipecatErrors() {}

  @Override
  public ErrorDetails parse(int status, String body) {
    String text = body.strip();
    if (text.isEmpty()) return ErrorDetails.NONE;
    if (text.startsWith("{")) {
      try {
        ErrorResponse error = BODY.fromJson(text);
        if (error != null && (error.code() != null || error.error() != null)) {
          return new ErrorDetails(error.code(), error.error(), null);
        }
      } catch (IOException | RuntimeException notTheErrorBody) {
        // fall through: a JSON body of another shape carries no details
      }
      return ErrorDetails.NONE;
    }
    return ErrorDetails.ofText(text);
  }
}
