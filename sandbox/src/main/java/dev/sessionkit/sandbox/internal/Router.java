package dev.sessionkit.sandbox.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketHandler;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Socket;

/**
 * Routes each request to its vendor by the first path segment (the vendor's id), then applies the
 * run's {@link Faults}: to the answer, and to live streams frame by frame.
 */
public final class Router extends Dispatcher {
  private final Map<String, VendorServer> vendors;
  private final Faults faults;
  private final AtomicLong requests = new AtomicLong();

  /** Routes to {@code vendors} (by id) with {@code faults}. */
  public Router(Map<String, VendorServer> vendors, Faults faults) {
    this.vendors = Map.copyOf(vendors);
    this.faults = faults;
  }

  /** Returns how many requests have been dispatched. */
  public long requestCount() {
    return requests.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    long n = requests.getAndIncrement();
    List<String> path = recorded.getUrl().pathSegments();
    VendorServer vendor = path.isEmpty() ? null : vendors.get(path.get(0));
    if (vendor == null) return build(Reply.text(404, "404 page not found"), Faults.Kind.NONE, Duration.ZERO, n).build();
    Request request = new Request(recorded.getMethod(), path.subList(1, path.size()), recorded.getUrl(),
        recorded.getHeaders(), recorded.getBody() == null ? new byte[0] : recorded.getBody().toByteArray(), n);
    Faults.Kind fault = faults.faultFor(n);
    MockResponse.Builder response;
    if (fault == Faults.Kind.NONE && faults.rateLimitsSend(n) && vendor.isSend(request)) {
      response = build(vendor.fault(429, n), Faults.Kind.NONE, Duration.ZERO, n)
          .setHeader("Retry-After", seconds(faults.sendRetryAfter()));
    } else {
      response = switch (fault) {
        case RATE_LIMITED -> build(vendor.fault(429, n), Faults.Kind.NONE, Duration.ZERO, n)
            .setHeader("Retry-After", seconds(faults.retryAfter()));
        case SERVER_ERROR -> build(vendor.fault(faults.serverErrorStatus(), n), Faults.Kind.NONE, Duration.ZERO, n);
        case DROPPED_CONNECTION -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false));
        case TRUNCATED_BODY, STREAM_CUT, NONE -> build(vendor.handle(request), fault, faults.frameDelayFor(n), n);
      };
    }
    Duration delay = faults.latencyFor(n);
    if (!delay.isZero()) response.headersDelay(delay.toNanos(), TimeUnit.NANOSECONDS);
    return response.build();
  }

  private MockResponse.Builder build(Reply reply, Faults.Kind fault, Duration frameDelay, long n) {
    MockResponse.Builder builder = new MockResponse.Builder().code(reply.status());
    reply.headers().forEach(builder::setHeader);
    if (reply.stream() != null) {
      int cutAfter = switch (fault) {
        case TRUNCATED_BODY -> 0;
        case STREAM_CUT -> faults.streamCutAfter();
        default -> -1;
      };
      builder.setHeader("Transfer-Encoding", "chunked");
      builder.setHeader("Connection", "close");
      return builder.socketHandler(new StreamBody(reply.stream(), cutAfter, frameDelay));
    }
    builder.body(new Buffer().write(reply.body()));
    if (fault == Faults.Kind.TRUNCATED_BODY) builder.onResponseBody(new SocketEffect.CloseSocket(true, false, false));
    return builder;
  }

  private static String seconds(Duration wait) {
    long millis = wait.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
  }

  /**
   * A live stream's body, written on the connection itself once the headers are out: frames as they
   * come, each in one HTTP/1.1 chunk (so that a cut connection is told apart from the end of the
   * stream), cut (the connection closed in the middle of a frame) or slowed as the plan says. The
   * connection is not reused after a stream.
   */
  private static final class StreamBody implements SocketHandler {
    private final Frames frames;
    private final int cutAfter;
    private final Duration frameDelay;

    StreamBody(Frames frames, int cutAfter, Duration frameDelay) {
      this.frames = frames;
      this.cutAfter = cutAfter;
      this.frameDelay = frameDelay;
    }

    @Override
    public void handle(Socket socket) {
      BufferedSink sink = socket.getSink() instanceof BufferedSink buffered ? buffered : Okio.buffer(socket.getSink());
      int[] written = {0};
      try {
        frames.writeTo(frame -> {
          if (cutAfter >= 0 && written[0] == cutAfter) {
            sink.writeUtf8(Integer.toHexString(frame.length)).writeUtf8("\r\n");
            sink.write(frame, 0, Math.max(1, frame.length / 2));
            sink.flush();
            throw new Cut();
          }
          if (!frameDelay.isZero()) {
            try {
              Thread.sleep(frameDelay.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IOException("interrupted", e);
            }
          }
          sink.writeUtf8(Integer.toHexString(frame.length)).writeUtf8("\r\n");
          sink.write(frame);
          sink.writeUtf8("\r\n");
          sink.flush();
          written[0]++;
        });
        sink.writeUtf8("0\r\n\r\n");
        sink.flush();
      } catch (Cut cut) {
        socket.cancel();
      } catch (IOException e) {
        // The client left: nothing to answer.
        socket.cancel();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        socket.cancel();
      }
    }
  }

  /** The plan's cut: the connection is closed in the middle of a frame. */
  private static final class Cut extends IOException {
    private static final long serialVersionUID = 1;

    Cut() {
      super("sandbox: stream cut", null);
    }
  }
}
