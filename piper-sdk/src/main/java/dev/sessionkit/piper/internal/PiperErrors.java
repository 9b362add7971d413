package dev.sessionkit.piper.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.sessionkit.core.http.ErrorBodyParser;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.piper.model.HTTPError;
import dev.sessionkit.piper.model.HTTPValidationError;
import dev.sessionkit.piper.model.ValidationError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads the error bodies of Piper's FastAPI service: {@code {"detail": "..."}} (an HTTPException)
 * and {@code {"detail": [{"loc": [...], "msg": ..., "type": ...}]}} (a 422 validation error).
 *
 * <p>A string {@code detail} becomes the message, without a code. A validation list becomes one
 * readable message, {@code "path.session_id: Input should be a valid UUID"} (several joined with
 * {@code "; "}), and its first {@code type} becomes the code. Any other JSON {@code detail} (FastAPI
 * allows any) is kept as its JSON text; a plain-text body becomes the message; HTML (from a proxy)
 * and bodies without {@code detail} give {@link ErrorDetails#NONE}.
 */
public final class PiperErrors implements ErrorBodyParser {
  private static final JsonAdapter<HTTPError> HTTP_ERROR = SessionkitMoshi.adapter(HTTPError.class, false);
  private static final JsonAdapter<HTTPValidationError> VALIDATION =
      SessionkitMoshi.adapter(HTTPValidationError.class, false);

  @Override
  public ErrorDetails parse(int status, String body) {
    String text = body.strip();
    if (!text.startsWith("{")) return ErrorDetails.ofText(text);
    try {
      JsonValue detail = detail(text);
      String json = detail == null ? "null" : detail.json().strip();
      if (json.equals("null")) return ErrorDetails.NONE;
      if (json.startsWith("\"")) {
        HTTPError error = HTTP_ERROR.fromJson(text);
        return error == null ? ErrorDetails.NONE : new ErrorDetails(null, error.detail(), null);
      }
      if (detail.isArray()) {
        HTTPValidationError validation = VALIDATION.fromJson(text);
        return validation == null ? ErrorDetails.NONE : describe(validation.detail());
      }
      return new ErrorDetails(null, ErrorDetails.textMessage(json), null);
    } catch (IOException | RuntimeException notFastApi) {
      return ErrorDetails.NONE;
    }
  }

  /** Returns the raw {@code detail} member of a JSON object, or null when it has none. */
  private static @Nullable JsonValue detail(String json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json));
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.nextName().equals("detail")) {
        try (BufferedSource source = reader.nextSource()) {
          return new JsonValue(source.readUtf8());
        }
      }
      reader.skipValue();
    }
    return null;
  }

  private static ErrorDetails describe(List<ValidationError> errors) {
    if (errors.isEmpty()) return ErrorDetails.NONE;
    List<String> parts = new ArrayList<>();
    for (ValidationError error : errors) {
      String location = location(error.loc());
      parts.add(location.isEmpty() ? error.msg() : location + ": " + error.msg());
    }
    return new ErrorDetails(errors.get(0).type(), String.join("; ", parts), null);
  }

  /** Joins a {@code loc} path with dots: strings without their quotes, integers as sent. */
  private static String location(List<JsonValue> loc) {
    List<String> segments = new ArrayList<>();
    for (JsonValue segment : loc) {
      String json = segment.json().strip();
      segments.add(json.startsWith("\"") ? String.valueOf(segment.toJavaValue()) : json);
    }
    return String.join(".", segments);
  }
}
