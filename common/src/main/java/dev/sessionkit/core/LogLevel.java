package dev.sessionkit.core;

import java.util.Locale;
import java.util.Objects;

/**
 * How much a client logs, to its {@link HttpLogger}. Set it with {@code logLevel(...)} on a client
 * builder, or with the environment variable {@value #ENV} ({@code info} or {@code debug}), which
 * {@code fromEnv()} reads, as {@code OPENAI_LOG} does for the OpenAI SDKs.
 *
 * <p>Credentials are always redacted. Bodies are never logged: a page of events can be large and
 * holds the conversation's text.
 */
public enum LogLevel {
  /** Nothing is logged (the default). */
  NONE,
  /** Each request's method and URL, and its response's status, size and time. */
  INFO,
  /**
   * {@link #INFO}, with the headers of every request and response, and every retry decision and every
   * refusal by the retry budget with its reason.
   */
  DEBUG;

  /** The environment variable {@code fromEnv()} reads the level from. */
  public static final String ENV = "SESSIONKIT_LOG";

  /**
   * Returns the level {@code value} names: {@code none}, {@code info} or {@code debug}, in any case.
   *
   * @throws IllegalArgumentException for any other value, naming it
   */
  public static LogLevel parse(String value) {
    Objects.requireNonNull(value, "value == null");
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "none":
      case "off":
        return NONE;
      case "info":
        return INFO;
      case "debug":
        return DEBUG;
      default:
        throw new IllegalArgumentException(ENV + " must be info, debug or none (got \"" + value + "\")");
    }
  }
}
