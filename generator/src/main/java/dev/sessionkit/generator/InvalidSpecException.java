package dev.sessionkit.generator;

/** A spec's {@code x-sessionkit-...} extensions are missing or wrong; the message names the spec and the key. */
public final class InvalidSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidSpecException(String message) {
    super(message);
  }
}
