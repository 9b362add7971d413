package dev.sessionkit.agents.internal;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.agents.model.ErrorCode;
import dev.sessionkit.agents.model.ErrorResponse;
import dev.sessionkit.core.http.ErrorBodyParser;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.ErrorDetails;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Agents API v2 error body and names its error code as the seed's table does.
 *
 * <p>Vectara's published bodies are {@code {"messages":[...],"request_id":"..."}}, with {@code id}
 * on a 404 and {@code field_errors} on a 400, and carry no code; the seed documents one per status.
 * So the code is, in order: the body's {@code code} when it has one; for a 404, the kind of key the
 * body names ({@code id}, else the first key named in {@code messages}: {@code ase_} is
 * {@code session_not_found}, {@code agt_} is {@code agent_not_found}); otherwise the seed's code
 * for the status (400 {@code invalid_request}, 401 {@code unauthorized}, 403 {@code forbidden},
 * 429 {@code rate_limit_exceeded}). A 404 that names no key has no code. The messages are joined
 * into the message; a non-JSON body (a proxy's page) becomes the message, shortened.
 */
public final class AgentsErrors implements ErrorBodyParser {
  private static final JsonAdapter<ErrorResponse> BODY = SessionkitMoshi.adapter(ErrorResponse.class, false);
  /** An agent or session key (the spec's path patterns); in a message, the first one named is the missing one. */
  private static final Pattern ANY_KEY = Pattern.compile("\\b(?:agt|ase)_[0-9a-zA-Z_-]+");

  @Override
  public ErrorDetails parse(int status, String body) {
    String text = body.strip();
    ErrorResponse parsed = null;
    if (text.startsWith("{")) {
      try {
        parsed = BODY.fromJson(text);
      } catch (IOException | RuntimeException notTheBody) {
        // keep parsed null: the status alone still names the code
      }
    }
    if (parsed == null) {
      String message = text.startsWith("{") ? null : ErrorDetails.textMessage(text);
      return new ErrorDetails(codeFor(status, null), message, null);
    }
    String message = parsed.messages().isEmpty() ? null : String.join("; ", parsed.messages());
    return new ErrorDetails(codeFor(status, parsed), message, parsed.requestId());
  }

  private static @Nullable String codeFor(int status, @Nullable ErrorResponse body) {
    if (body != null && body.code() != null) return body.code().value();
    switch (status) {
      case 400: return ErrorCode.INVALID_REQUEST.value();
      case 401: return ErrorCode.UNAUTHORIZED.value();
      case 403: return ErrorCode.FORBIDDEN.value();
      case 404: return body == null ? null : notFoundCode(body);
      case 429: return ErrorCode.RATE_LIMIT_EXCEEDED.value();
      default: return null;
    }
  }

  private static @Nullable String notFoundCode(ErrorResponse body) {
    if (body.id() != null) {
      String byId = keyKind(body.id(), true);
      if (byId != null) return byId;
    }
    for (String message : body.messages()) {
      String byMessage = keyKind(message, false);
      if (byMessage != null) return byMessage;
    }
    return null;
  }

  /** The kind of the key {@code text} is ({@code whole}), or of the first key it mentions. */
  private static @Nullable String keyKind(String text, boolean whole) {
    Matcher key = ANY_KEY.matcher(text);
    if (!(whole ? key.matches() : key.find())) return null;
    return key.group().startsWith("ase_") ? ErrorCode.SESSION_NOT_FOUND.value() : ErrorCode.AGENT_NOT_FOUND.value();
  }
}
