package dev.sessionkit.contract;

import dev.sessionkit.contract.DriftFinding.Kind;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks recorded real responses against an SDK's types: every unknown field, union variant and
 * enum value, missing required field and number sent for a string, with its JSON path, in every file.
 *
 * <p>The recordings are laid out one directory per operation, named by its {@code operationId} in
 * the spec: {@code <dir>/listSessionEvents/*.json}. Each file is one response body. Each is decoded
 * leniently, as the SDK does in production, by the SDK's generated adapters, which report every
 * drift they tolerate (see {@link DriftScanner}).
 *
 * <pre>{@code
 * DriftReport report = DriftCheck.forSdk("qoder").check(Path.of("recorded"));
 * if (!report.isEmpty()) throw new AssertionError(report.format());
 * }</pre>
 *
 * <p>From the command line (exit status 0: no drift, 1: drift, 2: bad arguments):
 * <pre>{@code
 * ./mvnw -q -pl contract-tests compile exec:java -Dexec.args="--sdk qoder /path/to/recorded"
 * }</pre>
 */
public final class DriftCheck {

  /** The Retrofit interfaces of each SDK this project builds, by the name {@code --sdk} takes. */
  private static final Map<String, List<String>> SDK_APIS = Map.of(
      "qoder", List.of("dev.sessionkit.qoder.internal.EventsApi", "dev.sessionkit.qoder.internal.ThreadsApi",
          "dev.sessionkit.qoder.internal.ResourcesApi", "dev.sessionkit.qoder.internal.AgentsApi",
          "dev.sessionkit.qoder.internal.EnvironmentsApi"),
      "piper", List.of("dev.sessionkit.piper.internal.SessionsApi", "dev.sessionkit.piper.internal.ScenariosApi",
          "dev.sessionkit.piper.internal.ResponsesApi"),
      "pipecat", List.of("dev.sessionkit.pipecat.internal.SessionsApi", "dev.sessionkit.pipecat.internal.SessionProxyApi",
          "dev.sessionkit.pipecat.internal.AgentsApi"),
      "agents-v2", List.of("dev.sessionkit.agents.internal.EventsApi", "dev.sessionkit.agents.internal.AliasSessionsApi",
          "dev.sessionkit.agents.internal.AgentsApi"));

  private final Map<String, Type> operations;

  private DriftCheck(Map<String, Type> operations) {
    this.operations = Collections.unmodifiableMap(new TreeMap<>(operations));
  }

  /** Returns a check with an explicit mapping from operation id to the type of its response body. */
  public static DriftCheck of(Map<String, ? extends Type> operations) {
    Objects.requireNonNull(operations, "operations == null");
    if (operations.isEmpty()) throw new IllegalArgumentException("operations must not be empty");
    return new DriftCheck(Map.copyOf(operations));
  }

  /**
   * Returns a check for the operations of generated Retrofit interfaces: each method is an
   * operation (its name is the spec's operationId) whose body type is the {@code T} of its
   * {@code Call<T>}. Methods without a JSON body to check are left out: those answering nothing
   * ({@code Void}: a 204, HEAD, OPTIONS) and those that open a live stream or a download
   * ({@code okhttp3.ResponseBody}: the stream's events are checked where they are decoded).
   */
  public static DriftCheck forApis(Class<?>... retrofitApis) {
    Map<String, Type> operations = new TreeMap<>();
    for (Class<?> api : retrofitApis) {
      if (!api.isInterface()) throw new IllegalArgumentException(api.getName() + " is not a Retrofit interface");
      for (Method method : api.getMethods()) {
        if (method.isDefault() || method.getDeclaringClass() != api) continue;
        if (!(method.getGenericReturnType() instanceof ParameterizedType call)) continue;
        Type body = call.getActualTypeArguments()[0];
        if (body == Void.class || body.getTypeName().equals("okhttp3.ResponseBody")) continue;
        operations.put(method.getName(), body);
      }
    }
    return of(operations);
  }

  /** Returns the check for one of this project's SDKs: {@code qoder}, {@code piper}, {@code pipecat} or {@code agents-v2}. */
  public static DriftCheck forSdk(String sdk) {
    List<String> apis = SDK_APIS.get(Objects.requireNonNull(sdk, "sdk == null"));
    if (apis == null) {
      throw new IllegalArgumentException("sdk must be one of " + new TreeMap<>(SDK_APIS).keySet() + " (got \"" + sdk + "\")");
    }
    return forApis(apis.stream().map(DriftCheck::load).toArray(Class<?>[]::new));
  }

  /** Returns the operations this check knows, by operation id. */
  public Map<String, Type> operations() {
    return operations;
  }

  /** Returns this check with more operations, for recordings of several SDKs in one directory. */
  public DriftCheck and(DriftCheck other) {
    Map<String, Type> merged = new TreeMap<>(operations);
    merged.putAll(other.operations);
    return new DriftCheck(merged);
  }

  /**
   * Reads every {@code <dir>/<operationId>/*.json} and reports its drift. A directory named after no
   * known operation, or a JSON file outside an operation directory, is reported as
   * {@link Kind#UNKNOWN_OPERATION}.
   */
  public DriftReport check(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new IOException(dir + " is not a directory");
    List<DriftReport.Entry> entries = new ArrayList<>();
    int files = 0;
    for (Path child : sorted(dir)) {
      String name = child.getFileName().toString();
      if (!Files.isDirectory(child)) {
        if (name.endsWith(".json")) {
          files++;
          entries.add(new DriftReport.Entry("", name, new DriftFinding(Kind.UNKNOWN_OPERATION, "$",
              "not inside an <operationId>/ directory (known: " + operations.keySet() + ")")));
        }
        continue;
      }
      Type type = operations.get(name);
      for (Path file : sorted(child)) {
        if (!file.getFileName().toString().endsWith(".json")) continue;
        files++;
        String relative = name + "/" + file.getFileName();
        if (type == null) {
          entries.add(new DriftReport.Entry(name, relative, new DriftFinding(Kind.UNKNOWN_OPERATION, "$",
              "no operation \"" + name + "\" (known: " + operations.keySet() + ")")));
          continue;
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        for (DriftFinding finding : DriftScanner.scan(type, json)) {
          entries.add(new DriftReport.Entry(name, relative, finding));
        }
      }
    }
    return new DriftReport(files, entries);
  }

  /**
   * Runs the check from the command line:
   * {@code [--sdk qoder|piper|pipecat|agents-v2]... [--api <Retrofit interface>]... [--operation <id>=<type>]... <dir>}.
   * Prints the report; exits 0 with no drift, 1 with drift, 2 on bad arguments.
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    DriftCheck check = null;
    Path dir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        DriftCheck more;
        switch (arg) {
          case "--sdk" -> more = forSdk(value(args, ++i, arg));
          case "--api" -> more = forApis(load(value(args, ++i, arg)));
          case "--operation" -> {
            String mapping = value(args, ++i, arg);
            int eq = mapping.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--operation takes <operationId>=<type> (got \"" + mapping + "\")");
            more = of(Map.of(mapping.substring(0, eq), load(mapping.substring(eq + 1))));
          }
          default -> {
            if (arg.startsWith("--") || dir != null) throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
            dir = Path.of(arg);
            more = null;
          }
        }
        if (more != null) check = check == null ? more : check.and(more);
      }
      if (check == null || dir == null) {
        throw new IllegalArgumentException("usage: DriftCheck [--sdk qoder|piper|pipecat|agents-v2]... "
            + "[--api <Retrofit interface>]... [--operation <operationId>=<type>]... <dir with <operationId>/*.json>");
      }
      DriftReport report = check.check(dir);
      out.print(report.format());
      return report.isEmpty() ? 0 : 1;
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      err.println(e.getMessage());
      return 2;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, DriftCheck.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + name + " on the classpath", e);
    }
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.sorted().toList();
    }
  }
}
