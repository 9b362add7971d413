package dev.sessionkit.kafka.connect;

import dev.sessionkit.core.Page;
import dev.sessionkit.core.PageOf;
import dev.sessionkit.core.Pages;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.ServiceDescriptor;
import dev.sessionkit.core.vendor.TranscriptItem;
import dev.sessionkit.core.vendor.TranscriptMapping;
import dev.sessionkit.core.vendor.VendorDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A vendor held in memory, for unit tests: each session a list of event ids, read in pages whose
 * cursor is the index of the next event; optionally a listing of its sessions; and a hook that can
 * make any page fetch fail. Its "client" is the credential it was built with.
 */
final class MemoryVendor extends VendorDescriptor {
  /** The events of each session, by session id; tests add to them. */
  final Map<String, List<String>> sessions = new ConcurrentHashMap<>();
  /** The sessions the listing operation lists, when the vendor lists; tests add to it. */
  final List<String> listed = new CopyOnWriteArrayList<>();
  /** Every fetch, as "session@cursor/limit". */
  final List<String> fetches = new CopyOnWriteArrayList<>();
  /** What a fetch of "session@cursor" throws instead of answering, or null. */
  volatile Function<String, @Nullable RuntimeException> fault = at -> null;
  /** How many entries each event becomes (2 makes each event a message and a status). */
  volatile int entriesPerEvent = 1;
  /** Whether the next cursor of a page is its own cursor (a broken server). */
  volatile boolean loopingCursor;

  MemoryVendor(String id, boolean lists) {
    this(id, lists, new Holder());
  }

  private MemoryVendor(String id, boolean lists, Holder holder) {
    super(definition(id, lists, holder));
    holder.vendor = this;
  }

  private static final class Holder {
    MemoryVendor vendor;
  }

  private static Definition definition(String id, boolean lists, Holder holder) {
    ParameterDescriptor session = new ParameterDescriptor("session_id", "sessionId", ParameterDescriptor.Location.PATH,
        ParameterDescriptor.Kind.STRING, true, "", List.of(), null);
    ParameterDescriptor cursor = new ParameterDescriptor("from", "from", ParameterDescriptor.Location.QUERY,
        ParameterDescriptor.Kind.STRING, false, "", List.of(), null);
    ParameterDescriptor limit = new ParameterDescriptor("limit", "limit", ParameterDescriptor.Location.QUERY,
        ParameterDescriptor.Kind.INTEGER, false, "", List.of(), null);
    OperationDescriptor events = OperationDescriptor.builder("sessions", "events").http("listEvents", "GET", "s/{session_id}")
        .parameter(session).parameter(cursor).parameter(limit)
        .invoker((client, args) -> null)
        .paged(String.class, (client, args) -> List.of())
        .pages(new OperationDescriptor.Paging("from", "limit"), (client, args) -> {
          String sessionId = args.required("session_id");
          int size = args.integer("limit") == null ? 3 : args.integer("limit");
          return new Pages<List<String>, String>(args.string("from"), at -> holder.vendor.page(sessionId, at, size));
        })
        .build();
    List<OperationDescriptor> operations = new ArrayList<>(List.of(events));
    TranscriptMapping.Builder mapping = TranscriptMapping.builder().history("listEvents").sessionParameter("session_id")
        .type(String.class)
        .reader((value, sink) -> {
          String event = (String) value;
          if (event.startsWith("ignored")) return;
          sink.item(TranscriptItem.builder(TranscriptItem.Kind.USER_MESSAGE, event).id(event).text("said " + event).build());
          for (int i = 1; i < holder.vendor.entriesPerEvent; i++) {
            sink.item(TranscriptItem.builder(TranscriptItem.Kind.STATUS, event).status("idle").build());
          }
        });
    if (lists) {
      operations.add(OperationDescriptor.builder("sessions", "list").http("listSessions", "GET", "s")
          .invoker((client, args) -> null)
          .paged(String.class, (client, args) -> List.copyOf(holder.vendor.listed))
          .build());
      mapping.sessions("listSessions", item -> new TranscriptMapping.ListedSession((String) item, null));
    }
    return define(id).label("Memory " + id, "").defaultBaseUrl("https://" + id + ".example.com/")
        .environment(new EnvironmentVariable(id.toUpperCase().replace('-', '_') + "_TOKEN",
            EnvironmentVariable.Role.CREDENTIAL, "the token"))
        .profile(ServiceProfile.builder(id).build())
        .clientFactory((env, settings) -> env.values().iterator().next())
        .service(new ServiceDescriptor("sessions", "", operations))
        .transcript(mapping.build());
  }

  private PageOf<List<String>, String> page(String session, @Nullable String cursor, int size) {
    fetches.add(session + "@" + cursor + "/" + size);
    RuntimeException failure = fault.apply(session + "@" + cursor);
    if (failure != null) throw failure;
    List<String> events = sessions.getOrDefault(session, List.of());
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(events.size(), from + size);
    List<String> items = List.copyOf(events.subList(Math.min(from, to), to));
    String next = loopingCursor ? cursor : to < events.size() ? String.valueOf(to) : null;
    return new PageOf<>(new Page<>(items, next), items);
  }

  /** Adds {@code count} events named {@code <session>-<n>} to {@code session}. */
  MemoryVendor events(String session, int count) {
    List<String> events = sessions.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>());
    int first = events.size();
    for (int i = first; i < first + count; i++) events.add(session + "-" + i);
    return this;
  }
}
