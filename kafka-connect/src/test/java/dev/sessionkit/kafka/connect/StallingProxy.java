package dev.sessionkit.kafka.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A loopback TCP relay in front of the sandbox that can hold back the answer to one chosen request
 * until released: a vendor call that hangs. It relays bytes both ways, connection by connection; when
 * a request line it sees on its way in is one {@link #arm} picks, the answer to it waits. The caller
 * blocks in a socket read, which no thread interrupt ends, so to Connect its task is stuck; once
 * released, the answer goes on as the sandbox gave it.
 */
final class StallingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int sandboxPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile @Nullable Predicate<String> armed;
  private volatile CountDownLatch hung = new CountDownLatch(1);
  private volatile CountDownLatch released = new CountDownLatch(1);
  private volatile boolean answered;

  StallingProxy(int sandboxPort) throws IOException {
    this.sandboxPort = sandboxPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "stalling-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Returns {@code sandboxBaseUrl} with this relay's port. */
  String baseUrl(String sandboxBaseUrl) {
    return sandboxBaseUrl.replace(":" + sandboxPort + "/", ":" + server.getLocalPort() + "/");
  }

  /** Holds back the answer to the next request whose request line ({@code GET /path?query HTTP/1.1}) {@code which} accepts. */
  void arm(Predicate<String> which) {
    hung = new CountDownLatch(1);
    released = new CountDownLatch(1);
    answered = false;
    armed = which;
  }

  /** Waits until an answer is held; returns whether one was in time. */
  boolean awaitHung(long timeout, TimeUnit unit) throws InterruptedException {
    return hung.await(timeout, unit);
  }

  /** Lets the held answer go on. */
  void release() {
    armed = null;
    released.countDown();
  }

  /** Returns whether the held answer went on after {@link #release()}. */
  boolean answered() {
    return answered;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        client.setTcpNoDelay(true);
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), sandboxPort);
        upstream.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(upstream);
        Connection connection = new Connection();
        daemon(() -> requests(client, upstream, connection), "stalling-proxy-in");
        daemon(() -> answers(upstream, client, connection), "stalling-proxy-out");
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** One relayed connection: whether its next answer is held. */
  private static final class Connection {
    volatile boolean hold;
  }

  /** Relays requests to the sandbox, reading each request line on the way. */
  private void requests(Socket from, Socket to, Connection connection) {
    StringBuilder line = new StringBuilder();
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        for (int i = 0; i < n; i++) {
          char c = (char) (buffer[i] & 0xff);
          if (c == '\n') {
            String text = line.toString().strip();
            Predicate<String> which = armed;
            if (text.startsWith("GET ") && which != null && which.test(text)) {
              synchronized (this) {
                if (armed != null) {
                  armed = null;
                  connection.hold = true;
                }
              }
            }
            line.setLength(0);
          } else if (line.length() < 4096) {
            line.append(c);
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed
    } finally {
      closeQuietly(to);
    }
  }

  /** Relays answers to the caller, holding back the one a held request asked for. */
  private void answers(Socket from, Socket to, Connection connection) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (connection.hold) {
          hung.countDown();
          awaitRelease();
          connection.hold = false;
          answered = true;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // a side closed
    } finally {
      closeQuietly(to);
    }
  }

  private void awaitRelease() {
    while (true) {
      try {
        released.await();
        return;
      } catch (InterruptedException e) {
        // only release() ends the hold
      }
    }
  }

  private static void daemon(Runnable work, String name) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    for (Socket socket : sockets) closeQuietly(socket);
  }
}
