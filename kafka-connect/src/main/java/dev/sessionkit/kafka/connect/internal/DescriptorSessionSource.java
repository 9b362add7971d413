package dev.sessionkit.kafka.connect.internal;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.PageOf;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's sessions read through its {@link VendorDescriptor}: the operation its transcript mapping
 * names as a session's history, one page at a time from a cursor ({@link OperationDescriptor#pages}),
 * each event turned into transcript items by the mapping; and the sessions listed by the operation
 * the mapping names for that, if it names one.
 */
public final class DescriptorSessionSource implements SessionSource {
  private final VendorDescriptor vendor;
  private final Object client;
  private final TranscriptMapping mapping;
  private final OperationDescriptor history;
  private final OperationDescriptor.Paging paging;
  private final @Nullable OperationDescriptor listing;
  private final @Nullable Integer pageSize;
  private final JsonAdapter<Object> eventAdapter;

  private DescriptorSessionSource(VendorDescriptor vendor, Object client, @Nullable Integer pageSize) {
    this.vendor = vendor;
    this.client = client;
    this.mapping = vendor.transcript().orElseThrow();
    this.history = vendor.operation(mapping.history()).orElseThrow();
    this.paging = history.paging().orElseThrow();
    this.listing = mapping.sessions().flatMap(vendor::operation).orElse(null);
    this.pageSize = pageSize;
    this.eventAdapter = SessionkitMoshi.adapter(history.itemType().orElseThrow(), false);
  }

  /**
   * Returns why the connector cannot export {@code vendor}'s sessions, or empty when it can: its
   * descriptor must say which paged operation gives a session's events (its transcript mapping's
   * history), how to resume it from a cursor, and, if it lists sessions, which paged operation does.
   */
  public static Optional<String> unsupported(VendorDescriptor vendor) {
    String id = vendor.id();
    Optional<TranscriptMapping> transcript = vendor.transcript();
    if (transcript.isEmpty()) {
      return Optional.of(id + " declares no transcript mapping (x-sessionkit-transcript), so nothing says which"
          + " operation gives a session's events");
    }
    TranscriptMapping mapping = transcript.get();
    Optional<OperationDescriptor> history = vendor.operation(mapping.history());
    if (history.isEmpty()) return Optional.of(id + "'s transcript mapping names " + mapping.history() + ", which it does not have");
    if (history.get().paging().isEmpty()) {
      return Optional.of(id + "'s history operation " + mapping.history() + " cannot be resumed from a page cursor"
          + " (it is not paged, or its descriptor lists no pages); the connector exports paged histories");
    }
    Type item = history.get().itemType().orElseThrow();
    if (item instanceof Class<?> type && mapping.types().stream().noneMatch(read -> read.isAssignableFrom(type))) {
      return Optional.of(id + "'s transcript mapping does not read " + type.getSimpleName() + ", the items of "
          + mapping.history());
    }
    if (history.get().parameter(mapping.sessionParameter()).isEmpty()) {
      return Optional.of(id + "'s history operation " + mapping.history() + " has no parameter " + mapping.sessionParameter());
    }
    if (mapping.sessions().isPresent()) {
      Optional<OperationDescriptor> listing = mapping.sessions().flatMap(vendor::operation);
      if (listing.isEmpty() || listing.get().itemType().isEmpty()) {
        return Optional.of(id + "'s transcript mapping lists sessions with " + mapping.sessions().get()
            + ", which is not one of its paged operations");
      }
    }
    return Optional.empty();
  }

  /**
   * Opens {@code vendor}: a client built from {@code env} (its credential variable) and then
   * {@code settings} (base URL, retries).
   *
   * @param pageSize how many events to ask for a page, or null for the operation's default
   * @throws IllegalArgumentException when the connector cannot export the vendor ({@link #unsupported})
   */
  public static DescriptorSessionSource open(VendorDescriptor vendor, Map<String, String> env,
      Consumer<? super ClientBuilder<?, ?>> settings, @Nullable Integer pageSize) {
    Optional<String> problem = unsupported(vendor);
    if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
    return new DescriptorSessionSource(vendor, vendor.newClient(env, settings), pageSize);
  }

  @Override
  public String vendor() {
    return vendor.id();
  }

  @Override
  public boolean byAgent() {
    return mapping.agentParameter().isPresent();
  }

  @Override
  public boolean lists() {
    return listing != null;
  }

  @Override
  public List<SessionRef> sessions() {
    if (listing == null) throw new UnsupportedOperationException(vendor.id() + " lists no sessions");
    List<SessionRef> sessions = new ArrayList<>();
    for (Object item : listing.iterate(client, Arguments.NONE)) {
      TranscriptMapping.ListedSession listed = mapping.session(item);
      if (byAgent() && listed.agent() == null) {
        throw new IllegalStateException(vendor.id() + " listed session " + listed.id() + " without its agent");
      }
      sessions.add(new SessionRef(vendor.id(), byAgent() ? listed.agent() : null, listed.id()));
    }
    return sessions;
  }

  @Override
  public EventPage page(SessionRef session, @Nullable String cursor) {
    Objects.requireNonNull(session, "session == null");
    Arguments.Builder arguments = Arguments.builder().put(mapping.sessionParameter(), session.id());
    mapping.agentParameter().ifPresent(agent -> arguments.put(agent, Objects.requireNonNull(session.agent(),
        () -> vendor.id() + " names sessions by agent, and " + session.id() + " has none")));
    if (cursor != null) arguments.put(paging.cursorParameter(), cursor);
    if (pageSize != null && paging.pageSizeParameter() != null) arguments.put(paging.pageSizeParameter(), pageSize.toString());
    Iterator<? extends PageOf<?, ?>> pages = history.pages(client, arguments.build()).iterator();
    PageOf<?, ?> page = pages.next();
    List<SourceEvent> events = new ArrayList<>(page.items().size());
    for (Object event : page.items()) {
      List<TranscriptItem> items = mapping.items(event);
      String id = null;
      for (TranscriptItem item : items) {
        if (item.id() != null) {
          id = item.id();
          break;
        }
      }
      events.add(new SourceEvent(id, items, () -> eventAdapter.toJson(event)));
    }
    return new EventPage(events, page.nextCursor());
  }

  @Override
  public String toString() {
    return "DescriptorSessionSource(" + vendor.id() + ", " + history.operationId() + ")";
  }
}
