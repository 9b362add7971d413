package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON pointer (RFC 6901) into the spec, such as {@code /paths/~1sessions~1{session_id}/post/requestBody}:
 * every refusal names the construct it refuses with one. Immutable; {@link #then} returns a longer pointer.
 */
record Pointer(List<String> tokens) {
  /** The whole document, {@code ""}. */
  static final Pointer ROOT = new Pointer(List.of());

  Pointer {
    tokens = List.copyOf(tokens);
  }

  /** Returns the pointer to the member {@code token} (a key or an array index) of what this points to. */
  Pointer then(Object token) {
    List<String> longer = new ArrayList<>(tokens);
    longer.add(String.valueOf(token));
    return new Pointer(longer);
  }

  /** Returns the pointer to the member at {@code tokens}, one after the other. */
  Pointer then(Object... more) {
    Pointer pointer = this;
    for (Object token : more) pointer = pointer.then(token);
    return pointer;
  }

  /** Returns the pointer to an operation: {@code /paths/<path>/<method>}. */
  static Pointer operation(String path, String method) {
    return ROOT.then("paths", path, method.toLowerCase(java.util.Locale.ROOT));
  }

  /** Returns the pointer to a named schema: {@code /components/schemas/<name>}. */
  static Pointer schema(String name) {
    return ROOT.then("components", "schemas", name);
  }

  /** The last token, or empty for the root. */
  String last() {
    return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
  }

  /** Returns the pointer as written, each token escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (String token : tokens) out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    return out.toString();
  }
}
