package dev.sessionkit.core.vendor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a vendor's session runs, as its spec declares it ({@code x-sessionkit-lifecycle}): which
 * operation creates (or starts) a session, which sends it a message, which stream follows the
 * agent's reply, which ends it, and where the session's id is. What {@code sessionkit run} and the
 * demo run, naming no vendor. Every operation named is one of the vendor's; the generator checks it.
 */
public final class Lifecycle {
  /**
   * One step of the lifecycle: an operation, called with its spec's examples.
   *
   * @param operationId the operation
   * @param id the dotted path of the session's id in the step's answer (or its stream's events), or null
   * @param message a JSON pointer into the request body where the message's text goes, or null
   * @param omit JSON pointers of members of the body's example to leave out (an example's fixed session key)
   */
  public record Step(String operationId, @Nullable String id, @Nullable String message, List<String> omit) {
    /** Checks and copies the components. */
    public Step {
      Objects.requireNonNull(operationId, "operationId == null");
      omit = List.copyOf(omit);
    }

    /** A step that is only its operation. */
    public static Step of(String operationId) {
      return new Step(operationId, null, null, List.of());
    }
  }

  private final String sessionParameter;
  private final @Nullable Step create;
  private final @Nullable Step send;
  private final @Nullable Step follow;
  private final @Nullable Step end;

  /**
   * Creates a lifecycle.
   *
   * @param sessionParameter the parameter that names the session in the operations after the create
   * @param create the step that creates or starts a session, or null (the send creates it)
   * @param send the step that sends a message, or null (the vendor's API sends none)
   * @param follow the stream that follows the reply, or null (the send answers with it)
   * @param end the step that ends the session, or null
   */
  public Lifecycle(String sessionParameter, @Nullable Step create, @Nullable Step send, @Nullable Step follow,
      @Nullable Step end) {
    this.sessionParameter = Objects.requireNonNull(sessionParameter, "sessionParameter == null");
    this.create = create;
    this.send = send;
    this.follow = follow;
    this.end = end;
  }

  /** Returns the parameter that names the session in the operations after the create. */
  public String sessionParameter() {
    return sessionParameter;
  }

  /** Returns the step that creates or starts a session; empty when the send creates it. */
  public Optional<Step> create() {
    return Optional.ofNullable(create);
  }

  /** Returns the step that sends a message; empty when the vendor's API sends none. */
  public Optional<Step> send() {
    return Optional.ofNullable(send);
  }

  /** Returns the stream that follows the reply; empty when the send answers with it. */
  public Optional<Step> follow() {
    return Optional.ofNullable(follow);
  }

  /** Returns the step that ends the session; empty when the API has none. */
  public Optional<Step> end() {
    return Optional.ofNullable(end);
  }

  @Override
  public String toString() {
    return "Lifecycle(create=" + (create == null ? "-" : create.operationId()) + ", send="
        + (send == null ? "-" : send.operationId()) + ", follow=" + (follow == null ? "-" : follow.operationId())
        + ", end=" + (end == null ? "-" : end.operationId()) + ")";
  }
}
