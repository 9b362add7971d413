package dev.sessionkit.contract.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * "Nothing lost": every member of a body the server sent is in what the SDK made of it (re-encoded
 * with its own adapters), with an equal value. Numbers compare by value ({@code 1} and {@code 1.0}),
 * timestamps by instant ({@code ...48.888851795Z} and {@code ...48.888851795+00:00}); a member sent as
 * null may be absent; members the SDK adds (defaults) are allowed.
 */
final class JsonContainment {
  private JsonContainment() {}

  /** Returns null when everything {@code sent} holds is in {@code decoded}, else where it is not. */
  static @Nullable String missing(String sent, String decoded) {
    return missing("$", tree(sent), tree(decoded));
  }

  private static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable String missing(String path, JsonNode sent, @Nullable JsonNode decoded) {
    if (sent.isNull()) return decoded == null || decoded.isNull() || decoded.isMissingNode() ? null
        : path + ": sent null, decoded " + decoded;
    if (decoded == null || decoded.isMissingNode() || decoded.isNull()) return path + ": sent " + abbreviate(sent) + ", lost";
    if (sent.isObject()) {
      if (!decoded.isObject()) return path + ": sent an object, decoded " + abbreviate(decoded);
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String found = missing(path + "." + member.getKey(), member.getValue(), decoded.get(member.getKey()));
        if (found != null) return found;
      }
      return null;
    }
    if (sent.isArray()) {
      if (!decoded.isArray() || decoded.size() != sent.size()) {
        return path + ": sent " + sent.size() + " items, decoded " + abbreviate(decoded);
      }
      for (int i = 0; i < sent.size(); i++) {
        String found = missing(path + "[" + i + "]", sent.get(i), decoded.get(i));
        if (found != null) return found;
      }
      return null;
    }
    if (sent.isNumber()) {
      boolean equal = decoded.isNumber() && sent.decimalValue().compareTo(decoded.decimalValue()) == 0;
      return equal ? null : path + ": sent " + sent + ", decoded " + decoded;
    }
    if (sent.isTextual() && decoded.isTextual()) {
      if (sent.asText().equals(decoded.asText())) return null;
      Instant a = instant(sent.asText());
      Instant b = instant(decoded.asText());
      return a != null && a.equals(b) ? null : path + ": sent " + sent + ", decoded " + decoded;
    }
    return sent.equals(decoded) ? null : path + ": sent " + sent + ", decoded " + decoded;
  }

  private static @Nullable Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
