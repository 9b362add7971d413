package dev.sessionkit.sandbox.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A live {@code text/event-stream} body: frames written one at a time as a session's history grows,
 * in the vendor's framing, with heartbeats while nothing happens.
 */
public abstract class Frames {
  /** Where frames go; each call writes one whole frame and flushes it. */
  public interface Sink {
    /** Writes one frame. */
    void write(byte[] frame) throws IOException;
  }

  /**
   * How a vendor frames its events: {@code id:} lines (from the event's {@code idField}),
   * {@code event:} lines (the event's name, read from its {@code nameField}), heartbeats, and the
   * frame that ends a turn's stream.
   */
  public record Framing(boolean idLines, String idField, boolean eventLines, String nameField, @Nullable String heartbeat,
      long heartbeatMillis) {
    byte[] frame(@Nullable String id, String name, Object data) {
      StringBuilder out = new StringBuilder();
      if (idLines && id != null) out.append("id: ").append(id).append('\n');
      if (eventLines) out.append("event: ").append(name).append('\n');
      out.append("data: ").append(Json.text(data)).append("\n\n");
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] event(Map<String, Object> data) {
      Object id = Json.at(data, idField);
      Object name = Json.at(data, nameField);
      return frame(id instanceof String s ? s : null, name == null ? "message" : String.valueOf(name), data);
    }

    byte[] live(History.Frame frame) {
      Object name = Json.at(frame.data(), nameField);
      return frame(frame.id(), name == null ? "message" : String.valueOf(name), frame.data());
    }

    byte @Nullable [] heartbeatFrame() {
      if (heartbeat == null) return null;
      if (eventLines) return frame(null, heartbeat, Map.of());
      return frame(null, heartbeat, Map.of(nameField, heartbeat));
    }
  }

  final History history;
  final Framing framing;
  final BooleanSupplier closed;

  Frames(History history, Framing framing, BooleanSupplier closed) {
    this.history = history;
    this.framing = framing;
    this.closed = closed;
  }

  /** Writes frames until the stream ends, the sandbox closes or the client leaves (an IOException). */
  public abstract void writeTo(Sink sink) throws IOException, InterruptedException;

  long waitNanos() {
    long millis = framing.heartbeatMillis() > 0 ? Math.min(framing.heartbeatMillis(), 250) : 250;
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /**
   * A session's stream: its history (after {@code lastEventId}, when resuming), then every live frame,
   * forever; heartbeats every {@code heartbeatMillis} while nothing happens.
   */
  static final class Session extends Frames {
    private final @Nullable String lastEventId;
    private final @Nullable Set<String> names;

    Session(History history, Framing framing, BooleanSupplier closed, @Nullable String lastEventId, @Nullable Set<String> names) {
      super(history, framing, closed);
      this.lastEventId = lastEventId;
      this.names = names;
    }

    @Override
    public void writeTo(Sink sink) throws IOException, InterruptedException {
      int from = 0;
      int[] snapshot = history.snapshot();
      int to = snapshot[0];
      int seen = snapshot[1];
      if (lastEventId != null) from = history.indexOf(lastEventId) + 1;
      for (int i = from; i < to; i++) {
        if (history.deleted(i)) continue;
        Map<String, Object> event = history.event(i);
        if (accepts(event)) sink.write(framing.event(event));
      }
      long lastWrite = System.nanoTime();
      while (!closed.getAsBoolean() && !history.closed()) {
        int n = history.await(seen, null, waitNanos());
        for (int f = seen; f < n; f++) {
          History.Frame frame = history.frame(f);
          if (!frame.stream() || names != null && !accepts(frame.data())) continue;
          sink.write(framing.live(frame));
          lastWrite = System.nanoTime();
        }
        seen = n;
        byte[] heartbeat = framing.heartbeatFrame();
        if (heartbeat != null && System.nanoTime() - lastWrite >= TimeUnit.MILLISECONDS.toNanos(framing.heartbeatMillis())) {
          sink.write(heartbeat);
          lastWrite = System.nanoTime();
        }
      }
    }

    private boolean accepts(Map<String, Object> event) {
      return names == null || names.contains(String.valueOf(Json.at(event, framing.nameField())));
    }
  }

  /**
   * A turn's stream: the history from a cursor up to the turn (when asked), then the turn's frames as
   * they come, then the end frame.
   */
  static final class Turn extends Frames {
    private final History.TurnRecord turn;
    private final int replayFrom;
    private final int replayTo;
    private final int liveFrom;
    private final java.util.function.Supplier<@Nullable Map<String, Object>> end;

    Turn(History history, Framing framing, BooleanSupplier closed, History.TurnRecord turn, int replayFrom, int replayTo,
        int liveFrom, java.util.function.Supplier<@Nullable Map<String, Object>> end) {
      super(history, framing, closed);
      this.turn = turn;
      this.replayFrom = replayFrom;
      this.replayTo = replayTo;
      this.liveFrom = liveFrom;
      this.end = end;
    }

    @Override
    public void writeTo(Sink sink) throws IOException, InterruptedException {
      for (int i = replayFrom; i < replayTo; i++) {
        if (!history.deleted(i)) sink.write(framing.event(history.event(i)));
      }
      int seen = liveFrom;
      long lastWrite = System.nanoTime();
      while (!closed.getAsBoolean() && !history.closed()) {
        boolean done = turn.done();
        int n = history.await(seen, turn, waitNanos());
        if (done) n = history.frameCount();
        for (int f = seen; f < n; f++) {
          History.Frame frame = history.frame(f);
          if (frame.turn() != turn.index() || !frame.stream()) continue;
          sink.write(framing.live(frame));
          lastWrite = System.nanoTime();
        }
        seen = n;
        if (done) break;
        byte[] heartbeat = framing.heartbeatFrame();
        if (heartbeat != null && System.nanoTime() - lastWrite >= TimeUnit.MILLISECONDS.toNanos(framing.heartbeatMillis())) {
          sink.write(heartbeat);
          lastWrite = System.nanoTime();
        }
      }
      Map<String, Object> last = turn.done() ? end.get() : null;
      if (last != null) sink.write(framing.event(last));
    }
  }
}
