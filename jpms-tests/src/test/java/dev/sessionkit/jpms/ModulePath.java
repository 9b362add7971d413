package dev.sessionkit.jpms;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The module path the tests compile and run with: first every module this build publishes
 * (build-tools' {@code modules} list: the jars this build packaged, vendor SDKs included), then this
 * module's runtime class path (the libraries those modules need). The module system takes the first
 * module of a name it finds.
 */
final class ModulePath {
  /**
   * One module the build publishes, as the list names it.
   *
   * @param artifactId its artifact
   * @param vendor whether it is a vendor SDK
   * @param path its jar (or classes)
   */
  record Published(String artifactId, boolean vendor, Path path) {}

  private ModulePath() {}

  /** The modules the build publishes, in build order. */
  static List<Published> published() {
    try {
      List<Published> published = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of(System.getProperty("sessionkit.modulesFile")))) {
        if (line.isBlank()) continue;
        String[] parts = line.split(" ", 3);
        published.add(new Published(parts[0], parts[1].equals("vendor"), Path.of(parts[2])));
      }
      return published;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The module path, each entry once. */
  static List<Path> entries() {
    Set<Path> entries = new LinkedHashSet<>();
    for (Published module : published()) entries.add(module.path().toAbsolutePath().normalize());
    try {
      String dependencies = Files.readString(Path.of(System.getProperty("sessionkit.modulePathFile"))).strip();
      for (String entry : dependencies.split(File.pathSeparator)) {
        if (!entry.isBlank()) entries.add(Path.of(entry).toAbsolutePath().normalize());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(entries);
  }

  /** The module path as {@code --module-path} takes it. */
  static String asArgument() {
    return entries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
