package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every spec under specs/ is found by reading the files: plain specs, and overlays with the published files they extend. */
class SpecCatalogTest {
  private static final String OPENAPI = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

  @TempDir Path root;

  private Path write(String name, String text) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static String overlay(String extendsRef) {
    return "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nextends: " + extendsRef + "\nactions: [{target: $}]\n";
  }

  @Test
  void plainSpecsAndOverlaysAreFoundAndThePublishedFilesAreTheirInputs() throws Exception {
    write("specs/qoder.yaml", OPENAPI);
    write("specs/new-vendor.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}");
    write("specs/published/acme-openapi.yaml", OPENAPI);
    write("specs/acme.overlay.yaml", overlay("published/acme-openapi.yaml"));
    write("specs/templates/model.yaml", "not: a spec");
    write("specs/node_modules/x/openapi.yaml", "not: a spec");
    write("specs/.spectral.yaml", "extends: [[spectral:oas, all]]");
    write("specs/package.json", "{\"name\": \"tools\"}");

    SpecCatalog catalog = SpecCatalog.scan(root.resolve("specs"), root);

    assertEquals(List.of(
        new SpecCatalog.Entry("acme", root.resolve("specs/acme.overlay.yaml"), root.resolve("specs/published/acme-openapi.yaml")),
        new SpecCatalog.Entry("new-vendor", root.resolve("specs/new-vendor.json"), null),
        new SpecCatalog.Entry("qoder", root.resolve("specs/qoder.yaml"), null)), catalog.entries());
    assertEquals("specs/acme.overlay.yaml", catalog.display(catalog.entries().get(0).file()));
  }

  @Test
  void aYamlFileThatIsNeitherKindFailsSoThatNothingGoesUnchecked() throws Exception {
    write("specs/qoder.yaml", OPENAPI);
    write("specs/notes.yaml", "todo: write the spec");

    SpecCheckException e = assertThrows(SpecCheckException.class, () -> SpecCatalog.scan(root.resolve("specs"), root));

    assertEquals("specs/notes.yaml: neither an OpenAPI document (openapi: at the top) nor an Overlay (overlay: at the top);"
        + " every YAML or JSON file under specs/ is checked as one of the two", e.getMessage());
  }

  @Test
  void anOverlayMustExtendAFileUnderSpecsNotAUrl() throws Exception {
    write("specs/acme.overlay.yaml", overlay("https://docs.acme.example/openapi.yaml"));

    assertEquals("specs/acme.overlay.yaml#/extends: must be a relative path to a file under specs/"
        + " (got https://docs.acme.example/openapi.yaml): the build never downloads; commit the published file beside the overlay",
        assertThrows(SpecCheckException.class, () -> SpecCatalog.scan(root.resolve("specs"), root)).getMessage());

    write("specs/acme.overlay.yaml", overlay("published/missing.yaml"));
    assertEquals("specs/acme.overlay.yaml#/extends: specs/published/missing.yaml is not an OpenAPI document under specs",
        assertThrows(SpecCheckException.class, () -> SpecCatalog.scan(root.resolve("specs"), root)).getMessage());
  }

  @Test
  void twoFilesThatDefineOneSpecFail() throws Exception {
    write("specs/acme.yaml", OPENAPI);
    write("specs/published/acme-openapi.yaml", OPENAPI);
    write("specs/acme.overlay.yaml", overlay("published/acme-openapi.yaml"));

    assertEquals("specs/acme.yaml and specs/acme.overlay.yaml both define the spec acme; rename one",
        assertThrows(SpecCheckException.class, () -> SpecCatalog.scan(root.resolve("specs"), root)).getMessage());
    assertEquals("specs: [specs/acme.overlay.yaml, specs/acme.yaml] all define the spec acme; keep one",
        assertThrows(SpecCheckException.class, () -> SpecCatalog.vendor(root.resolve("specs"), "acme", root)).getMessage());
  }

  @Test
  void aVendorModuleFindsItsOverlayOrItsPlainSpecByName() throws Exception {
    write("specs/qoder.yaml", OPENAPI);
    write("specs/published/acme-openapi.yaml", OPENAPI);
    write("specs/acme.overlay.yaml", overlay("published/acme-openapi.yaml"));

    assertEquals(root.resolve("specs/published/acme-openapi.yaml"), SpecCatalog.vendor(root.resolve("specs"), "acme", root).published());
    assertEquals(null, SpecCatalog.vendor(root.resolve("specs"), "qoder", root).published());
    assertEquals("specs: no spec for the vendor piper (expected piper.yaml, or piper.overlay.yaml with extends naming the published file)",
        assertThrows(SpecCheckException.class, () -> SpecCatalog.vendor(root.resolve("specs"), "piper", root)).getMessage());
  }
}
