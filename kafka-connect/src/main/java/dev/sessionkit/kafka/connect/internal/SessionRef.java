package dev.sessionkit.kafka.connect.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One session of one vendor: what the vendor's history operation takes to read it (the session id,
 * and the agent when the operation names one too). Its {@link #partition()} is the Connect source
 * partition its offsets are stored under.
 *
 * @param vendor the vendor's id
 * @param agent the agent the session belongs to, when the vendor names sessions by agent, else null
 * @param id the session's id
 */
public record SessionRef(String vendor, @Nullable String agent, String id) implements Comparable<SessionRef> {
  /** The source partition's keys. */
  public static final String VENDOR = "vendor";
  /** The source partition's session key. */
  public static final String SESSION = "session";
  /** The source partition's agent key, present when the session has an agent. */
  public static final String AGENT = "agent";

  /** Checks the components. */
  public SessionRef {
    Objects.requireNonNull(vendor, "vendor == null");
    Objects.requireNonNull(id, "id == null");
    if (id.isBlank()) throw new IllegalArgumentException("a session id must not be blank");
    if (agent != null && agent.isBlank()) throw new IllegalArgumentException("an agent must not be blank (session " + id + ")");
  }

  /**
   * Reads a session as configured: {@code session}, or {@code agent/session} for a vendor that names
   * sessions by agent.
   *
   * @throws IllegalArgumentException naming the vendor and the value when it does not fit
   */
  public static SessionRef parse(String vendor, String text, boolean byAgent) {
    String value = text.strip();
    int slash = value.indexOf('/');
    if (byAgent) {
      if (slash <= 0 || slash == value.length() - 1 || value.indexOf('/', slash + 1) >= 0) {
        throw new IllegalArgumentException(vendor + " sessions are named agent/session (got \"" + value + "\")");
      }
      return new SessionRef(vendor, value.substring(0, slash), value.substring(slash + 1));
    }
    if (slash >= 0 || value.isEmpty()) {
      throw new IllegalArgumentException(vendor + " sessions are named by their id alone (got \"" + value + "\")");
    }
    return new SessionRef(vendor, null, value);
  }

  /**
   * Returns the Connect source partition: the vendor, the session and, if it has one, the agent.
   *
   * <p>Its keys iterate in the order of a {@link HashMap} of default capacity, and that is part of
   * the contract: Connect stores and finds an offset by the bytes of its partition as the offset
   * converter writes them, in the map's iteration order, and where it reads partitions back (the
   * offsets REST API, a reset) its JSON converter rebuilds them as such a {@code HashMap} before it
   * writes them again. A partition in any other order (a {@code Map.of}'s, random per JVM, or an
   * insertion order) would not find the offset its records committed.
   */
  public Map<String, String> partition() {
    Map<String, String> partition = new HashMap<>();
    partition.put(VENDOR, vendor);
    partition.put(SESSION, id);
    if (agent != null) partition.put(AGENT, agent);
    return Collections.unmodifiableMap(partition);
  }

  /**
   * Returns the session a source partition names, or null when the map is not one of this
   * connector's partitions.
   */
  public static @Nullable SessionRef fromPartition(Map<String, ?> partition) {
    if (!(partition.get(VENDOR) instanceof String vendor) || !(partition.get(SESSION) instanceof String id)) return null;
    Object agent = partition.get(AGENT);
    if (agent != null && !(agent instanceof String)) return null;
    if (partition.size() != (agent == null ? 2 : 3) || id.isBlank()) return null;
    return new SessionRef(vendor, (String) agent, id);
  }

  /** Returns the session as one element of a task's session list: {@code vendor:agent/id}, each part URL-encoded. */
  public String encode() {
    return encode(vendor) + ":" + (agent == null ? "" : encode(agent) + "/") + encode(id);
  }

  /** Reads one element of a task's session list, as written by {@link #encode()}. */
  public static SessionRef decode(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) throw new IllegalArgumentException("not a session of a task's list: \"" + text + "\"");
    String rest = text.substring(colon + 1);
    int slash = rest.indexOf('/');
    return new SessionRef(decodePart(text.substring(0, colon)), slash < 0 ? null : decodePart(rest.substring(0, slash)),
        decodePart(slash < 0 ? rest : rest.substring(slash + 1)));
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }

  private static String decodePart(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** Returns the session as people name it in messages: {@code acme session s_1}, or {@code acme session agent/s_1}. */
  @Override
  public String toString() {
    return vendor + " session " + (agent == null ? "" : agent + "/") + id;
  }

  @Override
  public int compareTo(SessionRef other) {
    int byVendor = vendor.compareTo(other.vendor);
    if (byVendor != 0) return byVendor;
    int byAgent = String.valueOf(agent).compareTo(String.valueOf(other.agent));
    return byAgent != 0 ? byAgent : id.compareTo(other.id);
  }
}
