package dev.sessionkit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Reads the documented examples under {@code /sandbox/} on the class path. Internal. */
final class Resources {
  private Resources() {}

  /** Returns the bytes of {@code sandbox/<path>}. */
  public static byte[] read(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/sandbox/" + path)) {
      Objects.requireNonNull(in, () -> "missing resource sandbox/" + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
