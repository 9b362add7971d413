package dev.sessionkit.core.vendor;

import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.spi.ServiceProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor SDK says about itself, generated from its spec: its id and name, the environment its
 * client reads, how to build that client, its services and operations, its error profile, and the
 * resources it ships (its spec, and optionally a sandbox scenario). Everything outside a vendor's own
 * module that needs a vendor (the command line, the sandbox, transcripts, the drift check) finds it
 * here, so that a new vendor module on the class path or module path appears in all of them.
 *
 * <pre>{@code
 * for (VendorDescriptor vendor : VendorDescriptor.installed()) {
 *   Object client = vendor.newClient(System.getenv(), builder -> builder.maxRetries(5));
 *   ...
 * }
 * }</pre>
 *
 * <p>Each vendor module registers its generated subclass with {@link ServiceLoader} ({@code provides
 * dev.sessionkit.core.vendor.VendorDescriptor} in its module-info, and a {@code META-INF/services}
 * entry for the class path).
 */
public abstract class VendorDescriptor {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** Builds a vendor client from an environment and the caller's settings; implemented by generated code. */
  @FunctionalInterface
  public interface ClientFactory {
    /** Returns a client built with {@code fromEnv(env)}, then {@code settings}. */
    Object newClient(Map<String, String> env, Consumer<? super ClientBuilder<?, ?>> settings);
  }

  private final String id;
  private final String label;
  private final String description;
  private final @Nullable String docsUrl;
  private final String defaultBaseUrl;
  private final List<EnvironmentVariable> environment;
  private final List<ServiceDescriptor> services;
  private final ServiceProfile profile;
  private final ClientFactory clientFactory;
  private final @Nullable TranscriptMapping transcript;
  private final @Nullable Lifecycle lifecycle;

  /** Creates the descriptor from its definition. */
  protected VendorDescriptor(Definition definition) {
    this.id = definition.id;
    this.label = Objects.requireNonNull(definition.label, "label == null");
    this.description = definition.description;
    this.docsUrl = definition.docsUrl;
    this.defaultBaseUrl = Objects.requireNonNull(definition.defaultBaseUrl, "defaultBaseUrl == null");
    this.environment = List.copyOf(definition.environment);
    this.services = List.copyOf(definition.services);
    this.profile = Objects.requireNonNull(definition.profile, "profile == null");
    this.clientFactory = Objects.requireNonNull(definition.clientFactory, "clientFactory == null");
    this.transcript = definition.transcript;
    this.lifecycle = definition.lifecycle;
  }

  /** Returns a definition of the vendor {@code id} for a subclass's constructor to fill in. */
  protected static Definition define(String id) {
    return new Definition(id);
  }

  /**
   * Returns every vendor whose SDK is on the class path or module path, sorted by id.
   *
   * @throws IllegalStateException when two installed vendors have the same id
   */
  public static List<VendorDescriptor> installed() {
    List<VendorDescriptor> found = new ArrayList<>();
    ServiceLoader.load(VendorDescriptor.class).forEach(found::add);
    found.sort(Comparator.comparing(VendorDescriptor::id));
    for (int i = 1; i < found.size(); i++) {
      if (found.get(i).id().equals(found.get(i - 1).id())) {
        throw new IllegalStateException("two installed vendors have the id " + found.get(i).id() + ": "
            + found.get(i - 1).getClass().getName() + " and " + found.get(i).getClass().getName());
      }
    }
    return List.copyOf(found);
  }

  /** Returns the installed vendor {@code id}, if its SDK is on the class path or module path. */
  public static Optional<VendorDescriptor> find(String id) {
    return installed().stream().filter(vendor -> vendor.id().equals(id)).findFirst();
  }

  /** Returns the vendor's id (lower case, words joined by {@code -}): the command-line name and sandbox prefix. */
  public final String id() {
    return id;
  }

  /** Returns the vendor's name for people, such as {@code Acme Agents}. */
  public final String label() {
    return label;
  }

  /** Returns what the API is, from the spec (may be empty). */
  public final String description() {
    return description;
  }

  /** Returns the vendor's documentation the spec follows, if it names one. */
  public final Optional<String> docsUrl() {
    return Optional.ofNullable(docsUrl);
  }

  /** Returns the server URL the spec names, the client's default base URL. */
  public final String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** Returns the environment variables the client's {@code fromEnv()} reads. */
  public final List<EnvironmentVariable> environment() {
    return environment;
  }

  /** Returns the variable the credential comes from. */
  public final EnvironmentVariable credentialVariable() {
    return environment.stream().filter(v -> v.role() == EnvironmentVariable.Role.CREDENTIAL).findFirst()
        .orElseThrow(() -> new IllegalStateException(id + " declares no credential variable"));
  }

  /** Returns the client's services, in the spec's order. */
  public final List<ServiceDescriptor> services() {
    return services;
  }

  /** Returns every operation of every service. */
  public final List<OperationDescriptor> operations() {
    return services.stream().flatMap(service -> service.operations().stream()).toList();
  }

  /** Returns the operation with the spec's {@code operationId}, if there is one. */
  public final Optional<OperationDescriptor> operation(String operationId) {
    return operations().stream().filter(op -> op.operationId().equals(operationId)).findFirst();
  }

  /**
   * Returns the operation the spec gives the vendor-level alias {@code shortcut} (its
   * {@code x-sessionkit-shortcut}, such as {@code events}), if one has it.
   */
  public final Optional<OperationDescriptor> shortcut(String shortcut) {
    Objects.requireNonNull(shortcut, "shortcut == null");
    return operations().stream().filter(op -> op.shortcut().filter(shortcut::equals).isPresent()).findFirst();
  }

  /** Returns what the engine knows of the service: error envelope, request-id headers, idempotency header. */
  public final ServiceProfile profile() {
    return profile;
  }

  /**
   * Returns how the vendor's sessions become transcripts, if its spec declares it
   * ({@code x-sessionkit-transcript}).
   */
  public final Optional<TranscriptMapping> transcript() {
    return Optional.ofNullable(transcript);
  }

  /**
   * Returns how a session of the vendor runs (create, send, follow, end), if its spec declares it
   * ({@code x-sessionkit-lifecycle}).
   */
  public final Optional<Lifecycle> lifecycle() {
    return Optional.ofNullable(lifecycle);
  }

  /**
   * Returns a new client built from {@code env} (the variables in {@link #environment()}), then
   * {@code settings} (any common client setting: base URL, retries, logging, ...).
   *
   * @throws IllegalStateException when {@code env} holds no credential and {@code settings} sets none
   */
  public final Object newClient(Map<String, String> env, Consumer<? super ClientBuilder<?, ?>> settings) {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(settings, "settings == null");
    return clientFactory.newClient(env, settings);
  }

  /**
   * Returns the spec the vendor module was generated from, as JSON: the module's
   * {@code META-INF/sessionkit/<id>/openapi.json} (for a vendor's published file, with its overlay
   * applied and its operations selected).
   *
   * @throws IllegalStateException when the module ships no spec (a descriptor sessionkit did not generate)
   */
  public final String spec() {
    return readResource("openapi.json")
        .orElseThrow(() -> new IllegalStateException(id + " ships no META-INF/sessionkit/" + id + "/openapi.json"));
  }

  /**
   * Opens a resource the vendor module ships under {@code META-INF/sessionkit/<id>/}, such as its spec
   * ({@code openapi.json}) or a sandbox scenario; empty when the module has none by that name.
   */
  public final Optional<InputStream> openResource(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.contains("..") || name.startsWith("/")) throw new IllegalArgumentException("not a resource name: " + name);
    return Optional.ofNullable(getClass().getResourceAsStream("/META-INF/sessionkit/" + id + "/" + name));
  }

  /** Returns the resource {@code name} as text (UTF-8), if the module ships it. */
  public final Optional<String> readResource(String name) {
    Optional<InputStream> resource = openResource(name);
    if (resource.isEmpty()) return Optional.empty();
    try (InputStream in = resource.get()) {
      return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name + " of " + id, e);
    }
  }

  @Override
  public String toString() {
    return "VendorDescriptor(" + id + ")";
  }

  /** What a generated descriptor fills in; see {@link #define(String)}. */
  protected static final class Definition {
    private final String id;
    private @Nullable String label;
    private String description = "";
    private @Nullable String docsUrl;
    private @Nullable String defaultBaseUrl;
    private final List<EnvironmentVariable> environment = new ArrayList<>();
    private final List<ServiceDescriptor> services = new ArrayList<>();
    private @Nullable ServiceProfile profile;
    private @Nullable ClientFactory clientFactory;
    private @Nullable TranscriptMapping transcript;
    private @Nullable Lifecycle lifecycle;

    private Definition(String id) {
      Objects.requireNonNull(id, "id == null");
      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException("a vendor id is lower case words joined by - (got \"" + id + "\")");
      }
      this.id = id;
    }

    /** Sets the name for people and what the API is. */
    public Definition label(String label, String description) {
      this.label = Objects.requireNonNull(label, "label == null");
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /** Sets the vendor documentation the spec follows. */
    public Definition docsUrl(String url) {
      this.docsUrl = Objects.requireNonNull(url, "docsUrl == null");
      return this;
    }

    /** Sets the default base URL. */
    public Definition defaultBaseUrl(String url) {
      this.defaultBaseUrl = Objects.requireNonNull(url, "defaultBaseUrl == null");
      return this;
    }

    /** Adds an environment variable the client reads. */
    public Definition environment(EnvironmentVariable variable) {
      environment.add(Objects.requireNonNull(variable, "variable == null"));
      return this;
    }

    /** Adds a service. */
    public Definition service(ServiceDescriptor service) {
      services.add(Objects.requireNonNull(service, "service == null"));
      return this;
    }

    /** Sets the service profile. */
    public Definition profile(ServiceProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile == null");
      return this;
    }

    /** Sets how clients are built. */
    public Definition clientFactory(ClientFactory factory) {
      this.clientFactory = Objects.requireNonNull(factory, "clientFactory == null");
      return this;
    }

    /** Sets how the vendor's sessions become transcripts. */
    public Definition transcript(TranscriptMapping mapping) {
      this.transcript = Objects.requireNonNull(mapping, "transcript == null");
      return this;
    }

    /** Sets how a session of the vendor runs. */
    public Definition lifecycle(Lifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle == null");
      return this;
    }
  }
}
