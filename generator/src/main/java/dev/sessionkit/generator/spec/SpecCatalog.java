package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every spec under {@code specs/}, found by reading the files rather than from a list: each YAML or
 * JSON file is an OpenAPI document ({@code openapi:} at the top) or an Overlay ({@code overlay:}).
 * An overlay names the document it applies to with {@code extends}, a path relative to itself; that
 * document is the vendor's file as published, an <em>input</em> that is checked only through the
 * overlay's result. Every other OpenAPI document is a spec of its own.
 *
 * <p>So {@code specs/qoder.yaml} is the spec {@code qoder}, and {@code specs/acme.overlay.yaml} with
 * {@code extends: published/acme-openapi.yaml} is the spec {@code acme}. Skipped: directories
 * {@code templates} and {@code node_modules}, names starting with {@code .}, and npm's
 * {@code package.json} and {@code package-lock.json}. Any other YAML or JSON file that is neither
 * kind fails, so that a misspelt spec is not silently left unchecked.
 */
public final class SpecCatalog {
  /**
   * One spec: its name ({@code acme}), the file that defines it (the spec, or the overlay), and for
   * an overlay the published document it extends.
   */
  public record Entry(String name, Path file, Path published) {
    /** Whether the spec is a published document with an overlay (rather than a spec of our own). */
    public boolean hasOverlay() {
      return published != null;
    }
  }

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("templates", "node_modules");
  private static final Set<String> SKIPPED_FILES = Set.of("package.json", "package-lock.json");

  private final Path root;
  private final List<Entry> entries;

  private SpecCatalog(Path root, List<Entry> entries) {
    this.root = root;
    this.entries = entries;
  }

  /**
   * Finds every spec under {@code specs}; {@code root} (the project directory) only shortens the
   * file names in messages.
   */
  public static SpecCatalog scan(Path specs, Path root) {
    Map<Path, String> kinds = new LinkedHashMap<>();
    for (Path file : candidates(specs)) kinds.put(file, kind(file, root));
    Set<Path> inputs = new LinkedHashSet<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Path> names = new LinkedHashMap<>();
    for (Map.Entry<Path, String> file : kinds.entrySet()) {
      if (!file.getValue().equals("overlay")) continue;
      Path published = published(file.getKey(), root);
      if (!"openapi".equals(kinds.get(published))) {
        throw SpecCheckException.at(display(file.getKey(), root), "/extends", display(published, root)
            + " is not an OpenAPI document under " + display(specs, root));
      }
      inputs.add(published);
      entries.add(new Entry(nameOf(file.getKey()), file.getKey(), published));
    }
    for (Map.Entry<Path, String> file : kinds.entrySet()) {
      if (file.getValue().equals("openapi") && !inputs.contains(file.getKey())) {
        entries.add(new Entry(nameOf(file.getKey()), file.getKey(), null));
      }
    }
    entries.sort(Comparator.comparing(Entry::name));
    for (Entry entry : entries) {
      Path other = names.putIfAbsent(entry.name(), entry.file());
      if (other != null) {
        throw new SpecCheckException(display(entry.file(), root) + " and " + display(other, root) + " both define the spec "
            + entry.name() + "; rename one");
      }
    }
    return new SpecCatalog(root, List.copyOf(entries));
  }

  /**
   * Finds the one spec a vendor module names ({@code sessionkit.vendor}): {@code <vendor>.overlay.yaml}
   * or {@code <vendor>.yaml} (or {@code .yml}, {@code .json}) directly in {@code specs}, without reading
   * any other file.
   */
  public static Entry vendor(Path specs, String vendor, Path root) {
    List<Path> found = new ArrayList<>();
    for (String suffix : List.of(".overlay.yaml", ".overlay.yml", ".overlay.json", ".yaml", ".yml", ".json")) {
      Path file = specs.resolve(vendor + suffix);
      if (Files.isRegularFile(file)) found.add(file);
    }
    if (found.isEmpty()) {
      throw new SpecCheckException(display(specs, root) + ": no spec for the vendor " + vendor + " (expected "
          + vendor + ".yaml, or " + vendor + ".overlay.yaml with extends naming the published file)");
    }
    if (found.size() > 1) {
      throw new SpecCheckException(display(specs, root) + ": " + found.stream().map(p -> display(p, root)).toList()
          + " all define the spec " + vendor + "; keep one");
    }
    Path file = found.get(0);
    String kind = kind(file, root);
    if (kind.equals("overlay")) {
      Path published = published(file, root);
      if (!Files.isRegularFile(published) || !kind(published, root).equals("openapi")) {
        throw SpecCheckException.at(display(file, root), "/extends", display(published, root) + " is not an OpenAPI document");
      }
      return new Entry(vendor, file, published);
    }
    if (!kind.equals("openapi")) throw new SpecCheckException(display(file, root) + ": not an OpenAPI document");
    return new Entry(vendor, file, null);
  }

  /** Returns every spec, by name. */
  public List<Entry> entries() {
    return entries;
  }

  /** Returns how messages name {@code file}: its path from the project directory, with forward slashes. */
  public String display(Path file) {
    return display(file, root);
  }

  static String display(Path file, Path root) {
    Path shown = root != null && file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
        ? root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()) : file;
    return shown.toString().replace('\\', '/');
  }

  private static List<Path> candidates(Path specs) {
    if (!Files.isDirectory(specs)) throw new SpecCheckException(specs + ": not a directory");
    try (Stream<Path> walk = Files.walk(specs)) {
      return walk.filter(Files::isRegularFile)
          .filter(file -> !skipped(specs.relativize(file)))
          .filter(file -> file.getFileName().toString().matches(".*\\.(yaml|yml|json)"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) return true;
    }
    return SKIPPED_FILES.contains(relative.getFileName().toString());
  }

  /** {@code openapi} or {@code overlay}; anything else fails naming the file. */
  private static String kind(Path file, Path root) {
    JsonNode tree = Pointers.read(file, display(file, root));
    if (tree.isObject() && tree.has("openapi")) return "openapi";
    if (tree.isObject() && tree.has("overlay")) return "overlay";
    throw new SpecCheckException(display(file, root) + ": neither an OpenAPI document (openapi: at the top) nor an"
        + " Overlay (overlay: at the top); every YAML or JSON file under specs/ is checked as one of the two");
  }

  private static Path published(Path overlayFile, Path root) {
    JsonNode extendsRef = Pointers.read(overlayFile, display(overlayFile, root)).get("extends");
    String name = display(overlayFile, root);
    if (extendsRef == null || !extendsRef.isTextual()) {
      throw SpecCheckException.at(name, "/extends", "required: the path of the published OpenAPI file, relative to the overlay");
    }
    String ref = extendsRef.textValue();
    if (ref.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      throw SpecCheckException.at(name, "/extends", "must be a relative path to a file under specs/ (got " + ref
          + "): the build never downloads; commit the published file beside the overlay");
    }
    return overlayFile.getParent().resolve(ref).normalize();
  }

  private static String nameOf(Path file) {
    String name = file.getFileName().toString().replaceFirst("\\.(yaml|yml|json)$", "");
    return name.endsWith(".overlay") ? name.substring(0, name.length() - ".overlay".length()) : name;
  }
}
