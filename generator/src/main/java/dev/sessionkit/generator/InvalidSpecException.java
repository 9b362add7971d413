package dev.sessionkit.generator;

/**
 * The spec asks for something the generator does not support, or one of its {@code x-sessionkit-...}
 * extensions is missing or wrong. The message starts with the spec and the JSON pointer (RFC 6901)
 * of the construct, {@code specs/qoder.yaml#/paths/~1sessions/post/requestBody/content: ...}, so the
 * build fails naming the place to fix instead of handing javac code that cannot compile.
 */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidSpecException(String message) {
    super(message);
  }
}
