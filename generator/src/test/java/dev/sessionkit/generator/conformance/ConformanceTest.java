package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.generator.InvalidSpecException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;

/**
 * The conformance corpus ({@code src/test/resources/conformance}, README.md there): one folder per
 * construct, one small spec per case. Each spec is generated with the sessionkit generator and
 * either refused (its first line says where and why: {@code # refused: #/pointer: message}) or
 * compiled, with its check ({@code <Spec>Check.java} beside it), under {@code -Xlint:all},
 * {@code -Xdoclint} and {@code -Werror}, and its check's methods run as tests.
 */
class ConformanceTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "conformance");
  static final Path OUT = Path.of("target", "conformance");
  static final Path TEMPLATES = Path.of("..", "specs", "templates");
  private static final String REFUSED = "# refused: ";
  /** A spec's line that turns OpenAPI Generator's own validation off, to reach the generator's check behind it. */
  private static final String UNVALIDATED = "# validateSpec: false";

  @TestFactory
  Stream<DynamicNode> corpus() throws IOException {
    return folders().map(folder -> DynamicContainer.dynamicContainer(folder.getFileName().toString(),
        specs(folder).map(ConformanceTest::spec)));
  }

  @Test
  void everyFolderHasAReadmeThatNamesEachOfItsSpecs() throws IOException {
    List<Path> folders = folders().toList();
    assertFalse(folders.isEmpty(), "no conformance folders under " + CORPUS);
    for (Path folder : folders) {
      Path readme = folder.resolve("README.md");
      assertTrue(Files.exists(readme), folder + " has no README.md");
      String text = Files.readString(readme);
      for (Path spec : specs(folder).toList()) {
        assertTrue(text.contains(spec.getFileName().toString()), readme + " does not name " + spec.getFileName());
      }
    }
  }

  static Stream<Path> folders() throws IOException {
    try (Stream<Path> list = Files.list(CORPUS)) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  static Stream<Path> specs(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.toString().endsWith(".yaml")).sorted(Comparator.comparing(Path::toString)).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tests of one spec: its refusal, or its check's methods once it is generated and compiled. */
  private static DynamicNode spec(Path spec) {
    String name = spec.getFileName().toString();
    String refused = refusal(spec);
    if (refused != null) {
      int colon = refused.indexOf(": ");
      return DynamicTest.dynamicTest(name + " is refused at " + (colon < 0 ? refused : refused.substring(0, colon)),
          spec.toUri(), () -> assertRefused(spec, refused));
    }
    return DynamicContainer.dynamicContainer(name, spec.toUri(), Stream.of(spec).flatMap(ConformanceTest::checks));
  }

  private static String refusal(Path spec) {
    List<String> header = header(spec);
    return header.isEmpty() || !header.get(0).startsWith(REFUSED) ? null : header.get(0).substring(REFUSED.length());
  }

  /** The comment lines the spec starts with. */
  private static List<String> header(Path spec) {
    try {
      return Files.readAllLines(spec).stream().takeWhile(line -> line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code inline-enums/array-items.yaml} → {@code dev.sessionkit.conformance.inline_enums.array_items}. */
  static String packageOf(Path spec) {
    String folder = identifier(spec.getParent().getFileName().toString());
    String file = spec.getFileName().toString();
    return "dev.sessionkit.conformance." + folder + "." + identifier(file.substring(0, file.length() - ".yaml".length()));
  }

  private static String identifier(String name) {
    String id = name.replace('-', '_').toLowerCase(Locale.ROOT);
    return SourceVersion.isKeyword(id) ? id + "_" : id;
  }

  /** {@code scalars-and-objects.yaml} → {@code ScalarsAndObjectsCheck}. */
  static String checkClassOf(Path spec) {
    String file = spec.getFileName().toString();
    StringBuilder name = new StringBuilder();
    for (String part : file.substring(0, file.length() - ".yaml".length()).split("-")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return name + "Check";
  }

  static Path outOf(Path spec) {
    return OUT.resolve(spec.getParent().getFileName()).resolve(spec.getFileName().toString().replace(".yaml", ""));
  }

  /**
   * Generates {@code spec} into {@code out}, as the vendor modules' build does (with OpenAPI
   * Generator's validation of the spec, unless a line of the spec says {@code # validateSpec: false}).
   */
  static void generate(Path spec, Path out) {
    String pkg = packageOf(spec);
    CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("sessionkit")
        .setInputSpec(spec.toString()).setOutputDir(out.toString())
        .setTemplateDir(TEMPLATES.toAbsolutePath().normalize().toString())
        .setLibrary("retrofit2").setModelPackage(pkg + ".model").setApiPackage(pkg + ".internal")
        .setInvokerPackage(pkg + ".internal")
        .addAdditionalProperty("hideGenerationTimestamp", true).addAdditionalProperty("sourceFolder", "src/main/java")
        .addAdditionalProperty("serializableModel", false)
        .addGlobalProperty("apis", "").addGlobalProperty("models", "")
        .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
        .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false")
        .setValidateSpec(header(spec).stream().noneMatch(line -> line.startsWith(UNVALIDATED)));
    try {
      new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
    } finally {
      GlobalSettings.reset();
    }
  }

  private static void assertRefused(Path spec, String expected) {
    Path out = outOf(spec);
    try {
      generate(spec, out);
      fail(spec + " was generated; it should be refused at " + expected);
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof InvalidSpecException)) cause = cause.getCause();
      if (cause == null) throw e;
      String prefix = spec.getParent().getFileName() + "/" + spec.getFileName();
      String message = cause.getMessage();
      assertTrue(message.startsWith(prefix + expected), () -> "expected " + prefix + expected + "\n but was " + message);
    }
  }

  private static Stream<DynamicNode> checks(Path spec) {
    Path out = outOf(spec);
    deleteTree(out);
    generate(spec, out);
    Path sources = out.resolve("src/main/java");
    Path checkSource = spec.resolveSibling(checkClassOf(spec) + ".java");
    assertTrue(Files.exists(checkSource), spec + " is neither refused nor checked: add " + checkSource.getFileName());
    Path classes = out.resolve("classes");
    compile(sources, checkSource, classes);
    String checkName = packageOf(spec) + "." + checkClassOf(spec);
    URLClassLoader loader;
    Class<?> check;
    try {
      loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ConformanceTest.class.getClassLoader());
      check = loader.loadClass(checkName);
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(checkSource + " must declare " + checkName, e);
    }
    List<Method> methods = new ArrayList<>();
    for (Method method : check.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && method.getReturnType() == void.class
          && method.getParameterCount() == 1 && method.getParameterTypes()[0] == Conformance.class) {
        methods.add(method);
      }
    }
    methods.sort(Comparator.comparing(Method::getName));
    assertFalse(methods.isEmpty(), checkName + " has no check: public void methods taking a Conformance");
    return methods.stream().map(method -> DynamicTest.dynamicTest(method.getName(), checkSource.toUri(),
        () -> run(check, method, sources)));
  }

  private static void run(Class<?> check, Method method, Path sources) throws Throwable {
    Conformance conformance = new Conformance(sources);
    try {
      method.invoke(check.getConstructor().newInstance(), conformance);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      conformance.close();
    }
  }

  /** Compiles the generated sources with the check, as strictly as the build compiles and documents modules. */
  static void compile(Path sources, Path check, Path classes) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Stream<Path> walk = Files.walk(sources)) {
      Files.createDirectories(classes);
      // module-info.java is left out: the checks run on the class path. The vendor modules' own builds
      // compile theirs (and jpms-tests runs them on the module path).
      List<File> inputs = walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("module-info.java"))
          .map(Path::toFile).collect(Collectors.toCollection(ArrayList::new));
      inputs.add(check.toFile());
      List<String> options = List.of("--release", "17", "-d", classes.toString(), "-classpath", classPath(),
          "-Xlint:all,-processing,-serial", "-Xdoclint:all,-missing", "-Werror", "-implicit:none");
      StringWriter output = new StringWriter();
      boolean ok = compiler.getTask(output, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(inputs))
          .call();
      if (!ok || !diagnostics.getDiagnostics().isEmpty()) {
        StringBuilder report = new StringBuilder("javac on " + sources + " and " + check + ":\n");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          report.append(d.getKind()).append(' ').append(d.getSource() == null ? "" : d.getSource().getName())
              .append(':').append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
        }
        assertEquals("", report.append(output).toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
