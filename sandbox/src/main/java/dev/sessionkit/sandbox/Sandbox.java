package dev.sessionkit.sandbox;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.internal.AgentThreads;
import dev.sessionkit.sandbox.internal.Json;
import dev.sessionkit.sandbox.internal.NoDelayServerSockets;
import dev.sessionkit.sandbox.internal.Router;
import dev.sessionkit.sandbox.internal.VendorServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * An in-process fake of every vendor API on the class path (or module path), on loopback, served
 * from each vendor's spec and sandbox scenario: the spec's paths under {@code /<vendor id>/}, its
 * credential check, parameters, paging and error envelope; what is created can be read, listed,
 * paged, updated and deleted; a message to a session starts a scripted agent turn that arrives live
 * on the vendor's stream and then in its history; documented sessions are served byte for byte and
 * generated ones of any size from the seed; faults are injected per run. For demos, integration
 * tests and benchmarks; no account, no network.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().seed(42).start()) {
 *   AcmeClient acme = AcmeClient.builder().fromEnv(sandbox.environment()).build();  // any vendor's SDK
 *   SandboxSession big = sandbox.session("acme", 1_000);
 *   for (Event event : acme.sessions().iterateEvents(big.id())) { ... }
 * }
 * }</pre>
 *
 * <p>One {@link MockWebServer} serves every vendor, each under its own prefix. The same seed gives
 * byte-identical responses for the same requests. Vendors are found with
 * {@link VendorDescriptor#installed()}: a vendor module on the class path is served with no change
 * here. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {
  /** The seed a sandbox uses unless told otherwise. */
  public static final long DEFAULT_SEED = 42;

  /** How many of the latest requests {@link #takeRequest} can still return. */
  static final int KEPT_REQUESTS = 10_000;

  private final MockWebServer server;
  private final LinkedBlockingDeque<RecordedRequest> recent = new LinkedBlockingDeque<>(KEPT_REQUESTS);
  private final Router router;
  private final Map<String, VendorServer> vendors;
  private final long seed;
  private final FaultPlan faults;
  private final ScheduledThreadPoolExecutor agents;

  private Sandbox(Builder builder) throws IOException {
    this.seed = builder.seed;
    this.faults = builder.faults;
    this.agents = new ScheduledThreadPoolExecutor(2, new AgentThreads());
    agents.setRemoveOnCancelPolicy(true);
    Map<String, List<String>> phrases = defaultPhrases();
    Map<String, VendorServer> served = new LinkedHashMap<>();
    List<VendorDescriptor> descriptors = builder.vendors != null ? builder.vendors : VendorDescriptor.installed();
    for (VendorDescriptor descriptor : descriptors) {
      if (served.containsKey(descriptor.id())) throw new IllegalArgumentException("two vendors have the id " + descriptor.id());
      served.put(descriptor.id(), new VendorServer(descriptor, seed, builder.credentials.get(descriptor.id()), builder.pace,
          builder.heartbeat == null ? 0 : Math.max(1, builder.heartbeat.toMillis()), agents, phrases));
    }
    for (String id : builder.credentials.keySet()) {
      if (!served.containsKey(id)) throw new IllegalArgumentException("a credential was set for " + id + ", which is not served " + served.keySet());
    }
    this.vendors = Collections.unmodifiableMap(served);
    this.router = new Router(served, new PlannedFaults(faults));
    this.server = new MockWebServer();
    server.setDispatcher(new KeepingRecent(router));
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start(InetAddress.getLoopbackAddress(), builder.port);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> defaultPhrases() {
    try (InputStream in = VendorServer.class.getResourceAsStream("phrases.json")) {
      Map<String, Object> parsed = Json.object(Json.parse(Objects.requireNonNull(in, "phrases.json").readAllBytes()));
      Map<String, List<String>> out = new LinkedHashMap<>();
      parsed.forEach((k, v) -> out.put(k, (List<String>) v));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a sandbox with the default seed, no faults and the default credentials, serving every installed vendor. */
  public static Sandbox start() {
    return builder().start();
  }

  /** Returns a builder: seed {@value #DEFAULT_SEED}, no faults, agents at once, any free port, every installed vendor. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the ids of the vendors this sandbox serves, sorted. */
  public List<String> vendors() {
    List<String> ids = new ArrayList<>(vendors.keySet());
    Collections.sort(ids);
    return List.copyOf(ids);
  }

  private VendorServer vendor(String id) {
    Objects.requireNonNull(id, "vendor == null");
    VendorServer vendor = vendors.get(id);
    if (vendor == null) throw new IllegalArgumentException("this sandbox serves no vendor " + id + " (it serves " + vendors() + ")");
    return vendor;
  }

  /**
   * Returns the base URL to give {@code vendor}'s SDK: the sandbox, the vendor's id and its spec's
   * server path, for example {@code http://127.0.0.1:54321/acme/api/v1/}.
   *
   * @throws IllegalArgumentException when the sandbox does not serve {@code vendor}
   */
  public String baseUrl(String vendor) {
    return "http://127.0.0.1:" + server.getPort() + vendor(vendor).basePath();
  }

  /**
   * Returns the credential the sandbox accepts for {@code vendor}; any other is answered with the vendor's 401.
   *
   * @throws IllegalArgumentException when the sandbox does not serve {@code vendor}
   */
  public String credential(String vendor) {
    return vendor(vendor).credential();
  }

  /**
   * Returns the environment the SDKs' {@code fromEnv(Map)} read, pointing every served vendor at
   * this sandbox: each vendor's credential and base URL variables, and the defaults its scenario
   * gives (such as an organization id).
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String id : vendors()) env.putAll(environment(id));
    return Collections.unmodifiableMap(env);
  }

  /**
   * Returns the variables that point {@code vendor}'s SDK at this sandbox.
   *
   * @throws IllegalArgumentException when the sandbox does not serve {@code vendor}
   */
  public Map<String, String> environment(String vendor) {
    return Collections.unmodifiableMap(vendor(vendor).environment(baseUrl(vendor)));
  }

  /**
   * Returns {@code vendor}'s generated session of {@code size} (events, or the unit the vendor's
   * scenario gives, such as metric samples), with content from the seed.
   *
   * @throws IllegalArgumentException when the sandbox does not serve {@code vendor}, its scenario
   *     generates no sessions, or {@code size} is out of its range (0 to 100,000,000 by default)
   */
  public SandboxSession session(String vendor, int size) {
    VendorServer.SessionKey key = vendor(vendor).generatedSession(size);
    return new SandboxSession(vendor, key.id(), key.parameters(), size);
  }

  /**
   * Returns copy number {@code copy} of {@code vendor}'s generated session of {@code size}: another
   * session of that size, with its own id, event ids and content (from the seed and its id), for a
   * test that needs many distinct sessions of one size. Its id is the generated session's with the
   * suffix the vendor's scenario gives ({@code generated.copy}, such as {@code _{copy}}).
   *
   * @throws IllegalArgumentException when the sandbox does not serve {@code vendor}, its scenario
   *     generates no sessions or no copies of them, {@code size} is out of its range, or {@code copy}
   *     is not between 0 and 999,999,999
   */
  public SandboxSession session(String vendor, int size, int copy) {
    if (copy < 0) throw new IllegalArgumentException("copy must be between 0 and " + VendorServer.MAX_COPY + " (got " + copy + ")");
    VendorServer.SessionKey key = vendor(vendor).generatedSession(size, copy);
    return new SandboxSession(vendor, key.id(), key.parameters(), size);
  }

  /**
   * Returns {@code vendor}'s documented session: the one its documentation's examples show, served
   * byte for byte.
   *
   * @throws IllegalArgumentException when the sandbox does not serve {@code vendor} or its scenario documents no session
   */
  public SandboxSession documentedSession(String vendor) {
    List<VendorServer.SessionKey> documented = vendor(vendor).documentedSessions();
    if (documented.isEmpty()) throw new IllegalArgumentException(vendor + " documents no session in its scenario");
    VendorServer.SessionKey key = documented.get(0);
    return new SandboxSession(vendor, key.id(), key.parameters(), -1);
  }

  /** Returns the port the sandbox listens on (loopback only). */
  public int port() {
    return server.getPort();
  }

  /** Returns the seed generated sessions are made from. */
  public long seed() {
    return seed;
  }

  /** Returns the faults this run injects. */
  public FaultPlan faults() {
    return faults;
  }

  /** Returns how many requests the sandbox has answered (or failed on purpose) so far. */
  public long requestCount() {
    return router.requestCount();
  }

  /**
   * Returns the oldest request not yet taken, of the last 10,000 served, waiting up to
   * {@code timeout}, or null if none came: for tests that assert what a client sent (path, query,
   * headers). Older requests are dropped, so a sandbox serving millions of pages stays small.
   */
  public @Nullable RecordedRequest takeRequest(long timeout, TimeUnit unit) {
    try {
      return recent.poll(timeout, unit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * Keeps the last {@value #KEPT_REQUESTS} requests for {@link #takeRequest}, oldest dropped first:
   * MockWebServer queues every request it serves until taken, so a sandbox that serves millions of
   * pages (a benchmark, a long {@code sessionkit sandbox}) would otherwise grow without bound.
   */
  private final class KeepingRecent extends Dispatcher {
    private final Dispatcher delegate;

    KeepingRecent(Dispatcher delegate) {
      this.delegate = delegate;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
      // MockWebServer queued the request before dispatching it: move one from its queue to ours.
      RecordedRequest queued = server.takeRequest(0, TimeUnit.SECONDS);
      if (queued != null) {
        synchronized (recent) {
          while (!recent.offerLast(queued)) recent.pollFirst();
        }
      }
      return delegate.dispatch(request);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** Stops the server, its live streams and its agents; idempotent. */
  @Override
  public void close() {
    for (VendorServer vendor : vendors.values()) vendor.close();
    agents.shutdownNow();
    server.close();
  }

  @Override
  public String toString() {
    return "Sandbox(http://127.0.0.1:" + port() + ", " + vendors() + ", seed " + seed + ", "
        + (faults.isNone() ? "no faults" : faults) + ")";
  }

  /** Builds and starts a {@link Sandbox}. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private FaultPlan faults = FaultPlan.NONE;
    private int port;
    private double pace;
    private @Nullable Duration heartbeat;
    private @Nullable List<VendorDescriptor> vendors;
    private final Map<String, String> credentials = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the seed generated sessions and created ids are made from (default {@value Sandbox#DEFAULT_SEED}). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the faults this run injects (default {@link FaultPlan#NONE}). */
    public Builder faults(FaultPlan faults) {
      this.faults = Objects.requireNonNull(faults, "faults == null");
      return this;
    }

    /** Sets the loopback port (default 0: any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be between 0 and 65535 (got " + port + ")");
      this.port = port;
      return this;
    }

    /**
     * Sets how fast agents work: 0 (the default) runs a turn's steps at once, for tests; 1 waits
     * between them as long as the vendor's scenario says, like a real agent; 0.5 twice as fast.
     */
    public Builder pace(double pace) {
      if (!(pace >= 0) || Double.isInfinite(pace)) throw new IllegalArgumentException("pace must be 0 or more (got " + pace + ")");
      this.pace = pace;
      return this;
    }

    /** Sets how often live streams send a heartbeat while nothing happens (default: as each vendor's scenario says). */
    public Builder heartbeats(Duration every) {
      Objects.requireNonNull(every, "every == null");
      if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be positive (got " + every + ")");
      this.heartbeat = every;
      return this;
    }

    /** Serves these vendors only (default: {@link VendorDescriptor#installed()}). */
    public Builder vendors(List<? extends VendorDescriptor> vendors) {
      this.vendors = List.copyOf(Objects.requireNonNull(vendors, "vendors == null"));
      return this;
    }

    /** Sets the credential the sandbox accepts for {@code vendor} (default: the vendor scenario's). */
    public Builder credential(String vendor, String credential) {
      Objects.requireNonNull(vendor, "vendor == null");
      Objects.requireNonNull(credential, "credential == null");
      if (credential.isBlank()) throw new IllegalArgumentException("credential must not be blank");
      credentials.put(vendor, credential);
      return this;
    }

    /**
     * Starts the sandbox on loopback.
     *
     * @throws IllegalArgumentException when a vendor's spec or scenario cannot be served (the message names the place)
     */
    public Sandbox start() {
      try {
        return new Sandbox(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the sandbox", e);
      }
    }
  }
}
