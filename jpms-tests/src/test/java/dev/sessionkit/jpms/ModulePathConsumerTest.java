package dev.sessionkit.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.lang.module.ModuleFinder;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The SDK jars work as JPMS modules: a consumer module compiles and runs on the module path,
 * with nothing on the class path, and cannot see the SDKs' internal packages.
 */
class ModulePathConsumerTest {
  private static final Path WORK = Path.of(System.getProperty("sessionkit.work"));

  @Test
  void aConsumerModuleCallsEverySdkAgainstTheSandboxOnTheModulePath() throws Exception {
    String modulePath = ModulePath.asArgument();
    Path classes = WORK.resolve("consumer");
    Compilation compiled = compile(Path.of(System.getProperty("sessionkit.consumerSources")), classes, modulePath);
    assertEquals(0, compiled.exitCode(), compiled.output());

    Path launcher = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(launcher.toString(),
        "--module-path", modulePath + File.pathSeparator + classes,
        "-m", "consumer/consumer.Main")
        .redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the consumer did not finish: " + output);
    assertEquals(0, process.exitValue(), output);
    assertEquals(List.of(
            "dev.sessionkit.qoder (explicit): events 250",
            "dev.sessionkit.piper (explicit): runs 1, events 1",
            "dev.sessionkit.pipecat (explicit): samples 2",
            "dev.sessionkit.agents (explicit): events 120",
            "dev.sessionkit.qoder (explicit): events through the descriptor 10",
            "dev.sessionkit.transcript (explicit): agents-v2 entries 120"),
        output.lines().filter(line -> line.startsWith("dev.sessionkit.")).toList(), output);

    // ServiceLoader found exactly the vendors whose modules provide a descriptor on this module path.
    Set<String> providers = ModuleFinder.of(Arrays.stream(modulePath.split(File.pathSeparator)).map(Path::of)
            .toArray(Path[]::new)).findAll().stream()
        .filter(module -> module.descriptor().provides().stream()
            .anyMatch(provides -> provides.service().equals("dev.sessionkit.core.vendor.VendorDescriptor")))
        .map(module -> module.descriptor().name()).collect(Collectors.toCollection(TreeSet::new));
    List<String> vendors = output.lines().filter(line -> line.startsWith("vendor ")).toList();
    assertEquals(providers, vendors.stream().map(line -> line.split(" ")[3].replace(":", ""))
        .collect(Collectors.toCollection(TreeSet::new)), output);
    assertTrue(vendors.stream().map(line -> line.split(" ")[1]).toList()
        .containsAll(List.of("agents-v2", "pipecat", "piper", "qoder")), output);
    // ... which are the vendor SDKs the build publishes: each is on the path because it is in the build.
    Set<String> published = new TreeSet<>();
    for (ModulePath.Published module : ModulePath.published()) {
      if (module.vendor()) published.add(ModuleFinder.of(module.path()).findAll().iterator().next().descriptor().name());
    }
    assertEquals(published, providers);
  }

  @Test
  void aConsumerModuleCannotReadAnSdksInternalPackage() throws Exception {
    String modulePath = ModulePath.asArgument();
    Compilation compiled = compile(
        Path.of(System.getProperty("sessionkit.intruderSources")), WORK.resolve("intruder"), modulePath);
    assertEquals(1, compiled.exitCode(), compiled.output());
    assertTrue(compiled.output().contains(
            "package dev.sessionkit.qoder.internal is declared in module dev.sessionkit.qoder, which does not export it"),
        compiled.output());
  }

  private record Compilation(int exitCode, String output) {}

  private static Compilation compile(Path sources, Path out, String modulePath) throws IOException {
    Files.createDirectories(out);
    // An explicit, empty class path: in-process javac would otherwise inherit the test's own.
    List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror",
        "--class-path", out.toString(), "--module-path", modulePath, "-d", out.toString()));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted().forEach(args::add);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode = javac.run(null, output, output, args.toArray(String[]::new));
    return new Compilation(exitCode, output.toString(StandardCharsets.UTF_8));
  }
}
