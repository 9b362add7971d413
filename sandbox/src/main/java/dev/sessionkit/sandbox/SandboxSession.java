package dev.sessionkit.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A session a {@link Sandbox} serves without being asked to create it: a documented one (the
 * vendor's own example) or a generated one of any size, whose content comes from the sandbox's
 * seed and is produced page by page when asked for, so that a 100,000-event session never sits in
 * memory.
 *
 * <pre>{@code
 * SandboxSession big = sandbox.session("acme", 100_000);
 * client.sessions().iterateEvents(big.id()).forEach(...);
 * SandboxSession scoped = sandbox.session("umbrella", 120);   // a session under an agent
 * client.sessions().events(scoped.parameter("agent_key"), scoped.id());
 * }</pre>
 */
public final class SandboxSession {
  private final String vendor;
  private final String id;
  private final Map<String, String> parameters;
  private final long size;

  SandboxSession(String vendor, String id, Map<String, String> parameters, long size) {
    this.vendor = vendor;
    this.id = id;
    this.parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.size = size;
  }

  /** Returns the id of the vendor it belongs to. */
  public String vendor() {
    return vendor;
  }

  /** Returns the session's id (the last of its path parameters). */
  public String id() {
    return id;
  }

  /**
   * Returns the path parameters that name the session, in path order, by the spec's names: for
   * example {@code {agent_key=agt_sandbox, session_key=ase_sandbox_120}}.
   */
  public Map<String, String> parameters() {
    return parameters;
  }

  /**
   * Returns the path parameter {@code name} of the session.
   *
   * @throws IllegalArgumentException when the session has no such parameter
   */
  public String parameter(String name) {
    String value = parameters.get(Objects.requireNonNull(name, "name == null"));
    if (value == null) throw new IllegalArgumentException(vendor + " sessions have no parameter " + name + " (they have " + parameters.keySet() + ")");
    return value;
  }

  /** Returns the size a generated session was asked for (its events, or the vendor's unit), or empty for a documented one. */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SandboxSession s && s.vendor.equals(vendor) && s.parameters.equals(parameters) && s.size == size;
  }

  @Override
  public int hashCode() {
    return Objects.hash(vendor, parameters, size);
  }

  @Override
  public String toString() {
    return vendor + " session " + parameters;
  }
}
