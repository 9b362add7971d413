package dev.sessionkit.bench;

import com.squareup.moshi.JsonAdapter;
import com.sun.net.httpserver.HttpServer;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.qoder.model.ContentBlock;
import dev.sessionkit.qoder.model.SendEventsRequest;
import dev.sessionkit.qoder.model.SendUserMessage;
import dev.sessionkit.qoder.model.SentEvents;
import dev.sessionkit.qoder.model.TextBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Issue 18's write comparison: one Qoder {@code sendEvents} call ({@code POST
 * /sessions/{session_id}/events} with a JSON body, answered 202) through the generated client,
 * {@code client.sessions().send(session, body)}, against raw OkHttp doing the same by hand: the body
 * written with the same Moshi adapter Retrofit's converter uses ({@code SessionkitMoshi.moshi()}'s
 * generated adapter into a {@link Buffer}), the same headers (Authorization, Content-Type, Accept,
 * User-Agent and a new {@code Idempotency-Key} UUID per call, as the client sends), and the 202
 * decoded from the body's source with the client's adapter, {@code SessionkitMoshi.adapter(SentEvents.class,
 * false)}. Both go through one {@link OkHttpClient} (the client is built on it, so the connection
 * pool and dispatcher are the same) to a minimal server on loopback in this JVM (the JDK's HTTP
 * server, not the sandbox) that answers every request with the spec's documented 202 body.
 *
 * <p>The variants are interleaved, the order rotating each round, and timed by the calling thread's
 * CPU time (the server's threads do not count) and its allocated bytes, as {@link CpuCompare} and
 * {@link StreamCompare} do; medians over the recorded rounds.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.sessionkit.bench.WriteCompare [rounds] [calls per round]</pre>
 */
public final class WriteCompare implements AutoCloseable {
  static final String SDK = "sendEvents through the client";
  static final String RAW = "raw OkHttp + the same adapter";
  static final String SESSION = "sess_019e392c0d1e74e095d21ea4c6b41def";
  static final String TOKEN = "pt-bench-write";
  /** The documented 202 response of "Send events" (specs/qoder.yaml, sendEvents' example). */
  static final byte[] SENT = ("{\"data\":[{\"id\":\"evt_019e3bb2c153764da54e4d3acbef52b6\",\"type\":\"user.message\","
      + "\"content\":[{\"type\":\"text\",\"text\":\"Help me analyze the performance of this code.\"}],"
      + "\"session_id\":\"sess_019e392c0d1e74e095d21ea4c6b41def\",\"created_at\":\"2026-05-18T15:30:00.000Z\"}]}")
      .getBytes(StandardCharsets.UTF_8);
  /** The documented example request of "Send events". */
  static final SendEventsRequest BODY = SendEventsRequest.builder().events(List.of(SendUserMessage.builder()
      .type("user.message").content(List.<ContentBlock>of(TextBlock.builder().type("text")
          .text("Help me analyze the performance of this code.").build())).build())).build();
  /** What Retrofit's Moshi converter labels a request body with. */
  static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");

  final Server server = new Server();
  final OkHttpClient http = new OkHttpClient();
  final QoderClient client;
  /** The adapter Retrofit's {@code MoshiConverterFactory.create(SessionkitMoshi.moshi())} writes bodies with. */
  final JsonAdapter<SendEventsRequest> writer = SessionkitMoshi.moshi().adapter(SendEventsRequest.class);
  /** The adapter the client decodes a {@code SentEvents} with (lenient, guarded). */
  final JsonAdapter<SentEvents> reader = SessionkitMoshi.adapter(SentEvents.class, false);
  final String url;
  final String userAgent;

  WriteCompare() {
    client = QoderClient.builder().baseUrl(server.url()).token(TOKEN).httpClient(http).build();
    url = server.url() + "sessions/" + SESSION + "/events";
    // Send one call through the client to learn its user agent, so that the raw peer sends the same.
    client.sessions().send(SESSION, BODY);
    userAgent = Objects.requireNonNull(server.lastUserAgent);
  }

  /** {@code client.sessions().send(session, body)}. */
  SentEvents sdk() {
    return client.sessions().send(SESSION, BODY);
  }

  /** Raw OkHttp: the body written with the same adapter, the same headers, the response decoded with the same adapter. */
  SentEvents raw() throws IOException {
    Buffer buffer = new Buffer();
    writer.toJson(buffer, BODY);
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + TOKEN)
        .header("User-Agent", userAgent)
        .header("Accept", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .post(RequestBody.create(buffer.readByteString(), JSON))
        .build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 202) throw new IOException("HTTP " + response.code());
      return Objects.requireNonNull(reader.fromJson(response.body().source()));
    }
  }

  @Override
  public void close() {
    server.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** Runs the comparison; {@code args}: rounds (default 15), calls per round (default 3000). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    Map<String, List<double[]>> samples;
    try (WriteCompare bench = new WriteCompare()) {
      Map<String, Callable<Long>> variants = new LinkedHashMap<>();
      variants.put(SDK, () -> repeat(calls, bench::sdk));
      variants.put(RAW, () -> repeat(calls, bench::raw));
      samples = StreamCompare.run(variants, calls, rounds);
      System.out.printf(Locale.ROOT, "WriteCompare: POST /sessions/{id}/events, %,d-byte body, %,d-byte 202 response;"
          + " %d rounds of %,d calls per variant after %d warm-up rounds; thread CPU and allocation of the calling"
          + " thread; %,d requests served%n%n", bench.bodyBytes(), SENT.length, rounds, calls, Math.max(3, rounds / 3),
          bench.server.requests.get());
    }
    System.out.println("| variant | CPU µs/op (median) | min–max µs/op | wall µs/op (median) | bytes/op |");
    System.out.println("|---|---|---|---|---|");
    for (String name : List.of(SDK, RAW)) {
      List<double[]> s = samples.get(name);
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %.1f | %,.0f |%n", name,
          StreamCompare.median(s, 1) * 1000 / calls, min(s, 1) * 1000 / calls, max(s, 1) * 1000 / calls,
          StreamCompare.median(s, 0) * 1000 / calls, StreamCompare.median(s, 2) / calls);
    }
    List<double[]> sdk = samples.get(SDK);
    List<double[]> raw = samples.get(RAW);
    System.out.printf(Locale.ROOT, "%nSDK / raw: CPU %.3fx (medians), wall %.3fx, bytes %.3fx%n",
        StreamCompare.median(sdk, 1) / StreamCompare.median(raw, 1),
        StreamCompare.median(sdk, 0) / StreamCompare.median(raw, 0),
        StreamCompare.median(sdk, 2) / StreamCompare.median(raw, 2));
  }

  long bodyBytes() {
    Buffer buffer = new Buffer();
    try {
      writer.toJson(buffer, BODY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.size();
  }

  private static long repeat(int calls, Callable<SentEvents> call) throws Exception {
    long n = 0;
    int h = 0;
    for (int i = 0; i < calls; i++) {
      h ^= System.identityHashCode(call.call());
      n++;
    }
    sink ^= h;
    return n;
  }

  private static volatile int sink;

  private static double min(List<double[]> samples, int column) {
    return samples.stream().mapToDouble(s -> s[column]).min().orElseThrow();
  }

  private static double max(List<double[]> samples, int column) {
    return samples.stream().mapToDouble(s -> s[column]).max().orElseThrow();
  }

  /**
   * The JDK's HTTP server on loopback: reads each request's body and answers 202 with {@link #SENT}
   * (with its length, so the connection is kept alive). It remembers the last request's headers and
   * body, for the smoke test, and counts requests.
   */
  static final class Server implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "bench-write-server");
      thread.setDaemon(true);
      return thread;
    });
    final AtomicLong requests = new AtomicLong();
    volatile @Nullable String lastUserAgent;
    volatile @Nullable Map<String, List<String>> lastHeaders;
    volatile byte @Nullable [] lastBody;

    Server() {
      // The JDK server writes a response's headers and body separately; without TCP_NODELAY the
      // body waits for the client's delayed ACK (about 40 ms a call on Linux loopback).
      System.setProperty("sun.net.httpserver.nodelay", "true");
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(threads);
      server.createContext("/", exchange -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        lastBody = body;
        lastHeaders = Map.copyOf(exchange.getRequestHeaders());
        lastUserAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        requests.incrementAndGet();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, SENT.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(SENT);
        }
      });
      server.start();
    }

    /** The base URL, ending with {@code /}. */
    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
