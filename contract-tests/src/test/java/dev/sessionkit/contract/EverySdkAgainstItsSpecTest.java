package dev.sessionkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every vendor SDK the build publishes decodes its own spec's response examples with no drift. The
 * vendor modules are the ones build-tools lists from the build (this module's pom names none for
 * this), each found through the vendor descriptor it provides, its examples read from the spec it
 * bundles: a new vendor module is checked here by being in the build.
 */
class EverySdkAgainstItsSpecTest {
  private static final String SERVICE = "META-INF/services/" + VendorDescriptor.class.getName();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path recorded;

  /** One vendor module of the build and its descriptor. */
  private record Vendor(String artifactId, VendorDescriptor descriptor) {}

  /** The descriptor each vendor module of the build provides, loaded from the module's own jar or classes. */
  private static List<Vendor> vendorsOfTheBuild() throws Exception {
    List<Vendor> vendors = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("sessionkit.modulesFile")))) {
      String[] parts = line.split(" ", 3);
      if (parts.length < 3 || !parts[1].equals("vendor")) continue;
      // The module's own services entry; its class from the class path when it is there (the SDKs this
      // module's tests call), else from the module itself.
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(parts[2]).toUri().toURL()},
          EverySdkAgainstItsSpecTest.class.getClassLoader());
      URL services = loader.findResource(SERVICE);
      assertTrue(services != null, parts[0] + " provides no vendor descriptor (" + parts[2] + ")");
      String provider;
      try (InputStream in = services.openStream()) {
        provider = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(text -> !text.isEmpty() && !text.startsWith("#")).findFirst().orElseThrow();
      }
      vendors.add(new Vendor(parts[0], (VendorDescriptor) Class.forName(provider, true, loader)
          .getConstructor().newInstance()));
    }
    return vendors;
  }

  @Test
  void theBuildsVendorModulesAreTheFourSdksAndEachProvidesADescriptor() throws Exception {
    List<String> ids = vendorsOfTheBuild().stream().map(vendor -> vendor.descriptor().id()).sorted().toList();

    assertTrue(ids.containsAll(List.of("agents-v2", "pipecat", "piper", "qoder")), ids.toString());
    assertEquals(ids.size(), ids.stream().distinct().count(), "one id each: " + ids);
  }

  @TestFactory
  Stream<DynamicTest> everyVendorOfTheBuildDecodesItsSpecsResponseExamplesWithoutDrift() throws Exception {
    return vendorsOfTheBuild().stream().map(vendor -> DynamicTest.dynamicTest(vendor.artifactId(), () -> {
      Path dir = Files.createDirectories(recorded.resolve(vendor.descriptor().id()));
      int examples = writeResponseExamples(vendor.descriptor(), dir);

      DriftReport report = DriftCheck.forVendor(vendor.descriptor()).check(dir);

      assertTrue(examples > 0, vendor.descriptor().id() + "'s spec has no JSON response example");
      assertEquals(examples, report.files());
      assertTrue(report.isEmpty(), report.format());
    }));
  }

  /** Writes each JSON success response example of the vendor's spec as {@code <operationId>/<n>.json}. */
  private static int writeResponseExamples(VendorDescriptor vendor, Path dir) throws IOException {
    JsonNode spec = JSON.readTree(vendor.spec());
    int written = 0;
    for (OperationDescriptor operation : vendor.operations()) {
      if (operation.responseType().filter(type -> type != InputStream.class).isEmpty()) continue;
      JsonNode responses = spec.path("paths").path(operation.path())
          .path(operation.httpMethod().toLowerCase(Locale.ROOT)).path("responses");
      for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
        String code = codes.next();
        if (!code.startsWith("2")) continue;
        for (Iterator<java.util.Map.Entry<String, JsonNode>> media = responses.path(code).path("content").fields();
            media.hasNext(); ) {
          java.util.Map.Entry<String, JsonNode> entry = media.next();
          if (!entry.getKey().contains("json")) continue;
          for (JsonNode example : examples(spec, entry.getValue())) {
            Path file = dir.resolve(operation.operationId()).resolve(code + "-" + (++written) + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(example));
          }
        }
      }
    }
    return written;
  }

  private static List<JsonNode> examples(JsonNode spec, JsonNode media) {
    List<JsonNode> examples = new ArrayList<>();
    if (media.has("example")) examples.add(media.get("example"));
    media.path("examples").forEach(example -> {
      JsonNode resolved = example.has("$ref")
          ? spec.at(example.get("$ref").asText().substring(1)) : example;
      if (resolved.has("value")) examples.add(resolved.get("value"));
    });
    return examples;
  }
}
