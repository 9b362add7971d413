package dev.sessionkit.core.internal.sse;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * A pull parser for {@code text/event-stream} bodies, as the WHATWG HTML standard (§9.2.5–9.2.6)
 * describes them, within a bound: one event (every line of it, comments included) may take at most
 * {@code maxEventBytes}, so a line or an event of any length fails with {@link TooLarge} after that
 * many bytes instead of filling the heap.
 *
 * <p>Lines end with CRLF, LF or CR; a CR ends its line at once (a following LF is skipped when it
 * comes), so an event whose blank line ends with CR is dispatched without waiting for another byte.
 * A leading byte-order mark is skipped at the start of each body. A line starting with {@code :} is
 * a comment. {@code data} lines are joined with LF into {@link #data()}, moved there segment by
 * segment with no copy and no {@code String}; {@code event} sets the type; {@code id} (unless it
 * contains NUL) sets the id that dispatch commits, data or not; {@code retry} counts only when it is
 * ASCII digits. At the end of a body the event in progress is discarded.
 *
 * <p>One parser follows one stream across its connections ({@link #reset}): the committed event id
 * and the reconnection time outlive a connection. Not thread-safe.
 */
public final class SseParser {
  private static final ByteString CR_OR_LF = ByteString.encodeUtf8("\r\n");
  private static final ByteString DATA = ByteString.encodeUtf8("data");
  private static final ByteString ID = ByteString.encodeUtf8("id");
  private static final ByteString EVENT = ByteString.encodeUtf8("event");
  private static final ByteString RETRY = ByteString.encodeUtf8("retry");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  /** How many distinct event types are kept as strings, so that a repeated type costs no allocation. */
  private static final int TYPE_CACHE = 16;
  private static final int MAX_CACHED_TYPE = 128;

  private final long maxEventBytes;
  private final Buffer data = new Buffer();
  private final ByteString[] typeBytes = new ByteString[TYPE_CACHE];
  private final String[] typeNames = new String[TYPE_CACHE];
  private int typesCached;
  private int nextEvicted;
  private BufferedSource source;
  private Buffer buffer;
  private boolean skipLf;
  private boolean atStart;
  private String idBuffer;
  private volatile String lastEventId;
  private long retryMillis = -1;
  private String type = "message";
  private long eventBytes;

  /**
   * A parser for events of at most {@code maxEventBytes}, resuming after {@code lastEventId} (empty
   * for none).
   */
  public SseParser(long maxEventBytes, String lastEventId) {
    this.maxEventBytes = maxEventBytes;
    this.lastEventId = lastEventId;
    this.idBuffer = lastEventId;
    this.source = new Buffer();
    this.buffer = source.getBuffer();
  }

  /**
   * Starts reading the body of a new connection. The event in progress, if any, is dropped, with an
   * {@code id} it set but never committed.
   */
  public void reset(BufferedSource body) {
    this.source = body;
    this.buffer = body.getBuffer();
    this.skipLf = false;
    this.atStart = true;
    this.idBuffer = lastEventId;
    startEvent();
  }

  /**
   * Reads up to the next dispatched event: then {@link #type()} and {@link #data()} describe it.
   *
   * @return false at the end of the body (the event in progress is discarded)
   * @throws TooLarge when an event passes {@code maxEventBytes}
   * @throws IOException when reading fails
   */
  public boolean next() throws IOException {
    startEvent();
    boolean hasData = false;
    if (atStart) {
      atStart = false;
      if (source.request(1) && buffer.getByte(0) == (byte) 0xEF && source.request(3) && buffer.rangeEquals(0, BOM)) {
        buffer.skip(3);
      }
    }
    while (true) {
      if (skipLf) {
        if (buffer.size() == 0 && !source.request(1)) return endOfBody();
        if (buffer.getByte(0) == '\n') buffer.skip(1);
        skipLf = false;
      }
      long end = lineEnd();
      if (end == -1) return endOfBody();
      eventBytes += end + 1;
      if (end == 0) {
        lineBreak();
        lastEventId = idBuffer;
        if (hasData) return true;
        startEvent();
        continue;
      }
      long colon = buffer.indexOf((byte) ':', 0, end);
      long nameLength = colon == -1 ? end : colon;
      long value = colon == -1 ? end : colon + 1;
      if (value < end && buffer.getByte(value) == ' ') value++;
      long valueLength = end - value;
      if (nameLength == 0) {
        buffer.skip(end);
      } else if (nameLength == 4 && buffer.rangeEquals(0, DATA)) {
        if (hasData) data.writeByte('\n');
        hasData = true;
        buffer.skip(value);
        buffer.read(data, valueLength);
      } else if (nameLength == 5 && buffer.rangeEquals(0, EVENT)) {
        type = typeName(value, valueLength);
        buffer.skip(end);
      } else if (nameLength == 2 && buffer.rangeEquals(0, ID)) {
        buffer.skip(value);
        String id = buffer.readUtf8(valueLength);
        if (id.indexOf('\0') < 0) idBuffer = id;
      } else if (nameLength == 5 && buffer.rangeEquals(0, RETRY)) {
        retry(value, end);
        buffer.skip(end);
      } else {
        buffer.skip(end);
      }
      lineBreak();
    }
  }

  /** Returns the type of the event {@link #next()} dispatched: its {@code event} field, or {@code message}. */
  public String type() {
    return type;
  }

  /** Returns the data of the event {@link #next()} dispatched, its lines joined with LF; reading it consumes it. */
  public Buffer data() {
    return data;
  }

  /** Returns the last committed event id (committed when an event is dispatched), or empty for none. */
  public String lastEventId() {
    return lastEventId;
  }

  /** Returns the reconnection time the server last set with {@code retry:}, in milliseconds, or -1. */
  public long retryMillis() {
    return retryMillis;
  }

  private void startEvent() {
    data.clear();
    type = "message";
    eventBytes = 0;
  }

  private boolean endOfBody() {
    startEvent();
    return false;
  }

  /** Consumes the CR or LF that ends a line; after a CR, a following LF is skipped when it arrives. */
  private void lineBreak() throws IOException {
    skipLf = buffer.readByte() == '\r';
  }

  /**
   * Returns the offset of the end of the next line (its CR or LF, already buffered), or -1 at the end
   * of the body; at most the event's remaining allowance is buffered while looking.
   */
  private long lineEnd() throws IOException {
    long allowed = maxEventBytes - eventBytes;
    long from = 0;
    while (true) {
      long end = buffer.indexOfElement(CR_OR_LF, from);
      if (end != -1) {
        if (end >= allowed) throw new TooLarge(maxEventBytes, start());
        return end;
      }
      if (buffer.size() >= allowed) throw new TooLarge(maxEventBytes, start());
      from = buffer.size();
      if (!source.request(from + 1)) return -1;
    }
  }

  /** The type named by the {@code event} field's value; a repeated one is looked up, not decoded again. */
  private String typeName(long offset, long length) {
    if (length == 0) return "message";
    for (int i = 0; i < typesCached; i++) {
      ByteString cached = typeBytes[i];
      if (cached.size() == length && buffer.rangeEquals(offset, cached)) return typeNames[i];
    }
    Buffer copy = new Buffer();
    buffer.copyTo(copy, offset, length);
    if (length > MAX_CACHED_TYPE) return copy.readUtf8();
    ByteString bytes = copy.readByteString();
    String name = bytes.utf8();
    int slot = typesCached < TYPE_CACHE ? typesCached++ : nextEvicted++ % TYPE_CACHE;
    typeBytes[slot] = bytes;
    typeNames[slot] = name;
    return name;
  }

  /** {@code retry:} sets the reconnection time only when its value is ASCII digits. */
  private void retry(long from, long to) {
    if (from == to) return;
    long millis = 0;
    for (long i = from; i < to; i++) {
      byte b = buffer.getByte(i);
      if (b < '0' || b > '9') return;
      millis = millis > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : millis * 10 + (b - '0');
    }
    retryMillis = millis;
  }

  /** How the event that is too large starts, to say which it was. */
  private String start() {
    Buffer shown = data.size() > 0 ? data : buffer;
    return shown.snapshot((int) Math.min(shown.size(), 200)).utf8();
  }

  /** An event passed the limit; the stream turns it into a typed exception. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;
    private final String start;

    TooLarge(long limit, String start) {
      super("an event is larger than maxEventBytes (" + limit + " bytes)", null);
      this.limit = limit;
      this.start = start;
    }

    /** Returns the limit in bytes. */
    public long limit() {
      return limit;
    }

    /** Returns how the event started. */
    public String start() {
      return start;
    }
  }
}
