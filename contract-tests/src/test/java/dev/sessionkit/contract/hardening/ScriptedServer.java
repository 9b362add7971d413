package dev.sessionkit.contract.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP/1.1 server that answers request {@code n} with {@code script[n]} (the last reply
 * repeats), for faults MockWebServer cannot make: a reset (RST) in the middle of a body, a body cut by
 * a FIN before its {@code Content-Length}, a body that stalls, a body larger than any buffer.
 *
 * <p>Every reply says {@code Connection: close}, so each request comes on a new connection and the
 * count of requests seen is exact. The server records each request's line and arrival time, so a
 * test asserts what the client sent as well as what it made of the answer.
 */
final class ScriptedServer implements AutoCloseable {
  private final ServerSocket socket;
  private final List<Reply> script;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;

  /**
   * One request as it arrived: its request line ({@code GET /path?query HTTP/1.1}), when, its headers
   * (names in lower case, the last value of each) and its body (empty for a GET).
   */
  record Received(String requestLine, String authorization, long nanoTime, java.util.Map<String, String> headers,
      byte[] body) {
    String target() {
      String[] parts = requestLine.split(" ");
      return parts.length > 1 ? parts[1] : "";
    }

    String method() {
      return requestLine.split(" ")[0];
    }

    /** Returns the path of the target, without its query. */
    String path() {
      String target = target();
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    @org.jspecify.annotations.Nullable String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private ScriptedServer(List<Reply> script) throws IOException {
    if (script.isEmpty()) throw new IllegalArgumentException("script is empty");
    this.script = List.copyOf(script);
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "scripted-server-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server answering with {@code script}, the last reply repeating. */
  static ScriptedServer start(List<Reply> script) {
    try {
      return new ScriptedServer(script);
    } catch (IOException e) {
      throw new IllegalStateException("could not start a loopback server", e);
    }
  }

  /** Returns the base URL of this server, ending with {@code /}. */
  String url() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  /** Returns how many requests were read so far. */
  int requestCount() {
    return received.size();
  }

  /** Waits until {@code count} requests were read or {@code timeout} passed; returns the count then. */
  int awaitRequests(int count, java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (requestCount() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return requestCount();
  }

  /** Returns the requests read so far, in order. */
  List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = socket.accept();
        client.setTcpNoDelay(true);
        open.add(client);
        Thread handler = new Thread(() -> serve(client), "scripted-server-conn");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        if (!closed) continue;
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      if (head == null) return;
      String[] lines = head.split("\r\n");
      String authorization = "";
      java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("authorization")) {
          authorization = line.substring(colon + 1).trim();
        }
      }
      // Read the whole request body before answering: closing a socket with unread bytes resets it,
      // and the client would see a reset instead of the scripted answer.
      long nanoTime = System.nanoTime();
      byte[] body = readBody(in, headers);
      int n;
      synchronized (received) {
        n = received.size();
        received.add(new Received(lines[0], authorization, nanoTime, java.util.Map.copyOf(headers), body));
      }
      script.get(Math.min(n, script.size() - 1)).write(client);
    } catch (IOException | InterruptedException e) {
      // the client went away or the server closed: nothing more to answer
    } finally {
      open.remove(client);
    }
  }

  /** Reads the request body its {@code Content-Length} or chunked framing announces (none for a GET). */
  private static byte[] readBody(InputStream in, java.util.Map<String, String> headers) throws IOException {
    String length = headers.get("content-length");
    if (length != null) return in.readNBytes(Integer.parseInt(length));
    if (!"chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) return new byte[0];
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = readLine(in);
      int chunk = Integer.parseInt(size.split(";")[0].trim(), 16);
      if (chunk == 0) {
        while (!readLine(in).isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(chunk));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') if (b != '\r') line.write(b);
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Reads up to the blank line ending the request head, or null on EOF. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) return null;
      head.write(b);
      if (head.size() > 64 * 1024) throw new IOException("request head too large");
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** What the server writes back on one connection. */
  @FunctionalInterface
  interface Reply {
    void write(Socket socket) throws IOException, InterruptedException;

    /** A complete response: status, content type and body, with its exact {@code Content-Length}. */
    static Reply of(int status, String contentType, byte[] body, String... extraHeaders) {
      return socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(head(status, contentType, body.length, extraHeaders));
        out.write(body);
        out.flush();
        socket.shutdownOutput();
      };
    }

    /** A complete JSON response without {@code Content-Length}: the end of the connection ends the body. */
    static Reply undeclared(byte[] body) {
      return socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(head(200, "application/json", -1));
        out.write(body);
        out.flush();
        socket.shutdownOutput();
      };
    }

    /** A complete JSON response. */
    static Reply json(int status, String body, String... extraHeaders) {
      return of(status, "application/json", body.getBytes(StandardCharsets.UTF_8), extraHeaders);
    }

    /** A 429 whose {@code Retry-After} is an HTTP date {@code seconds} whole seconds ahead of now, rounded up. */
    static Reply rateLimitedUntilDate(int seconds, String body) {
      return socket -> {
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
        json(429, body, "Retry-After: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(at)).write(socket);
      };
    }

    /**
     * Announces {@code body.length} bytes, sends the first half and then ends the connection as
     * {@code cut} says: a FIN, a RST (SO_LINGER 0), or nothing more at all (a stall until the client leaves).
     */
    static Reply cut(byte[] body, Cut cut) {
      return socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(head(200, "application/json", body.length));
        out.write(body, 0, body.length / 2);
        out.flush();
        switch (cut) {
          case FIN -> socket.shutdownOutput();
          case RST -> {
            Thread.sleep(50); // let the client read the head and half of the body first
            socket.setSoLinger(true, 0);
            socket.close();
          }
          case STALL -> {
            // the client's read timeout ends this: it closes, and read() returns -1 or fails
            while (socket.getInputStream().read() >= 0) {
              // a GET sends nothing more
            }
          }
        }
      };
    }

    /**
     * A 200 with {@code size} bytes of a valid JSON object, streamed without holding it; with its
     * {@code Content-Length} when {@code declared}, else delimited by the end of the connection.
     */
    static Reply huge(long size, boolean declared) {
      return socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(head(200, "application/json", declared ? size : -1));
        byte[] open = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] close = "\"}".getBytes(StandardCharsets.US_ASCII);
        out.write(open);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        long left = size - open.length - close.length;
        while (left > 0) {
          int n = (int) Math.min(chunk.length, left);
          out.write(chunk, 0, n);
          left -= n;
        }
        out.write(close);
        out.flush();
        socket.shutdownOutput();
      };
    }

    /**
     * A 200 {@code text/event-stream} without {@code Content-Length}: {@code bytes} (SSE frames), then
     * the end of the connection as {@code end} says, or a FIN when {@code end} is null.
     */
    static Reply stream(byte[] bytes, @org.jspecify.annotations.Nullable Cut end) {
      return socket -> {
        OutputStream out = socket.getOutputStream();
        out.write(head(200, "text/event-stream", -1));
        out.write(bytes);
        out.flush();
        if (end == null || end == Cut.FIN) {
          socket.shutdownOutput();
          return;
        }
        switch (end) {
          case RST -> {
            Thread.sleep(50); // let the client read what was sent first
            socket.setSoLinger(true, 0);
            socket.close();
          }
          case STALL -> {
            while (socket.getInputStream().read() >= 0) {
              // the client's read timeout ends this
            }
          }
          default -> throw new AssertionError(end);
        }
      };
    }

    private static byte[] head(int status, String contentType, long length, String... extraHeaders) {
      StringBuilder head = new StringBuilder()
          .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
          .append("Content-Type: ").append(contentType).append("\r\n")
          .append("Connection: close\r\n");
      if (length >= 0) head.append("Content-Length: ").append(length).append("\r\n");
      for (String header : extraHeaders) head.append(header).append("\r\n");
      return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
      return switch (status) {
        case 200 -> "OK";
        case 201 -> "Created";
        case 202 -> "Accepted";
        case 204 -> "No Content";
        case 301 -> "Moved Permanently";
        case 401 -> "Unauthorized";
        case 429 -> "Too Many Requests";
        case 502 -> "Bad Gateway";
        case 503 -> "Service Unavailable";
        default -> "Status";
      };
    }
  }

  /** How a body is cut off. */
  enum Cut {
    /** The server closes its side (FIN) before the announced length. */
    FIN,
    /** The server resets the connection (RST). */
    RST,
    /** The server sends nothing more and keeps the connection open. */
    STALL
  }
}
