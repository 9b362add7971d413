package dev.sessionkit.bench;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.spi.ClientRuntime;
import dev.sessionkit.qoder.model.SessionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.jspecify.annotations.Nullable;

/**
 * Latency from a frame's last byte to the code that consumes its event, over loopback: the server
 * (the JDK's HTTP server in this JVM) notes the time just before it flushes a frame's last byte,
 * the consumer the time it holds the decoded event, and only then is the next frame sent (one
 * frame in flight, so nothing queues). Readers: {@link EventStream} on the calling thread, the
 * {@code streamAsync} publisher (its own thread), okhttp-sse's {@code processResponse} on the
 * calling thread and okhttp-sse's {@code EventSources.createFactory} (OkHttp's dispatcher thread);
 * all decode with the same adapter.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.sessionkit.bench.StreamLatency [frames]</pre>
 */
public final class StreamLatency {
  private static final int WARMUP_FRAMES = 500;
  private static final int ROUNDS = 3;

  private final SseWire wire;
  private final int frames;
  private volatile long[] sent = new long[0];
  private volatile long[] received = new long[0];
  private volatile int count;
  private final Semaphore consumed = new Semaphore(0);

  private StreamLatency(SseWire wire, int frames) {
    this.wire = wire;
    this.frames = frames;
  }

  /** Writes the frames one at a time, each after the previous one was consumed. */
  private void serve(com.sun.net.httpserver.HttpExchange exchange, java.io.OutputStream out)
      throws IOException, InterruptedException {
    exchange.sendResponseHeaders(200, 0);
    for (int i = 0; i < frames; i++) {
      if (i > 0 && !consumed.tryAcquire(10, TimeUnit.SECONDS)) throw new IOException("frame " + (i - 1) + " not consumed");
      out.write(wire.frames.get(i));
      sent[i] = System.nanoTime();
      out.flush();
    }
  }

  private void consumed(@Nullable SessionEvent event) {
    received[count++] = System.nanoTime();
    if (event == null) throw new IllegalStateException("no event");
    consumed.release();
  }

  /** Runs {@code reader} over a fresh stream; returns the latencies of the frames after the warm-up, in µs. */
  private double[] measure(Runnable reader) {
    sent = new long[frames];
    received = new long[frames];
    count = 0;
    consumed.drainPermits();
    reader.run();
    if (count != frames) throw new IllegalStateException("consumed " + count + " of " + frames + " frames");
    double[] micros = new double[frames - WARMUP_FRAMES];
    for (int i = WARMUP_FRAMES; i < frames; i++) micros[i - WARMUP_FRAMES] = (received[i] - sent[i]) / 1000.0;
    return micros;
  }

  /** Measures each reader over {@code args[0]} frames (default 3000), three times interleaved, and prints percentiles. */
  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    StreamLatency bench = new StreamLatency(SseWire.of(Fixtures.load().qoderPage, frames), frames);
    OkHttpClient http = new OkHttpClient();
    try (SseWire.Loopback server = new SseWire.Loopback(bench::serve)) {
      String url = server.url() + "v1/sessions/sess_1/events/stream";
      ClientRuntime runtime = StreamCompare.runtime(server.url() + "v1/", http);
      Map<String, Runnable> readers = new LinkedHashMap<>();
      readers.put("EventStream (calling thread)", () -> {
        try (EventStream<SessionEvent> stream = runtime.stream(
            runtime.service(StreamCompare.Api.class).stream("sess_1"), StreamCompare.SPEC, RequestOptions.NONE)) {
          for (SessionEvent event : stream) bench.consumed(event);
        }
      });
      readers.put("streamAsync publisher (its own thread)", () -> bench.publisher(runtime));
      readers.put("okhttp-sse processResponse (calling thread)", () -> bench.okhttpSse(http, url, false));
      readers.put("okhttp-sse createFactory (dispatcher thread)", () -> bench.okhttpSse(http, url, true));
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      List<String> order = new ArrayList<>(readers.keySet());
      for (int round = 0; round < ROUNDS; round++) {
        for (int k = 0; k < order.size(); k++) {
          String name = order.get((k + round) % order.size());
          results.computeIfAbsent(name, key -> new ArrayList<>()).add(bench.measure(readers.get(name)));
        }
      }
      System.out.printf(Locale.ROOT, "StreamLatency: last byte of a frame to its consumer, loopback, %d frames x %d"
          + " rounds per reader (the first %d of each run left out)%n%n", frames, ROUNDS, WARMUP_FRAMES);
      System.out.println("| reader | p50 µs | p90 µs | p99 µs |");
      System.out.println("|---|---|---|---|");
      for (Map.Entry<String, List<double[]>> result : results.entrySet()) {
        double[] all = result.getValue().stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", result.getKey(), at(all, 0.50), at(all, 0.90),
            at(all, 0.99));
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private void publisher(ClientRuntime runtime) {
    CountDownLatch done = new CountDownLatch(1);
    runtime.streamAsync(() -> runtime.service(StreamCompare.Api.class).stream("sess_1"), StreamCompare.SPEC,
        RequestOptions.NONE).subscribe(new Flow.Subscriber<SessionEvent>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(SessionEvent item) {
            consumed(item);
          }

          @Override
          public void onError(Throwable throwable) {
            throwable.printStackTrace();
            done.countDown();
          }

          @Override
          public void onComplete() {
            done.countDown();
          }
        });
    await(done);
  }

  private void okhttpSse(OkHttpClient http, String url, boolean dispatcher) {
    Request request = new Request.Builder().url(url).header("Accept", "text/event-stream").build();
    CountDownLatch done = new CountDownLatch(1);
    EventSourceListener listener = new EventSourceListener() {
      @Override
      public void onEvent(EventSource source, @Nullable String id, @Nullable String type, String data) {
        if ("heartbeat".equals(type)) return;
        try {
          consumed(StreamCompare.ADAPTER.fromJson(data));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public void onClosed(EventSource source) {
        done.countDown();
      }

      @Override
      public void onFailure(EventSource source, @Nullable Throwable t, @Nullable Response response) {
        if (t != null) t.printStackTrace();
        done.countDown();
      }
    };
    if (dispatcher) {
      EventSources.createFactory(http).newEventSource(request, listener);
    } else {
      try {
        EventSources.processResponse(http.newCall(request).execute(), listener);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    await(done);
  }

  private static void await(CountDownLatch done) {
    try {
      if (!done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("stream did not end");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
  }
}
