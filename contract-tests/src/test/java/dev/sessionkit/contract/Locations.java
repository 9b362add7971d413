package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.generator.spec.SpecCatalog;
import dev.sessionkit.generator.spec.SpecPreparation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the contract tests find the specs, the seed documents and the pinned npm tools; all three
 * are passed in by Maven (see this module's pom). The specs to check are discovered, never listed:
 * {@link #checkedSpecs()}.
 */
final class Locations {
  /** Set by .ci/run and .ci/contract: a missing Prism or Spectral then fails the run instead of skipping. */
  static final String REQUIRE_TOOLS_ENV = "SESSIONKIT_REQUIRE_PRISM";
  /** Set by .ci/run and .ci/contract: missing seed documents then fail the run instead of skipping. */
  static final String REQUIRE_SEEDS_ENV = "SESSIONKIT_REQUIRE_SEEDS";

  /**
   * One spec the contract checks cover: its name ({@code qoder}, {@code parley}) and the file the
   * tools read, which is the spec itself, or for a vendor's published file with an overlay the
   * result the spec-preparation step writes (the overlay applied, the selected operations kept).
   */
  record CheckedSpec(String name, Path file) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<CheckedSpec> checked;

  private Locations() {}

  /**
   * Every spec under specs/, found by {@link SpecCatalog} (a new spec is checked with no edit here):
   * computed once per test run, the overlays' results written under {@code sessionkit.preparedSpecs}.
   */
  static synchronized List<CheckedSpec> checkedSpecs() {
    if (checked == null) {
      checked = checkedSpecs(specs(), directory("sessionkit.preparedSpecs", "the prepared specs' directory", true));
    }
    return checked;
  }

  /** Every spec under {@code specs}; each overlay is applied into {@code prepared}. */
  static List<CheckedSpec> checkedSpecs(Path specs, Path prepared) {
    Path root = specs.toAbsolutePath().normalize().getParent();
    List<CheckedSpec> out = new ArrayList<>();
    for (SpecCatalog.Entry entry : SpecCatalog.scan(specs, root).entries()) {
      Path file = entry.hasOverlay()
          ? SpecPreparation.prepare(entry, prepared.resolve(entry.name() + ".openapi.json"), root).output()
          : entry.file();
      out.add(new CheckedSpec(entry.name(), file));
    }
    return List.copyOf(out);
  }

  /** Returns the specs/ directory. */
  static Path specs() {
    return directory("sessionkit.specs", "the specs/ directory");
  }

  /** Returns one spec file of specs/ by its file name (for the suites that call one vendor's SDK). */
  static Path spec(String fileName) {
    return specs().resolve(fileName);
  }

  /**
   * Returns the seed documents' directory. A clone without {@code ../shared} beside it skips the
   * tests that need the seeds, unless {@value #REQUIRE_SEEDS_ENV} is set (as on CI): then they fail.
   */
  static Path seeds() {
    try {
      return seeds(System.getProperty("sessionkit.seeds"));
    } catch (IllegalStateException missing) {
      if (System.getenv(REQUIRE_SEEDS_ENV) != null) throw missing;
      Assumptions.abort(missing.getMessage() + " Skipped because " + REQUIRE_SEEDS_ENV + " is not set.");
      throw missing;
    }
  }

  /** Returns {@code configured} as the seeds directory, or fails naming it and how CI provides it. */
  static Path seeds(String configured) {
    Path dir = configured == null ? null : Path.of(configured).normalize();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalStateException("The seed documents are missing: expected the directory " + dir
          + " (../shared/seeds beside the repository; CI clones the repository with shared/ beside it)."
          + " Override with -Dsessionkit.seeds=<dir>.");
    }
    return dir;
  }

  /**
   * Returns the pinned npm tool {@code name} (installed by {@code npm ci} in specs/). When it is
   * absent the test is skipped, unless {@value #REQUIRE_TOOLS_ENV} is set: then it fails.
   */
  static Path npmTool(String name) {
    Path bin = Path.of(System.getProperty("sessionkit.npmBin", specs().resolve("node_modules/.bin").toString()));
    Path tool = bin.resolve(name);
    if (!Files.isExecutable(tool)) {
      String message = name + " is not installed at " + tool + ": run `npm ci` in specs/ (.ci/contract does)";
      if (System.getenv(REQUIRE_TOOLS_ENV) != null) fail(message + "; " + REQUIRE_TOOLS_ENV + " is set, so this fails");
      Assumptions.abort(message + "; skipped because " + REQUIRE_TOOLS_ENV + " is not set");
    }
    return tool;
  }

  /**
   * Whether the suites that share one Prism for the whole class should run: the npm tools are
   * installed, or {@value #REQUIRE_TOOLS_ENV} demands them (then their start fails loudly). Used
   * with {@code @EnabledIf}, so a clone without the tools reports those suites as skipped, with
   * the reason, instead of as zero tests run.
   */
  static boolean prismInstalledOrRequired() {
    if (System.getenv(REQUIRE_TOOLS_ENV) != null) return true;
    Path bin = Path.of(System.getProperty("sessionkit.npmBin", specs().resolve("node_modules/.bin").toString()));
    return Files.isExecutable(bin.resolve("prism"));
  }

  private static Path directory(String property, String what) {
    return directory(property, what, false);
  }

  private static Path directory(String property, String what, boolean create) {
    String value = System.getProperty(property);
    try {
      if (value != null && create) Files.createDirectories(Path.of(value));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(what + " cannot be created: " + value, e);
    }
    if (value == null || !Files.isDirectory(Path.of(value))) {
      throw new IllegalStateException(what + " is missing: system property " + property + " = " + value);
    }
    return Path.of(value);
  }
}
