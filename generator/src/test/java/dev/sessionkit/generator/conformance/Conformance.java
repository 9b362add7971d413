package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sessionkit.generator.InvalidSpecException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The conformance harness: one small spec per construct under {@code src/test/resources/conformance/},
 * either generated with the templates in {@code specs/templates}, compiled with javac against
 * {@code sessionkit-common} and exercised (against MockWebServer) through a probe, or refused with
 * an {@link InvalidSpecException} whose message the test checks.
 *
 * <pre>{@code
 * Conformance.Generated sdk = Conformance.generate("operations/methods.yaml");
 * Object answer = sdk.probe("return client(url).items().create(CreateItemRequest.builder().name(\"a\").build());")
 *     .apply(server.url("/").toString());
 * InvalidSpecException e = Conformance.refuse("refusals/cookie-parameter.yaml");
 * }</pre>
 *
 * <p>Every spec generates into the package {@code dev.sessionkit.conformance} (models in {@code .model});
 * a probe is the body of {@code Function<String, Object>.apply(String url)}, with those packages,
 * {@code dev.sessionkit.core}, {@code dev.sessionkit.core.http} and {@code java.util} imported, and a
 * {@code client(url)} helper when the spec's client is named in {@link Generated#clientClass}.
 */
public final class Conformance {
  /** The package every conformance spec generates into. */
  public static final String PACKAGE = "dev.sessionkit.conformance";

  private Conformance() {}

  /** Generates and compiles {@code spec} (a path under {@code conformance/}); fails the test on any javac error. */
  public static Generated generate(String spec) {
    Path out = tempDirectory();
    Throwable failure = run(spec, out);
    if (failure != null) fail("generating " + spec + " failed: " + failure, failure);
    Path sources = out.resolve("src/main/java");
    Path classes = out.resolve("classes");
    compile(sources, classes, List.of());
    return new Generated(spec, sources, classes);
  }

  /** Generates {@code spec} and returns the refusal; fails the test when the spec is accepted. */
  public static InvalidSpecException refuse(String spec) {
    Throwable failure = run(spec, tempDirectory());
    if (failure instanceof InvalidSpecException refused) return refused;
    if (failure == null) fail(spec + " was generated; it should be refused");
    throw new AssertionError(spec + " failed otherwise than with an InvalidSpecException", failure);
  }

  private static Throwable run(String spec, Path out) {
    CodegenConfigurator configurator = new CodegenConfigurator().setGeneratorName("sessionkit")
        .setInputSpec(resource(spec).toString()).setOutputDir(out.toString())
        .setTemplateDir(Path.of("..", "specs", "templates").toAbsolutePath().toString())
        .setModelPackage(PACKAGE + ".model").setApiPackage(PACKAGE + ".internal")
        .setLibrary("retrofit2")
        .addAdditionalProperty("hideGenerationTimestamp", true)
        .addAdditionalProperty("useOneOfInterfaces", true)
        .addAdditionalProperty("openApiNullable", false)
        .addAdditionalProperty("dateLibrary", "java8")
        .addAdditionalProperty("serializableModel", false)
        .addAdditionalProperty("legacyDiscriminatorBehavior", false)
        .addOpenapiNormalizer("SIMPLIFY_ONEOF_ANYOF", "false")
        .addTypeMapping("AnyType", "JsonValue").addTypeMapping("object", "JsonValue").addTypeMapping("UUID", "String")
        .addImportMapping("JsonValue", "dev.sessionkit.core.json.JsonValue")
        .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
        .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
    try {
      DefaultGenerator generator = new DefaultGenerator();
      generator.setGeneratorPropertyDefault(org.openapitools.codegen.CodegenConstants.APIS, "true");
      generator.setGeneratorPropertyDefault(org.openapitools.codegen.CodegenConstants.MODELS, "true");
      generator.setGeneratorPropertyDefault(org.openapitools.codegen.CodegenConstants.SUPPORTING_FILES, "false");
      generator.opts(configurator.toClientOptInput()).generate();
      return null;
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause != null && !(cause instanceof InvalidSpecException)) cause = cause.getCause();
      return cause == null ? e : cause;
    }
  }

  /** The spec file of {@code spec}, a path under {@code conformance/} on the test class path. */
  static Path resource(String spec) {
    URL url = Conformance.class.getClassLoader().getResource("conformance/" + spec);
    if (url == null) throw new IllegalArgumentException("no conformance spec " + spec);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("conformance");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class path javac compiles against: the tests' own (sessionkit-common and its dependencies). */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static void compile(Path sources, Path classes, List<Path> extraClassPath) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Stream<Path> walk = Files.walk(sources)) {
      Files.createDirectories(classes);
      List<File> java = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
      String classPath = Stream.concat(extraClassPath.stream().map(Path::toString), Stream.of(classPath()))
          .collect(Collectors.joining(File.pathSeparator));
      List<String> options = List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none", "-encoding",
          "UTF-8", "-Xlint:none", "-nowarn");
      boolean compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(java))
          .call();
      if (!compiled) {
        StringBuilder errors = new StringBuilder("javac failed on generated code:\n");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            errors.append(d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName()).append(':')
                .append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
          }
        }
        fail(errors.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generated and compiled SDK. */
  public static final class Generated {
    private final String spec;
    private final Path sources;
    private final Path classes;
    private int probes;

    Generated(String spec, Path sources, Path classes) {
      this.spec = spec;
      this.sources = sources;
      this.classes = classes;
    }

    /** The text of a generated file, such as {@code "ItemsService.java"} or {@code "model/Item.java"}. */
    public String source(String file) {
      try {
        return Files.readString(sources.resolve(PACKAGE.replace('.', '/')).resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Whether the generator wrote {@code file}. */
    public boolean has(String file) {
      return Files.exists(sources.resolve(PACKAGE.replace('.', '/')).resolve(file));
    }

    /** The client's simple class name, read from the generated sources. */
    public String clientClass() {
      try (Stream<Path> files = Files.list(sources.resolve(PACKAGE.replace('.', '/')))) {
        return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Client.java")).findFirst()
            .map(n -> n.substring(0, n.length() - ".java".length())).orElseThrow();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Compiles {@code body}, the body of {@code Object apply(String url)}, against the generated
     * SDK, and returns it as a function; {@code client(url)} builds the client with token {@code "t"},
     * no retries and strict decoding.
     */
    public Function<String, Object> probe(String body) {
      String name = "Probe" + (++probes);
      String client = clientClass();
      String source = "package probe;\n"
          + "import " + PACKAGE + ".*;\n"
          + (Files.isDirectory(sources.resolve((PACKAGE + ".model").replace('.', '/'))) ? "import " + PACKAGE + ".model.*;\n" : "")
          + "import dev.sessionkit.core.*;\n"
          + "import dev.sessionkit.core.http.*;\n"
          + "import java.util.*;\n"
          + "public final class " + name + " implements java.util.function.Function<String, Object> {\n"
          + "  static " + client + " client(String url) {\n"
          + "    return " + client + ".builder().token(\"t\").baseUrl(url).noRetries().strictDecoding(true).build();\n"
          + "  }\n"
          + "  @Override public Object apply(String url) {\n"
          + "    try {\n" + body + "\n    } catch (Exception e) {\n"
          + "      if (e instanceof RuntimeException r) throw r;\n"
          + "      throw new RuntimeException(e);\n    }\n  }\n}\n";
      try {
        Path probeSources = Files.createTempDirectory("probe");
        Files.createDirectories(probeSources.resolve("probe"));
        Files.writeString(probeSources.resolve("probe/" + name + ".java"), source);
        Path probeClasses = probeSources.resolve("classes");
        compile(probeSources, probeClasses, List.of(classes));
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), probeClasses.toUri().toURL()},
            Conformance.class.getClassLoader());
        @SuppressWarnings("unchecked")
        Function<String, Object> probe = (Function<String, Object>) loader.loadClass("probe." + name)
            .getDeclaredConstructor().newInstance();
        return probe;
      } catch (IOException | ReflectiveOperationException e) {
        throw new AssertionError("probe of " + spec, e);
      }
    }

    /** Runs {@code body} (see {@link #probe}) once against {@code url}. */
    public Object run(String url, String body) {
      return probe(body).apply(url);
    }

    @Override
    public String toString() {
      return "Generated(" + spec + ")";
    }
  }

  /** The lines of {@code text} that contain {@code fragment}, for assertion messages. */
  public static List<String> linesWith(String text, String fragment) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) if (line.contains(fragment)) lines.add(line.strip());
    return lines;
  }
}
