package dev.sessionkit.core;

import java.util.Objects;

/**
 * A secret (token or API key) that never shows itself: {@link #toString()} is redacted, and only
 * the auth interceptor reads it, to put it on a request header.
 */
public final class Credential {
  private final String secret;

  private Credential(String secret) {
    this.secret = secret;
  }

  /** Wraps {@code secret}; refuses a blank one without echoing it. */
  public static Credential of(String secret) {
    Objects.requireNonNull(secret, "token == null");
    if (secret.isBlank()) throw new IllegalArgumentException("token must not be blank");
    if (!secret.equals(secret.strip())) {
      throw new IllegalArgumentException("token must not start or end with white space");
    }
    return new Credential(secret);
  }

  /** Returns the secret itself. Only for putting it on the wire; never log it. */
  public String reveal() {
    return secret;
  }

  /** Returns a redacted form that is safe to log. */
  @Override
  public String toString() {
    return "Credential(redacted)";
  }
}
