package dev.sessionkit.bench;

import com.squareup.moshi.JsonReader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * A Qoder-like {@code text/event-stream} body for the stream benchmarks: the 100 real events of the
 * seed-42 sandbox page, repeated, each framed as {@code id:}/{@code event:}/{@code data:} with a
 * {@code heartbeat} event after every 50; served from memory (an interceptor) or over loopback (the
 * JDK's HTTP server), so that both readers get the very same bytes.
 */
final class SseWire {
  static final MediaType EVENT_STREAM = MediaType.get("text/event-stream");
  static final int HEARTBEAT_EVERY = 50;

  /** The events' frames in order, without heartbeats. */
  final List<byte[]> frames;
  /** The whole body, heartbeats included. */
  final byte[] body;

  private SseWire(List<byte[]> frames, byte[] body) {
    this.frames = frames;
    this.body = body;
  }

  /** Frames {@code events} events cut from {@code qoderPage}'s {@code data} array, over and over. */
  static SseWire of(byte[] qoderPage, int events) {
    List<String[]> page = events(qoderPage);
    List<byte[]> frames = new ArrayList<>(events);
    Buffer body = new Buffer();
    for (int i = 0; i < events; i++) {
      String[] event = page.get(i % page.size());
      byte[] frame = ("id: " + event[0] + "-" + i / page.size() + "\nevent: " + event[1] + "\ndata: " + event[2]
          + "\n\n").getBytes(StandardCharsets.UTF_8);
      frames.add(frame);
      body.write(frame);
      if (i % HEARTBEAT_EVERY == HEARTBEAT_EVERY - 1) body.writeUtf8("event: heartbeat\ndata: {}\n\n");
    }
    return new SseWire(List.copyOf(frames), body.readByteArray());
  }

  /** Each event of the page as {id, type, its JSON text}. */
  private static List<String[]> events(byte[] qoderPage) {
    List<String[]> events = new ArrayList<>();
    try (JsonReader page = JsonReader.of(new Buffer().write(qoderPage))) {
      page.beginObject();
      while (!page.nextName().equals("data")) page.skipValue();
      page.beginArray();
      while (page.hasNext()) {
        String json;
        try (BufferedSource source = page.nextSource()) {
          json = source.readUtf8();
        }
        String id = null;
        String type = null;
        try (JsonReader event = JsonReader.of(new Buffer().writeUtf8(json))) {
          event.beginObject();
          while (event.hasNext()) {
            String name = event.nextName();
            if (name.equals("id")) {
              id = event.nextString();
            } else if (name.equals("type")) {
              type = event.nextString();
            } else {
              event.skipValue();
            }
          }
        }
        events.add(new String[] {id, type, json});
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return events;
  }

  /** Returns a client whose every call answers 200 with this body, from memory (no socket). */
  OkHttpClient inMemory() {
    return new OkHttpClient.Builder().addInterceptor(chain -> new Response.Builder().request(chain.request())
        .protocol(Protocol.HTTP_1_1).code(200).message("OK").body(ResponseBody.create(body, EVENT_STREAM)).build())
        .build();
  }

  /** An HTTP server on loopback answering every request with this body (with its length). */
  static final class Loopback implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "bench-sse-server");
      thread.setDaemon(true);
      return thread;
    });

    Loopback(byte[] body) {
      this((exchange, out) -> {
        exchange.sendResponseHeaders(200, body.length);
        out.write(body);
      });
    }

    /** A server whose every response is written by {@code writer}, after its content type is set. */
    Loopback(Writer writer) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(threads);
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        try (OutputStream out = exchange.getResponseBody()) {
          writer.write(exchange, out);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
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

  /** Writes one response. */
  interface Writer {
    void write(com.sun.net.httpserver.HttpExchange exchange, OutputStream out) throws IOException, InterruptedException;
  }
}
