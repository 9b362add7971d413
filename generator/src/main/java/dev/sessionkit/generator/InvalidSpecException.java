package dev.sessionkit.generator;

/**
 * A spec the generator cannot turn into typed Java, or whose {@code x-sessionkit-...} extensions are
 * missing or wrong. The message names the spec and where: a schema construct by its JSON pointer
 * (RFC 6901), {@code specs/qoder.yaml#/components/schemas/Event/oneOf/2: ...}, an extension by its key.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidSpecException(String message) {
    super(message);
  }

  /**
   * Returns the error for the construct at {@code pointer} of {@code spec}: the message starts
   * {@code <spec>#<pointer>: }.
   *
   * @param pointer an RFC 6901 JSON pointer, such as {@code /components/schemas/Pet/properties/status}
   *     (build it with {@link #pointer})
   */
  static InvalidSpecException at(String spec, String pointer, String message) {
    return new InvalidSpecException(spec + "#" + pointer + ": " + message);
  }

  /** Returns {@code base} followed by one reference token per {@code tokens}, escaped as RFC 6901 says. */
  static String pointer(String base, String... tokens) {
    StringBuilder pointer = new StringBuilder(base);
    for (String token : tokens) pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    return pointer.toString();
  }
}
