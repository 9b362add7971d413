package dev.sessionkit.core.internal.http;

import dev.sessionkit.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Source;

/**
 * A response body, counted: reading past {@code limit} bytes fails with {@link TooLarge}, and the
 * first bytes are kept so that a decoding failure can show how the body started.
 */
final class BoundedSource extends ForwardingSource {
  private final long limit;
  /** The first bytes, at most {@link ApiException#MAX_BODY_CHARS}. */
  private final ByteArrayOutputStream start = new ByteArrayOutputStream(256);
  private long read;

  BoundedSource(Source body, long limit) {
    super(body);
    this.limit = limit;
  }

  @Override
  public long read(Buffer sink, long byteCount) throws IOException {
    long n = super.read(sink, byteCount);
    if (n <= 0) return n;
    if (start.size() < ApiException.MAX_BODY_CHARS) {
      long keep = Math.min(n, ApiException.MAX_BODY_CHARS - start.size());
      sink.copyTo(start, sink.size() - n, keep);
    }
    read += n;
    if (read > limit) throw new TooLarge();
    return n;
  }

  /** The first bytes of the body, as text. */
  String start() {
    return start.toString(StandardCharsets.UTF_8);
  }

  /** Thrown inside the reader when the body passes the limit; the decoder turns it into a typed exception. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("response body larger than maxResponseBytes", null);
    }
  }
}
