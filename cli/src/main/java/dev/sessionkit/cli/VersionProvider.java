package dev.sessionkit.cli;

import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code sessionkit --version}: the version the build wrote into {@code version.properties}
 * (resource filtering), the Java runtime, and the vendors on the class path.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    List<String> vendors = VendorDescriptor.installed().stream().map(VendorDescriptor::id).toList();
    return new String[] {
      "sessionkit " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")",
      "vendors: " + (vendors.isEmpty() ? "none" : String.join(", ", vendors))
    };
  }

  /** Returns the project version the build wrote. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) throw new IllegalStateException("version.properties is missing from the sessionkit jar");
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
