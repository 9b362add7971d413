package dev.sessionkit.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * An in-process fake of all four vendor APIs on loopback: their real paths, query parameters,
 * pagination, credential checks and error bodies, with documented and generated sessions and
 * per-run fault injection. For demos, integration tests and benchmarks; no account, no network.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().seed(42).start()) {
 *   QoderClient qoder = QoderClient.builder().fromEnv(sandbox.environment()).build();
 *   for (SessionEvent event : qoder.sessions().iterateEvents(SessionIds.qoderSession(1_000))) { ... }
 * }
 * }</pre>
 *
 * <p>One {@link MockWebServer} serves every vendor: their paths do not overlap
 * ({@code /api/v1/cloud/…} Qoder, {@code /v1/orgs/…} Piper, {@code /v1/agents/…} Pipecat,
 * {@code /v2/…} Agents API v2). The same seed gives byte-identical responses. Sessions are listed
 * in {@link SessionIds}. Thread-safe.
 */
public final class Sandbox implements AutoCloseable {
  /** The seed a sandbox uses unless told otherwise. */
  public static final long DEFAULT_SEED = 42;

  /** How many of the latest requests {@link #takeRequest} can still return. */
  static final int KEPT_REQUESTS = 10_000;

  private final MockWebServer server;
  private final LinkedBlockingDeque<RecordedRequest> recent = new LinkedBlockingDeque<>(KEPT_REQUESTS);
  private final SandboxDispatcher dispatcher;
  private final long seed;
  private final FaultPlan faults;
  private final Map<Vendor, String> credentials;

  private Sandbox(Builder builder) throws IOException {
    this.seed = builder.seed;
    this.faults = builder.faults;
    this.credentials = Map.copyOf(builder.credentials);
    this.dispatcher = new SandboxDispatcher(seed, credentials, faults);
    this.server = new MockWebServer();
    server.setDispatcher(new KeepingRecent(dispatcher));
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.start(InetAddress.getLoopbackAddress(), builder.port);
  }

  /** Starts a sandbox with the default seed, no faults and the default credentials. */
  public static Sandbox start() {
    return builder().start();
  }

  /** Returns a builder: seed {@value #DEFAULT_SEED}, no faults, any free port. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the base URL to give {@code vendor}'s SDK, for example {@code http://127.0.0.1:54321/api/v1/cloud/}. */
  public String baseUrl(Vendor vendor) {
    return "http://127.0.0.1:" + server.getPort() + vendor.basePath();
  }

  /** Returns the credential the sandbox accepts for {@code vendor}; any other is answered with the vendor's 401. */
  public String credential(Vendor vendor) {
    return credentials.get(vendor);
  }

  /**
   * Returns the environment the SDKs' {@code fromEnv(Map)} read, pointing every vendor at this
   * sandbox: {@code QODER_PAT}, {@code QODER_BASE_URL}, {@code PIPER_API_TOKEN},
   * {@code PIPER_BASE_URL}, {@code PIPER_ORG_ID}, {@code PIPECAT_API_KEY}, {@code PIPECAT_BASE_URL},
   * {@code AGENTS_API_KEY}, {@code AGENTS_BASE_URL}.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (Vendor vendor : Vendor.values()) {
      env.put(vendor.credentialEnv(), credential(vendor));
      env.put(vendor.baseUrlEnv(), baseUrl(vendor));
      if (vendor == Vendor.PIPER) env.put("PIPER_ORG_ID", SessionIds.PIPER_ORG);
    }
    return java.util.Collections.unmodifiableMap(env);
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
    return dispatcher.requestCount();
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

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "Sandbox(http://127.0.0.1:" + port() + ", seed " + seed + ", " + (faults.isNone() ? "no faults" : faults) + ")";
  }

  /**
   * Accepts connections with TCP_NODELAY: MockWebServer writes a response's headers and body
   * separately, and Nagle's algorithm would hold the body until the client's delayed ACK
   * (about 40 ms a page on Linux), which would make every page wait for nothing.
   */
  private static final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      NoDelayServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      NoDelayServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      NoDelayServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = new Socket();
      implAccept(socket);
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  /** Builds and starts a {@link Sandbox}. */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private FaultPlan faults = FaultPlan.NONE;
    private int port;
    private final Map<Vendor, String> credentials = new EnumMap<>(Vendor.class);

    private Builder() {
      credentials.put(Vendor.QODER, "pt-sandbox-qoder-token");
      credentials.put(Vendor.PIPER, "pat_sandbox_piper_token");
      credentials.put(Vendor.PIPECAT, "pk_sandbox_pipecat_key");
      credentials.put(Vendor.AGENTS_V2, "zut_sandbox_agents_key");
    }

    /** Sets the seed generated sessions are made from (default {@value Sandbox#DEFAULT_SEED}). */
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

    /** Sets the credential the sandbox accepts for {@code vendor}. */
    public Builder credential(Vendor vendor, String credential) {
      Objects.requireNonNull(vendor, "vendor == null");
      Objects.requireNonNull(credential, "credential == null");
      if (credential.isBlank()) throw new IllegalArgumentException("credential must not be blank");
      credentials.put(vendor, credential);
      return this;
    }

    /** Starts the sandbox on loopback. */
    public Sandbox start() {
      try {
        return new Sandbox(this);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the sandbox", e);
      }
    }
  }
}
