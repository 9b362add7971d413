package dev.sessionkit.generator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The spec-preparation step that runs before OpenAPI Generator in a vendor module's build (the
 * {@code sessionkit-prepare-spec} execution of the parent pom): it finds the module's spec, applies
 * its overlay to the published file, reads the Fern extensions, keeps the selected operations and
 * what they reference, checks the result, and writes it as JSON to the file OpenAPI Generator reads.
 *
 * <p>Every failure names the check and the place: the overlay, its action and target; the
 * selection entry; or the file and JSON pointer of a construct OpenAPI Generator's validation (or
 * ours) refuses. A spec of our own (no overlay) is checked the same way and written unchanged in
 * content.
 */
public final class SpecPreparation {
  /** What was prepared: the spec, the document written, and what happened, one line each. */
  public record Prepared(SpecCatalog.Entry entry, Path output, JsonNode document, List<String> log) {}

  private SpecPreparation() {}

  /**
   * Prepares {@code entry} into {@code output}; {@code root} (the project directory) shortens file
   * names in messages. Throws {@link SpecCheckException} naming every problem found.
   */
  public static Prepared prepare(SpecCatalog.Entry entry, Path output, Path root) {
    String specName = SpecCatalog.display(entry.file(), root);
    String outputName = SpecCatalog.display(output, root);
    List<String> log = new ArrayList<>();
    JsonNode document;
    Function<String, String> where;
    if (entry.hasOverlay()) {
      String publishedName = SpecCatalog.display(entry.published(), root);
      JsonNode published = Pointers.read(entry.published(), publishedName);
      Overlay overlay = Overlay.read(entry.file(), specName);
      document = overlay.apply(published, publishedName);
      log.add("applied " + specName + " (" + overlay.actions().size() + " actions) to " + publishedName);
      where = pointer -> (Pointers.at(published, pointer).isMissingNode() ? outputName : publishedName) + "#" + pointer;
      Selection selection = Selection.read(overlay.extension("x-sessionkit-select"), specName);
      Selection.Outcome outcome = selection.apply(object(document, specName), specName, publishedName);
      log.add("kept " + outcome.operationsKept() + " of " + outcome.operationsTotal() + " operations and "
          + outcome.schemasKept() + " of " + outcome.schemasTotal() + " schemas");
      FernExtensions.apply(object(document, specName), where).forEach(log::add);
    } else {
      document = Pointers.read(entry.file(), specName);
      where = pointer -> specName + "#" + pointer;
      FernExtensions.apply(object(document, specName), where).forEach(log::add);
    }
    List<String> problems = new ArrayList<>(ValidationChecks.references(document, where));
    if (problems.isEmpty()) {
      write(document, output);
      problems.addAll(ValidationChecks.swaggerParser(output, outputName, document, where));
    }
    if (!problems.isEmpty()) {
      throw new SpecCheckException(specName + " does not pass the checks OpenAPI Generator's input must pass ("
          + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; fix them"
          + (entry.hasOverlay() ? " with overlay actions" : "") + "):\n  " + String.join("\n  ", problems));
    }
    log.add("wrote " + outputName);
    return new Prepared(entry, output, document, List.copyOf(log));
  }

  /**
   * Writes the spec file {@code spec} (YAML or JSON) to {@code output} as JSON, exactly as this step
   * writes a prepared spec: what a vendor module bundles as the spec it was generated from.
   */
  public static void writeJson(Path spec, Path output) {
    write(Pointers.read(spec, spec.toString()), output);
  }

  private static ObjectNode object(JsonNode document, String name) {
    if (!(document instanceof ObjectNode object)) throw SpecCheckException.at(name, "", "an OpenAPI document is an object");
    return object;
  }

  private static void write(JsonNode document, Path output) {
    try {
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, Pointers.JSON.writeValueAsString(document) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + output, e);
    }
  }

  /**
   * Runs the step: {@code --specs <dir> --vendor <name> --output <file> [--root <dir>]}. Used by the
   * parent pom's {@code sessionkit-prepare-spec} execution (exec-maven-plugin, in the build's JVM:
   * a failure is an exception with the message, never {@code System.exit}).
   */
  public static void main(String[] args) {
    Path specs = null;
    String vendor = null;
    Path output = null;
    Path root = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--specs" -> specs = Path.of(args[i + 1]);
        case "--vendor" -> vendor = args[i + 1];
        case "--output" -> output = Path.of(args[i + 1]);
        case "--root" -> root = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (specs == null || vendor == null || output == null || args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: --specs <dir> --vendor <name> --output <file> [--root <dir>] (got "
          + String.join(" ", args) + ")");
    }
    if (vendor.isBlank() || vendor.contains("${")) {
      throw new IllegalArgumentException("sessionkit.vendor is not set: a vendor module names its spec with the property"
          + " sessionkit.vendor (CONTRIBUTING.md, \"Adding a vendor or an operation\")");
    }
    Prepared prepared = prepare(SpecCatalog.vendor(specs, vendor, root), output, root);
    for (String line : prepared.log()) System.out.println("[sessionkit] " + vendor + ": " + line);
  }
}
