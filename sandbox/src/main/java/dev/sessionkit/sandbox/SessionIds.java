package dev.sessionkit.sandbox;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids of the sessions every {@link Sandbox} serves: the documented examples, and generated
 * sessions whose size is part of their id, so that any size exists without registering it.
 *
 * <p>Every id passes its SDK's validation (Qoder {@code ^sess_[0-9A-Za-z_]+$}, Agents {@code agt_}/{@code ase_}
 * keys, Piper and Pipecat UUIDs). A generated session's content comes from the sandbox's seed and
 * the event's position; pages are generated when asked for, so a 100,000-event session never sits
 * in memory.
 *
 * <pre>{@code
 * String big = SessionIds.qoderSession(100_000);     // "sess_sandbox_100000"
 * String run = SessionIds.piperSession(12);          // "00000000-0000-4000-a000-000000000012"
 * }</pre>
 */
public final class SessionIds {
  /** The Qoder session of the documented example response. */
  public static final String QODER_DOCUMENTED_SESSION = "sess_019e392c0d1e74e095d21ea4c6b41def";
  /** The organization every Piper session of the sandbox belongs to: the documented example's. */
  public static final String PIPER_ORG = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  /** The Piper session of the documented examples (events and scenario run). */
  public static final String PIPER_DOCUMENTED_SESSION = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  /** The Pipecat agent of the documented example. */
  public static final String PIPECAT_DOCUMENTED_AGENT = "my-agent";
  /** The Pipecat session of the documented example. */
  public static final String PIPECAT_DOCUMENTED_SESSION = "800d444a-e67e-4686-afb3-b0de509cccb3";
  /** The Pipecat agent generated sessions belong to. */
  public static final String PIPECAT_AGENT = "sandbox-agent";
  /** The agent of the documented Agents API v2 example. */
  public static final String AGENTS_DOCUMENTED_AGENT = "agt_customer_support";
  /** The session of the documented Agents API v2 example. */
  public static final String AGENTS_DOCUMENTED_SESSION = "ase_customer_support_001";
  /** The agent generated Agents API v2 sessions belong to. */
  public static final String AGENTS_AGENT = "agt_sandbox";
  /** The largest generated session: 100 million events. */
  public static final int MAX_EVENTS = 100_000_000;

  private static final Pattern QODER = Pattern.compile("sess_sandbox_(\\d{1,9})");
  private static final Pattern AGENTS = Pattern.compile("ase_sandbox_(\\d{1,9})");
  private static final Pattern PIPER = Pattern.compile("00000000-0000-4000-a000-(\\d{12})");
  private static final Pattern PIPECAT = Pattern.compile("00000000-0000-4000-b000-(\\d{12})");

  private SessionIds() {}

  /** Returns the id of the generated Qoder session with {@code events} events: {@code sess_sandbox_<events>}. */
  public static String qoderSession(int events) {
    return "sess_sandbox_" + checked(events);
  }

  /** Returns the key of the generated Agents API v2 session (of agent {@link #AGENTS_AGENT}) with {@code events} events. */
  public static String agentsSession(int events) {
    return "ase_sandbox_" + checked(events);
  }

  /** Returns the id (a UUID) of the generated Piper session with {@code events} events, in {@link #PIPER_ORG}. */
  public static String piperSession(int events) {
    return String.format("00000000-0000-4000-a000-%012d", checked(events));
  }

  /** Returns the id (a UUID) of the generated Pipecat session (of agent {@link #PIPECAT_AGENT}) with {@code samples} metric samples. */
  public static String pipecatSession(int samples) {
    return String.format("00000000-0000-4000-b000-%012d", checked(samples));
  }

  /** Returns the number of events of the generated Qoder session {@code id}, or empty if it is not one. */
  public static OptionalInt qoderSize(String id) {
    return size(QODER, id);
  }

  /** Returns the number of events of the generated Agents session {@code key}, or empty if it is not one. */
  public static OptionalInt agentsSize(String key) {
    return size(AGENTS, key);
  }

  /** Returns the number of events of the generated Piper session {@code id}, or empty if it is not one. */
  public static OptionalInt piperSize(String id) {
    return size(PIPER, id);
  }

  /** Returns the number of samples of the generated Pipecat session {@code id}, or empty if it is not one. */
  public static OptionalInt pipecatSize(String id) {
    return size(PIPECAT, id);
  }

  private static OptionalInt size(Pattern pattern, String id) {
    Matcher m = pattern.matcher(id);
    if (!m.matches()) return OptionalInt.empty();
    long n = Long.parseLong(m.group(1));
    return n <= MAX_EVENTS ? OptionalInt.of((int) n) : OptionalInt.empty();
  }

  private static int checked(int events) {
    if (events < 0 || events > MAX_EVENTS) {
      throw new IllegalArgumentException("events must be between 0 and " + MAX_EVENTS + " (got " + events + ")");
    }
    return events;
  }
}
