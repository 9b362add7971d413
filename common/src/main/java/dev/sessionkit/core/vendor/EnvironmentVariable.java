package dev.sessionkit.core.vendor;

import java.util.Objects;

/**
 * One environment variable a vendor client's {@code fromEnv()} reads.
 *
 * @param name the variable's name, for example {@code ACME_API_KEY}
 * @param role what it sets
 * @param description what it holds, for help texts
 */
public record EnvironmentVariable(String name, Role role, String description) {
  /** What a variable sets. */
  public enum Role {
    /** The credential (a token or an API key); required unless another credential is set. */
    CREDENTIAL,
    /** The base URL; optional. */
    BASE_URL,
    /** A default value of a parameter, such as an organization id; optional. */
    DEFAULT_PARAMETER
  }

  /** Checks the components. */
  public EnvironmentVariable {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(description, "description == null");
  }
}
