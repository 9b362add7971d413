package dev.sessionkit.contract;

import dev.sessionkit.contract.DriftFinding.Kind;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.io.IOException;
import java.io.InputStream;
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
 * the spec: {@code <dir>/listItems/*.json}. Each file is one response body. Each is decoded
 * leniently, as the SDK does in production, by the SDK's generated adapters, which report every
 * drift they tolerate (see {@link DriftScanner}). An SDK is found by its vendor id through the vendor
 * descriptors on the class path or module path ({@link VendorDescriptor#installed()}), and each of its
 * operations by the spec's {@code operationId}: no generated class is named here, so any vendor module
 * on the path can be checked.
 *
 * <pre>{@code
 * DriftReport report = DriftCheck.forSdk("acme").check(Path.of("recorded"));
 * if (!report.isEmpty()) throw new AssertionError(report.format());
 * }</pre>
 *
 * <p>A command (such as {@code sessionkit drift}) builds the check from its options with
 * {@link #forSdk}, {@link #forOperation} and {@link #and}, then calls {@link #run(Path, PrintStream)},
 * which prints the report and returns the exit status (0: no drift, 1: drift); an
 * {@link IllegalArgumentException} from any of them is a usage error (exit status 2). Without a
 * command line, from Maven:
 * <pre>{@code
 * ./mvnw -q -pl contract-tests compile exec:java -Dexec.args="--sdk acme /path/to/recorded"
 * }</pre>
 */
public final class DriftCheck {
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

  /**
   * Returns the check for the SDK of the vendor {@code sdk} (its id: the command line's name for it),
   * found among the vendor descriptors on the class path or module path.
   *
   * @throws IllegalArgumentException when no installed vendor has that id, naming those that are installed
   */
  public static DriftCheck forSdk(String sdk) {
    Objects.requireNonNull(sdk, "sdk == null");
    List<VendorDescriptor> installed = VendorDescriptor.installed();
    for (VendorDescriptor vendor : installed) {
      if (vendor.id().equals(sdk)) return forVendor(vendor);
    }
    throw new IllegalArgumentException("sdk must be one of " + installed.stream().map(VendorDescriptor::id).toList()
        + " (got \"" + sdk + "\")");
  }

  /**
   * Returns the check for every operation of {@code vendor} that answers with a JSON body: its
   * operationId and the type that body decodes to (a paged operation's page).
   *
   * @throws IllegalArgumentException when none of its operations answers JSON
   */
  public static DriftCheck forVendor(VendorDescriptor vendor) {
    Objects.requireNonNull(vendor, "vendor == null");
    Map<String, Type> operations = new TreeMap<>();
    for (OperationDescriptor operation : vendor.operations()) {
      operation.responseType().filter(type -> type != InputStream.class)
          .ifPresent(type -> operations.put(operation.operationId(), type));
    }
    if (operations.isEmpty()) throw new IllegalArgumentException(vendor.id() + " has no operation that answers JSON");
    return new DriftCheck(operations);
  }

  /**
   * Returns the check for one operation given as {@code <operationId>=<type>}, the type a class on the
   * class path (such as a model of an SDK built elsewhere).
   *
   * @throws IllegalArgumentException when the mapping is malformed or names no class
   */
  public static DriftCheck forOperation(String mapping) {
    Objects.requireNonNull(mapping, "mapping == null");
    int eq = mapping.indexOf('=');
    if (eq <= 0 || eq == mapping.length() - 1) {
      throw new IllegalArgumentException("an operation is <operationId>=<type> (got \"" + mapping + "\")");
    }
    return of(Map.of(mapping.substring(0, eq), load(mapping.substring(eq + 1))));
  }

  /** Returns the operations this check knows, by operation id. */
  public Map<String, Type> operations() {
    return operations;
  }

  /**
   * Returns this check with more operations, for recordings of several SDKs in one directory.
   *
   * @throws IllegalArgumentException when an operation id of both answers a different type in each (its
   *     recordings could not be told apart: check those SDKs one at a time)
   */
  public DriftCheck and(DriftCheck other) {
    Map<String, Type> merged = new TreeMap<>(operations);
    for (Map.Entry<String, Type> operation : other.operations.entrySet()) {
      Type before = merged.putIfAbsent(operation.getKey(), operation.getValue());
      if (before != null && !before.equals(operation.getValue())) {
        throw new IllegalArgumentException("the operation " + operation.getKey() + " answers " + before.getTypeName()
            + " in one SDK and " + operation.getValue().getTypeName() + " in another; check them one at a time");
      }
    }
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
   * Checks {@code dir} as {@link #check} does and prints the report to {@code out}, as a command does.
   *
   * @return the exit status: 0 when no recorded response drifts, 1 when one does
   * @throws IOException when {@code dir} is not a readable directory
   */
  public int run(Path dir, PrintStream out) throws IOException {
    DriftReport report = check(dir);
    out.print(report.format());
    return report.isEmpty() ? 0 : 1;
  }

  /**
   * Runs the check from the command line, {@code [--sdk <id>]... [--operation <operationId>=<type>]... <dir>},
   * for {@code exec:java}. Prints the report; exits 0 with no drift, 1 with drift, 2 on bad arguments.
   * {@code sessionkit drift} is the same with the command line's help.
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) System.exit(status);
  }

  /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      DriftCheck check = null;
      Path dir = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        DriftCheck more = null;
        if (arg.equals("--sdk") || arg.equals("--operation")) {
          if (++i >= args.length) throw new IllegalArgumentException(arg + " needs a value");
          more = arg.equals("--sdk") ? forSdk(args[i]) : forOperation(args[i]);
        } else if (arg.startsWith("--") || dir != null) {
          throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
        } else {
          dir = Path.of(arg);
        }
        if (more != null) check = check == null ? more : check.and(more);
      }
      if (check == null || dir == null) {
        throw new IllegalArgumentException("usage: DriftCheck [--sdk <id>]... [--operation <operationId>=<type>]... "
            + "<dir with <operationId>/*.json> (installed: "
            + VendorDescriptor.installed().stream().map(VendorDescriptor::id).toList() + ")");
      }
      return check.run(dir, out);
    } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
      err.println(e.getMessage());
      return 2;
    }
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
