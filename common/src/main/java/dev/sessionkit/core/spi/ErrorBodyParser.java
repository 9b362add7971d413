package dev.sessionkit.core.spi;

import dev.sessionkit.errors.ErrorDetails;

/**
 * Reads a vendor's error envelope. Each vendor module plugs its own in, decoding the envelope its
 * spec documents; bodies that are not that envelope (plain text, HTML from a proxy) give
 * {@link ErrorDetails#NONE} or what can be salvaged, never an exception.
 */
@FunctionalInterface
public interface ErrorBodyParser {
  /** Reads {@code body} (possibly empty) of a response with HTTP {@code status}. */
  ErrorDetails parse(int status, String body);
}
