package dev.sessionkit.bench;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.core.spi.ClientRuntime;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.spi.StreamSpec;
import dev.sessionkit.qoder.model.SessionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * Issue 19's stream comparison, in one run: 100,000 Qoder-like events (real sandbox events, a
 * heartbeat after every 50) read through {@link EventStream} and through a raw okhttp-sse loop
 * ({@code EventSources.processResponse} on the calling thread, {@code fromJson(data)} in
 * {@code onEvent}, heartbeats skipped by type), both decoding with the same adapter,
 * {@code SessionkitMoshi.adapter(SessionEvent.class, false)}. Each is run from memory (an interceptor
 * answers, no socket) and over loopback (the JDK's HTTP server in this JVM). Variants are
 * interleaved, rotating the order each round; each is timed by wall clock and by the calling
 * thread's CPU time, and its allocation is the calling thread's (both readers read and decode
 * there). Then {@link StreamLatency} measures a frame's last byte to the consumer.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.sessionkit.bench.StreamCompare [rounds] [events] [latency frames]</pre>
 */
public final class StreamCompare {
  static final StreamSpec<SessionEvent> SPEC = StreamSpec.builder(SessionEvent.class).heartbeats("heartbeat").build();
  static final JsonAdapter<SessionEvent> ADAPTER = SessionkitMoshi.adapter(SessionEvent.class, false);
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static volatile long sink;

  /** The streaming operation, as generated code declares it. */
  interface Api {
    @Streaming
    @GET("sessions/{id}/events/stream")
    Call<ResponseBody> stream(@Path("id") String sessionId);
  }

  final SseWire wire;
  final OkHttpClient memoryHttp;
  final ClientRuntime memoryRuntime;
  final SseWire.Loopback loopback;
  final OkHttpClient loopbackHttp = new OkHttpClient();
  final ClientRuntime loopbackRuntime;

  StreamCompare(int events) {
    this.wire = SseWire.of(Fixtures.load().qoderPage, events);
    this.memoryHttp = wire.inMemory();
    this.memoryRuntime = runtime("http://localhost/v1/", memoryHttp);
    this.loopback = new SseWire.Loopback(wire.body);
    this.loopbackRuntime = runtime(loopback.url() + "v1/", loopbackHttp);
  }

  static ClientRuntime runtime(String baseUrl, OkHttpClient http) {
    return ClientRuntime.create(ClientOptions.builder().baseUrl(baseUrl).credential(Credential.of("pt-bench"))
        .httpClient(http).build(), ServiceProfile.builder("Bench").build());
  }

  /** Every event through {@code runtime.stream(...)}, from memory. */
  long eventStreamMemory() {
    return eventStream(memoryRuntime, null);
  }

  /** Every event through the raw okhttp-sse loop, from memory. */
  long okhttpSseMemory() {
    return okhttpSse(memoryHttp, "http://localhost/v1/sessions/sess_1/events/stream", null);
  }

  /** Every event through {@code runtime.stream(...)}, over loopback. */
  long eventStreamLoopback() {
    return eventStream(loopbackRuntime, null);
  }

  /** Every event through the raw okhttp-sse loop, over loopback. */
  long okhttpSseLoopback() {
    return okhttpSse(loopbackHttp, loopback.url() + "v1/sessions/sess_1/events/stream", null);
  }

  /** Reads every event with {@link EventStream}, handing each to {@code seen} (if any). */
  static long eventStream(ClientRuntime runtime, @Nullable List<SessionEvent> seen) {
    long events = 0;
    try (EventStream<SessionEvent> stream = runtime.stream(runtime.service(Api.class).stream("sess_1"), SPEC,
        RequestOptions.NONE)) {
      for (SessionEvent event : stream) {
        events++;
        consume(event, seen);
      }
    }
    return events;
  }

  /** Reads every event with okhttp-sse's {@code processResponse} loop and the same adapter. */
  static long okhttpSse(OkHttpClient http, String url, @Nullable List<SessionEvent> seen) {
    Request request = new Request.Builder().url(url).header("Accept", "text/event-stream")
        .header("Authorization", "Bearer pt-bench").build();
    long[] events = {0};
    Throwable[] failure = {null};
    try {
      EventSources.processResponse(http.newCall(request).execute(), new EventSourceListener() {
        @Override
        public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
          if ("heartbeat".equals(type)) return;
          try {
            consume(ADAPTER.fromJson(data), seen);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          events[0]++;
        }

        @Override
        public void onFailure(EventSource source, @Nullable Throwable t, okhttp3.@Nullable Response response) {
          failure[0] = t != null ? t : new IOException("HTTP " + (response == null ? "?" : response.code()));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (failure[0] != null) throw new IllegalStateException("okhttp-sse failed", failure[0]);
    return events[0];
  }

  private static void consume(@Nullable SessionEvent event, @Nullable List<SessionEvent> seen) {
    sink += Objects.hashCode(Objects.requireNonNull(event).type());
    if (seen != null) seen.add(event);
  }

  void close() {
    loopback.close();
    loopbackHttp.dispatcher().executorService().shutdown();
    loopbackHttp.connectionPool().evictAll();
  }

  /** Runs the comparison; {@code args}: rounds (default 15), events (default 100000), latency frames (default 3000). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int frames = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
    StreamCompare bench = new StreamCompare(events);
    System.out.printf(Locale.ROOT, "StreamCompare: %,d events, %,d bytes of body (%.0f B/event, heartbeats included),"
        + " %d rounds after %d warm-up rounds%n%n", events, bench.wire.body.length,
        bench.wire.body.length / (double) events, rounds, Math.max(3, rounds / 3));
    Map<String, Callable<Long>> variants = new LinkedHashMap<>();
    variants.put("memory: EventStream", bench::eventStreamMemory);
    variants.put("memory: raw okhttp-sse loop", bench::okhttpSseMemory);
    variants.put("loopback: EventStream", bench::eventStreamLoopback);
    variants.put("loopback: raw okhttp-sse loop", bench::okhttpSseLoopback);
    Map<String, List<double[]>> samples = run(variants, events, rounds);

    System.out.println("| variant | wall ms (median) | wall min–max ms | CPU ms (median) | CPU min–max ms | events/s (CPU)"
        + " | bytes/event |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String name : variants.keySet()) {
      List<double[]> variant = samples.get(name);
      double cpu = median(variant, 1);
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %.1f | %.1f–%.1f | %,.0f | %,.0f |%n", name,
          median(variant, 0), min(variant, 0), max(variant, 0), cpu, min(variant, 1), max(variant, 1),
          events / (cpu / 1000), median(variant, 2) / events);
    }
    System.out.println();
    System.out.println("| EventStream throughput / raw okhttp-sse loop (medians) | by CPU | by wall clock |");
    System.out.println("|---|---|---|");
    for (String where : List.of("memory", "loopback")) {
      List<double[]> ours = samples.get(where + ": EventStream");
      List<double[]> raw = samples.get(where + ": raw okhttp-sse loop");
      System.out.printf(Locale.ROOT, "| %s | %.2fx | %.2fx |%n", where, median(raw, 1) / median(ours, 1),
          median(raw, 0) / median(ours, 0));
    }
    bench.close();
    System.out.println();
    StreamLatency.main(new String[] {Integer.toString(frames)});
    System.out.println("(sink " + sink + ")");
  }

  /** Runs each variant once per round, rotating the order; returns {wall ms, CPU ms, bytes} per recorded round. */
  static Map<String, List<double[]>> run(Map<String, Callable<Long>> variants, long events, int rounds)
      throws Exception {
    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(variants.keySet());
    int warmup = Math.max(3, rounds / 3);
    long thread = Thread.currentThread().getId();
    for (int round = 0; round < warmup + rounds; round++) {
      for (int k = 0; k < order.size(); k++) {
        String name = order.get((k + round) % order.size());
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        long seen = variants.get(name).call();
        double[] sample = {(System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6,
            THREADS.getThreadAllocatedBytes(thread) - bytes};
        if (seen != events) throw new IllegalStateException(name + " saw " + seen + " events, not " + events);
        if (round >= warmup) samples.computeIfAbsent(name, key -> new ArrayList<>()).add(sample);
      }
    }
    return samples;
  }

  static double median(List<double[]> samples, int column) {
    double[] sorted = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static double min(List<double[]> samples, int column) {
    return samples.stream().mapToDouble(s -> s[column]).min().orElseThrow();
  }

  private static double max(List<double[]> samples, int column) {
    return samples.stream().mapToDouble(s -> s[column]).max().orElseThrow();
  }
}
