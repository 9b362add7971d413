package dev.sessionkit.core.internal.http;

import java.util.List;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/** Reads the request id a response carries, from the headers the vendor's spec names, first match wins. */
final class RequestIds {
  private final List<String> headers;

  RequestIds(List<String> headers) {
    this.headers = List.copyOf(headers);
  }

  @Nullable String of(Headers response) {
    for (String name : headers) {
      String value = response.get(name);
      if (value != null && !value.isBlank()) return value;
    }
    return null;
  }
}
