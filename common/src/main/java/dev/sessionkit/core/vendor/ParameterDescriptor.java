package dev.sessionkit.core.vendor;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of an operation, as its spec declares it.
 *
 * @param name the name on the wire, for example {@code after_id}; {@link Arguments} are keyed by it
 * @param javaName the name of the Java parameter or builder method, for example {@code afterId}
 * @param location where it goes
 * @param kind its JSON type
 * @param required whether the operation needs it
 * @param description the spec's description (may be empty)
 * @param values the documented values of an enum parameter (others may be sent), else empty
 * @param example the spec's example, or null
 * @param defaultVariable the environment variable a client built from an environment may take a
 *     default for it from (such as {@code ACME_ORG_ID} for {@code org_id}), or null; a call that
 *     leaves such a required parameter out uses the client's default, and fails naming both when the
 *     client has none
 */
public record ParameterDescriptor(String name, String javaName, Location location, Kind kind, boolean required,
    String description, List<String> values, @Nullable String example, @Nullable String defaultVariable) {
  /** Where a parameter goes. */
  public enum Location {
    /** In the path. */
    PATH,
    /** In the query string. */
    QUERY,
    /** In a header. */
    HEADER
  }

  /** A parameter's type. */
  public enum Kind {
    /** Text. */
    STRING,
    /** A whole number. */
    INTEGER,
    /** Any number. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link ParameterDescriptor#values()}, or another value the spec's open enum keeps. */
    ENUM,
    /** Several values, each given separately. */
    ARRAY
  }

  /** Checks and copies the components. */
  public ParameterDescriptor {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(javaName, "javaName == null");
    Objects.requireNonNull(location, "location == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(description, "description == null");
    values = List.copyOf(values);
  }

  /** A parameter the client holds no default for. */
  public ParameterDescriptor(String name, String javaName, Location location, Kind kind, boolean required,
      String description, List<String> values, @Nullable String example) {
    this(name, javaName, location, kind, required, description, values, example, null);
  }

  /** Returns whether a call may leave it out: it is optional, or the client may hold a default for it. */
  public boolean optional() {
    return !required || defaultVariable != null;
  }
}
