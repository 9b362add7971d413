package dev.sessionkit.kafka.connect.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, which Connect shows for the connector and its tasks. */
public final class Version {
  /** The version, such as {@code 0.1.0}. */
  public static final String VERSION = read();

  private Version() {}

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("/dev/sessionkit/kafka/connect/version.properties")) {
      if (in == null) throw new IllegalStateException("version.properties is missing from the connector's jar");
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
