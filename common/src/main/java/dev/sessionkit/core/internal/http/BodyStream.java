package dev.sessionkit.core.internal.http;

import dev.sessionkit.errors.ResponseTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import okhttp3.Response;

/**
 * A binary response body handed to the caller as it streams in, at most {@code maxResponseBytes} of
 * it: reading past the limit throws the typed {@link ResponseTooLargeException}, and closing the
 * stream closes the response (and its connection, when the body was not read to the end).
 */
final class BodyStream extends FilterInputStream {
  private final Response response;
  private final Supplier<ResponseTooLargeException> tooLarge;

  BodyStream(InputStream bounded, Response response, Supplier<ResponseTooLargeException> tooLarge) {
    super(bounded);
    this.response = response;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    try {
      return super.read();
    } catch (BoundedSource.TooLarge e) {
      throw tooLarge.get();
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    try {
      return super.read(buffer, offset, length);
    } catch (BoundedSource.TooLarge e) {
      throw tooLarge.get();
    }
  }

  @Override
  public long skip(long n) throws IOException {
    try {
      return super.skip(n);
    } catch (BoundedSource.TooLarge e) {
      throw tooLarge.get();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      response.close();
    }
  }

  @Override
  public String toString() {
    return "BodyStream(" + ResponseDecoder.describe(response.request()) + ")";
  }
}
