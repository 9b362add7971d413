package dev.sessionkit.core.vendor;

import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.Pages;
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
 *
 * <p>Every generic call ({@link #invoke}, {@link #iterate}, {@link #stream}) first refuses an argument
 * named after no parameter of the operation (a misspelt option is not silently ignored), then the
 * generated code reads each value as the spec's type, failing with an
 * {@link IllegalArgumentException} that names the parameter; nothing is sent before every argument
 * has been read and checked.
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

  /**
   * Pages through a listing one page at a time from the arguments' cursor on, each page with its
   * items and the cursor of the next one; implemented by generated code (the service's
   * {@code ...Pages(...)} method).
   */
  @FunctionalInterface
  public interface PageLister {
    /** Returns every page from the arguments' cursor on (none given: the first page), fetched lazily. */
    Pages<?, ?> pages(Object client, Arguments arguments);
  }

  /**
   * How the pages of a paged operation are asked for, for a caller that stores a cursor and resumes
   * later (a scheduler, a Kafka Connect task): the parameter a page's next cursor is passed back in,
   * and the parameter that sets the page size, if the operation has one.
   *
   * @param cursorParameter the parameter (name on the wire) that takes a next cursor, such as
   *     {@code after_id}, {@code page_key} or {@code offset} (its cursor the next offset in decimal)
   * @param pageSizeParameter the parameter that sets how many items a page holds, such as
   *     {@code limit}, or null when the operation has none
   */
  public record Paging(String cursorParameter, @Nullable String pageSizeParameter) {
    /** Checks the components. */
    public Paging {
      Objects.requireNonNull(cursorParameter, "cursorParameter == null");
    }
  }

  /** Opens the operation's live stream of server-sent events; implemented by generated code. */
  @FunctionalInterface
  public interface Streamer {
    /** Returns the open stream, each event decoded to the operation's event type; close it when done. */
    EventStream<?> stream(Object client, Arguments arguments);
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
  private final @Nullable Invoker invoker;
  private final @Nullable Pager pager;
  private final @Nullable Paging paging;
  private final @Nullable PageLister pageLister;
  private final @Nullable Type eventType;
  private final @Nullable Streamer streamer;

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
    this.invoker = builder.invoker;
    this.pager = builder.pager;
    this.paging = builder.paging;
    this.pageLister = builder.pageLister;
    this.eventType = builder.eventType;
    this.streamer = builder.streamer;
    if (invoker == null && streamer == null) {
      throw new NullPointerException("invoker == null (only an operation that streams may have none)");
    }
    if ((itemType == null) != (pager == null)) {
      throw new IllegalArgumentException(operationId + ": a paged operation needs both its item type and its pager");
    }
    if (pageLister != null && pager == null) {
      throw new IllegalArgumentException(operationId + ": pages are listed only for a paged operation (set paged(..) too)");
    }
    if (paging != null && parameter(paging.cursorParameter()).isEmpty()) {
      throw new IllegalArgumentException(operationId + ": the cursor parameter " + paging.cursorParameter()
          + " is not one of its parameters");
    }
    if (paging != null && paging.pageSizeParameter() != null && parameter(paging.pageSizeParameter()).isEmpty()) {
      throw new IllegalArgumentException(operationId + ": the page size parameter " + paging.pageSizeParameter()
          + " is not one of its parameters");
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

  /**
   * Returns how its pages are asked for from a stored cursor, when the operation is paged and its
   * pages can be listed ({@link #pages}), else empty.
   */
  public Optional<Paging> paging() {
    return Optional.ofNullable(paging);
  }

  /**
   * Returns the type each event of its live stream decodes to (the spec's event schema, typically a
   * union) when the operation streams, else empty.
   */
  public Optional<Type> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** Returns the vendor-level alias the spec declares for it (such as {@code events}), if any. */
  public Optional<String> shortcut() {
    return Optional.ofNullable(shortcut);
  }

  /** Returns the parameter whose name on the wire is {@code name}, if the operation has one. */
  public Optional<ParameterDescriptor> parameter(String name) {
    return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
  }

  /**
   * Calls the operation once and returns the decoded response (null when it answers without a body).
   *
   * @throws IllegalArgumentException when an argument is unknown, missing or of the wrong type (nothing is sent)
   * @throws UnsupportedOperationException when the operation only streams (see {@link #stream})
   * @throws dev.sessionkit.errors.SessionkitException what the call itself can throw
   */
  public @Nullable Object invoke(Object client, Arguments arguments) {
    if (invoker == null) throw new UnsupportedOperationException(operationId + " only streams; open it with stream(..)");
    return invoker.invoke(client, ArgumentNames.known(this, arguments));
  }

  /**
   * Returns every item of a paged operation from the arguments' cursor on, fetched lazily.
   *
   * @throws IllegalArgumentException when an argument is unknown, missing or of the wrong type (nothing is sent)
   * @throws UnsupportedOperationException when the operation is not paged
   */
  public Iterable<?> iterate(Object client, Arguments arguments) {
    if (pager == null) throw new UnsupportedOperationException(operationId + " is not paged");
    return pager.iterate(client, ArgumentNames.known(this, arguments));
  }

  /**
   * Returns every page of a paged operation from the arguments' cursor on, fetched lazily one at a
   * time, each with its items (as {@link #iterate} yields them) and the cursor of the next page. To
   * resume later, store a page's {@link dev.sessionkit.core.PageOf#nextCursor() nextCursor()} and pass
   * it back as the argument {@link Paging#cursorParameter()}.
   *
   * <pre>{@code
   * Paging paging = operation.paging().orElseThrow();
   * Arguments next = Arguments.builder().put("session_id", id).put(paging.cursorParameter(), stored).build();
   * PageOf<?, ?> page = operation.pages(client, next).iterator().next();
   * }</pre>
   *
   * @throws IllegalArgumentException when an argument is unknown, missing or of the wrong type (nothing is sent)
   * @throws UnsupportedOperationException when the operation's pages cannot be listed (see {@link #paging()})
   */
  public Pages<?, ?> pages(Object client, Arguments arguments) {
    if (pageLister == null) throw new UnsupportedOperationException(operationId + " has no page listing");
    return pageLister.pages(client, ArgumentNames.known(this, arguments));
  }

  /**
   * Opens the operation's live stream: each event decoded to {@link #eventType()}, read as the stream is
   * iterated. Close it when done; it holds a connection.
   *
   * @throws IllegalArgumentException when an argument is unknown, missing or of the wrong type (nothing is sent)
   * @throws UnsupportedOperationException when the operation does not stream
   * @throws dev.sessionkit.errors.SessionkitException what opening the stream can throw
   */
  public EventStream<?> stream(Object client, Arguments arguments) {
    if (streamer == null) throw new UnsupportedOperationException(operationId + " does not stream");
    return streamer.stream(client, ArgumentNames.known(this, arguments));
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
    private @Nullable Paging paging;
    private @Nullable PageLister pageLister;
    private @Nullable Type eventType;
    private @Nullable Streamer streamer;

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

    /**
     * Declares how a paged operation's pages are listed one at a time and resumed from a stored
     * cursor; the operation must also be declared {@link #paged}.
     */
    public Builder pages(Paging paging, PageLister lister) {
      this.paging = Objects.requireNonNull(paging, "paging == null");
      this.pageLister = Objects.requireNonNull(lister, "lister == null");
      return this;
    }

    /** Declares that the operation answers with a live stream: the events' type and how to open it. */
    public Builder streamed(Type eventType, Streamer streamer) {
      this.eventType = Objects.requireNonNull(eventType, "eventType == null");
      this.streamer = Objects.requireNonNull(streamer, "streamer == null");
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

    /**
     * Builds the descriptor; the operationId, method, path and invoker are required (an operation that
     * only streams has its streamer instead).
     */
    public OperationDescriptor build() {
      return new OperationDescriptor(this);
    }
  }
}
