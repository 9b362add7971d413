package dev.sessionkit.core.vendor;

import java.util.List;
import java.util.Objects;

/**
 * One service of a vendor client (a tag of its spec): its accessor's name, description and operations.
 *
 * @param name the client's accessor, such as {@code sessions}
 * @param description the spec's description of the tag (may be empty)
 * @param operations its operations, in the spec's order
 */
public record ServiceDescriptor(String name, String description, List<OperationDescriptor> operations) {
  /** Checks and copies the components. */
  public ServiceDescriptor {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    operations = List.copyOf(operations);
  }
}
