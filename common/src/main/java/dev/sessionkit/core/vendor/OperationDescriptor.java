package dev.sessionkit.core.vendor;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a vendor's spec, as its generated SDK exposes it: what it is (method, path,
 * parameters, body, response, paging, stream) and how to call it with text arguments, the way a
 * command line or a scheduler calls any operation without naming its types. Built by generated
 * code; the typed SDK methods stay the way to call an operation from Java.
 */
public final class OperationDescriptor {
  /** Calls the operation on a vendor client with parsed arguments; implemented by generated code. */
  @FunctionalInterface
  public interface Invoker {
    /** Returns the decoded response (null for an operation that answers without a body). */
    @Nullable Object invoke(Object client, Arguments arguments);
  }

  /** Pages through a listing from the arguments' cursor on; implemented by generated code. */
  @FunctionalInterface
  public interface Pager {
    /** Returns every item, fetched lazily one page at a time. */
    Iterable<?> iterate(Object client, Arguments arguments);
  }

  private final String service;
  private final String name;
  private final String operationId;
  private final String httpMethod;
  private final String path;
  private final String summary;
  private final String description;
  private final List<ParameterDescriptor> parameters;
  private final @Nullable Type bodyType;
  private final boolean bodyRequired;
  private final @Nullable Type responseType;
  private final @Nullable Type itemType;
  private final @Nullable String shortcut;
  private final Invoker invoker;
  private final @Nullable Pager pager;

  private OperationDescriptor(Builder builder) {
    this.service = builder.service;
    this.name = builder.name;
    this.operationId = Objects.requireNonNull(builder.operationId, "operationId == null");
    this.httpMethod = Objects.requireNonNull(builder.httpMethod, "httpMethod == null");
    this.path = Objects.requireNonNull(builder.path, "path == null");
    this.summary = builder.summary;
    this.description = builder.description;
    this.parameters = List.copyOf(builder.parameters);
    this.bodyType = builder.bodyType;
    this.bodyRequired = builder.bodyRequired;
    this.responseType = builder.responseType;
    this.itemType = builder.itemType;
    this.shortcut = builder.shortcut;
    this.invoker = Objects.requireNonNull(builder.invoker, "invoker == null");
    this.pager = builder.pager;
    if ((itemType == null) != (pager == null)) {
      throw new IllegalArgumentException(operationId + ": a paged operation needs both its item type and its pager");
    }
  }

  /** Returns a builder for the operation {@code name} of the service {@code service}. */
  public static Builder builder(String service, String name) {
    return new Builder(service, name);
  }

  /** Returns the service it belongs to (the client's accessor, such as {@code sessions}). */
  public String service() {
    return service;
  }

  /** Returns its name (the service's method, such as {@code events}). */
  public String name() {
    return name;
  }

  /** Returns the spec's operationId. */
  public String operationId() {
    return operationId;
  }

  /** Returns the HTTP method. */
  public String httpMethod() {
    return httpMethod;
  }

  /** Returns the path template, relative to the base URL. */
  public String path() {
    return path;
  }

  /** Returns the spec's summary (may be empty). */
  public String summary() {
    return summary;
  }

  /** Returns the spec's description (may be empty). */
  public String description() {
    return description;
  }

  /** Returns its parameters, path parameters first in path order. */
  public List<ParameterDescriptor> parameters() {
    return parameters;
  }

  /** Returns the type of the JSON request body, if it takes one. */
  public Optional<Type> bodyType() {
    return Optional.ofNullable(bodyType);
  }

  /** Returns whether a request body is required. */
  public boolean bodyRequired() {
    return bodyRequired;
  }

  /** Returns the type of the decoded response, if it answers with a body. */
  public Optional<Type> responseType() {
    return Optional.ofNullable(responseType);
  }

  /** Returns the type of the items when the operation is paged, else empty. */
  public Optional<Type> itemType() {
    return Optional.ofNullable(itemType);
  }

  /** Returns the vendor-level alias the spec declares for it (such as {@code events}), if any. */
  public Optional<String> shortcut() {
    return Optional.ofNullable(shortcut);
  }

  /**
   * Calls the operation once and returns the decoded response (null when it answers without a body).
   *
   * @throws IllegalArgumentException when an argument is missing or of the wrong type (nothing is sent)
   * @throws dev.sessionkit.errors.SessionkitException what the call itself can throw
   */
  public @Nullable Object invoke(Object client, Arguments arguments) {
    return invoker.invoke(client, arguments);
  }

  /**
   * Returns every item of a paged operation from the arguments' cursor on, fetched lazily.
   *
   * @throws UnsupportedOperationException when the operation is not paged
   */
  public Iterable<?> iterate(Object client, Arguments arguments) {
    if (pager == null) throw new UnsupportedOperationException(operationId + " is not paged");
    return pager.iterate(client, arguments);
  }

  @Override
  public String toString() {
    return "OperationDescriptor(" + operationId + ": " + httpMethod + " " + path + ")";
  }

  /** Builds an {@link OperationDescriptor}. */
  public static final class Builder {
    private final String service;
    private final String name;
    private @Nullable String operationId;
    private @Nullable String httpMethod;
    private @Nullable String path;
    private String summary = "";
    private String description = "";
    private final List<ParameterDescriptor> parameters = new ArrayList<>();
    private @Nullable Type bodyType;
    private boolean bodyRequired;
    private @Nullable Type responseType;
    private @Nullable Type itemType;
    private @Nullable String shortcut;
    private @Nullable Invoker invoker;
    private @Nullable Pager pager;

    private Builder(String service, String name) {
      this.service = Objects.requireNonNull(service, "service == null");
      this.name = Objects.requireNonNull(name, "name == null");
    }

    /** Sets the spec's operationId, the HTTP method and the path template. */
    public Builder http(String operationId, String httpMethod, String path) {
      this.operationId = Objects.requireNonNull(operationId, "operationId == null");
      this.httpMethod = Objects.requireNonNull(httpMethod, "httpMethod == null");
      this.path = Objects.requireNonNull(path, "path == null");
      return this;
    }

    /** Sets the spec's summary and description. */
    public Builder doc(String summary, String description) {
      this.summary = Objects.requireNonNull(summary, "summary == null");
      this.description = Objects.requireNonNull(description, "description == null");
      return this;
    }

    /** Adds a parameter. */
    public Builder parameter(ParameterDescriptor parameter) {
      parameters.add(Objects.requireNonNull(parameter, "parameter == null"));
      return this;
    }

    /** Sets the JSON request body's type and whether it is required. */
    public Builder body(Type type, boolean required) {
      this.bodyType = Objects.requireNonNull(type, "body type == null");
      this.bodyRequired = required;
      return this;
    }

    /** Sets the decoded response's type. */
    public Builder response(Type type) {
      this.responseType = Objects.requireNonNull(type, "response type == null");
      return this;
    }

    /** Declares the operation paged: the items' type and how to page. */
    public Builder paged(Type itemType, Pager pager) {
      this.itemType = Objects.requireNonNull(itemType, "itemType == null");
      this.pager = Objects.requireNonNull(pager, "pager == null");
      return this;
    }

    /** Sets the vendor-level alias the spec declares. */
    public Builder shortcut(String shortcut) {
      this.shortcut = Objects.requireNonNull(shortcut, "shortcut == null");
      return this;
    }

    /** Sets how to call it. */
    public Builder invoker(Invoker invoker) {
      this.invoker = Objects.requireNonNull(invoker, "invoker == null");
      return this;
    }

    /** Builds the descriptor; the operationId, method, path and invoker are required. */
    public OperationDescriptor build() {
      return new OperationDescriptor(this);
    }
  }
}
