package dev.sessionkit.cli;

import dev.sessionkit.core.ClientBuilder;
import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.internal.LiveEvents;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.vendor.Arguments;
import dev.sessionkit.core.vendor.EnvironmentVariable;
import dev.sessionkit.core.vendor.OperationDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor;
import dev.sessionkit.core.vendor.ParameterDescriptor.Kind;
import dev.sessionkit.core.vendor.ParameterDescriptor.Location;
import dev.sessionkit.core.vendor.ServiceDescriptor;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.StreamInterruptedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A test-only vendor, "things", described the way generated code describes a vendor, with an
 * in-memory client: the command line's own behaviour (names, help, arguments, formats, paging,
 * exit codes) checked without any vendor's SDK. Its client records what it was asked.
 */
public final class ThingsVendor extends VendorDescriptor {
  /** A thing, as its wire JSON names its fields. */
  public record Thing(String id, String name, @Nullable String kind, List<String> tags, int size, @Nullable Owner owner,
      @Nullable JsonValue extra) {}

  /** A nested object. */
  public record Owner(String name, String email) {}

  /** A page of things. */
  public record ThingPage(List<Thing> data, @Nullable String last_id, boolean has_more) {}

  /** The body of a new thing. */
  public record NewThing(String name, @Nullable String kind) {}

  /** The client the factory builds: the settings it was given, and what it was last asked. */
  static final class Client {
    final ClientOptions options;
    final List<Thing> things;
    @Nullable Arguments last;
    @Nullable String defaultOrg;
    int pagesFetched;

    Client(ClientOptions options, int count) {
      this.options = options;
      this.things = new ArrayList<>(IntStream.range(0, count)
          .mapToObj(i -> new Thing(String.format("th_%03d", i), "thing " + i, i % 2 == 0 ? "box" : "bag", List.of("t" + i % 3), i,
              i == 0 ? new Owner("Ada", "ada@example.com") : null,
              i == 4 ? JsonValue.of("{\n  \"kept\": [1, 2.50],\n  \"as\": \"sent\"\n}") : null))
          .toList());
    }
  }

  /** The client's builder: the settings every vendor builder shares, read from THINGS_TOKEN and THINGS_BASE_URL. */
  static final class Builder extends ClientBuilder<Builder, Client> {
    private final int count;

    Builder(int count) {
      super("https://api.things.example/v1/", "Authorization", "Bearer", "THINGS_TOKEN", "THINGS_BASE_URL");
      this.count = count;
    }

    @Override
    public Client build() {
      return new Client(options(), count);
    }
  }

  private static final Pattern THING_ID = Pattern.compile("^th_\\d+$");

  ThingsVendor() {
    this("things", 250);
  }

  private final Client[] built;

  /** A vendor {@code id} whose client holds {@code count} things. */
  ThingsVendor(String id, int count) {
    this(id, count, new Client[1]);
  }

  private ThingsVendor(String id, int count, Client[] built) {
    super(define(id)
        .label("Things API", "A test-only API of things.\n\nIts second paragraph is not shown in summaries.")
        .docsUrl("https://docs.things.example/")
        .defaultBaseUrl("https://api.things.example/v1/")
        .environment(new EnvironmentVariable("THINGS_TOKEN", EnvironmentVariable.Role.CREDENTIAL, "an API token"))
        .environment(new EnvironmentVariable("THINGS_BASE_URL", EnvironmentVariable.Role.BASE_URL, "the base URL"))
        .environment(new EnvironmentVariable("THINGS_ORG", EnvironmentVariable.Role.DEFAULT_PARAMETER, "the default org_id"))
        .profile(ServiceProfile.builder("Things").build())
        .service(new ServiceDescriptor("things", "Things, one at a time or page by page.", List.of(
            OperationDescriptor.builder("things", "get")
                .http("getThing", "GET", "things/{thing_id}")
                .doc("Retrieves a thing.", "Returns the thing with its name, kind and tags.\n\nNot paginated: 100% of it.")
                .parameter(new ParameterDescriptor("thing_id", "thingId", Location.PATH, Kind.STRING, true,
                    "The thing's id", List.of(), "th_001"))
                .response(Thing.class)
                .shortcut("thing")
                .invoker((client, arguments) -> find((Client) client, record(client, arguments).required("thing_id")))
                .build(),
            OperationDescriptor.builder("things", "list")
                .http("listThings", "GET", "things")
                .doc("Lists things, oldest first.", "")
                .parameter(new ParameterDescriptor("limit", "limit", Location.QUERY, Kind.INTEGER, false,
                    "Things per page, 1-100", List.of(), "5"))
                .parameter(new ParameterDescriptor("after_id", "afterId", Location.QUERY, Kind.STRING, false,
                    "Start after this thing", List.of(), null))
                .parameter(new ParameterDescriptor("kind", "kind", Location.QUERY, Kind.ENUM, false,
                    "Only things of this kind", List.of("box", "bag"), null))
                .parameter(new ParameterDescriptor("archived", "archived", Location.QUERY, Kind.BOOLEAN, false,
                    "Archived things too", List.of(), null))
                .parameter(new ParameterDescriptor("tag", "tag", Location.QUERY, Kind.ARRAY, false,
                    "Only things with these tags", List.of(), null))
                .parameter(new ParameterDescriptor("format", "format", Location.QUERY, Kind.STRING, false,
                    "A parameter whose name is a sessionkit option's", List.of(), null))
                .parameter(new ParameterDescriptor("X-Trace", "xTrace", Location.HEADER, Kind.STRING, false,
                    "A trace id", List.of(), null))
                .response(ThingPage.class)
                .paged(Thing.class, (client, arguments) -> iterate((Client) client, record(client, arguments)))
                .shortcut("ls")
                .invoker((client, arguments) -> page((Client) client, record(client, arguments)))
                .build(),
            OperationDescriptor.builder("things", "create")
                .http("createThing", "POST", "things")
                .doc("Creates a thing.", "")
                .body(NewThing.class, true)
                .response(Thing.class)
                .invoker((client, arguments) -> {
                  NewThing body = record(client, arguments).body(NewThing.class);
                  Thing thing = new Thing("th_" + ((Client) client).things.size(), body.name(), body.kind(), List.of(), 0, null, null);
                  ((Client) client).things.add(thing);
                  return thing;
                })
                .build(),
            OperationDescriptor.builder("things", "delete")
                .http("deleteThing", "DELETE", "things/{thing_id}")
                .parameter(new ParameterDescriptor("thing_id", "thingId", Location.PATH, Kind.STRING, true, "", List.of(), null))
                .invoker((client, arguments) -> {
                  ((Client) client).things.remove(find((Client) client, record(client, arguments).required("thing_id")));
                  return null;
                })
                .build())))
        .service(new ServiceDescriptor("orgThings", "", List.of(
            OperationDescriptor.builder("orgThings", "byOrg")
                .http("getOrgThing", "GET", "orgs/{org_id}/things/{thing_id}")
                .parameter(new ParameterDescriptor("org_id", "orgId", Location.PATH, Kind.STRING, true,
                    "The organization", List.of(), null, "THINGS_ORG"))
                .parameter(new ParameterDescriptor("thing_id", "thingId", Location.PATH, Kind.STRING, true,
                    "The thing's id", List.of(), null))
                .response(Thing.class)
                .invoker((client, arguments) -> {
                  Client things = (Client) client;
                  record(client, arguments);
                  if (arguments.string("org_id") == null && things.defaultOrg == null) {
                    throw new IllegalArgumentException("orgId is required: give it, or set THINGS_ORG");
                  }
                  return find(things, arguments.required("thing_id"));
                })
                .build(),
            OperationDescriptor.builder("orgThings", "watch")
                .http("watchThings", "GET", "orgs/{org_id}/things/stream")
                .doc("Streams the things as they change.", "")
                .parameter(new ParameterDescriptor("org_id", "orgId", Location.PATH, Kind.STRING, true,
                    "The organization", List.of(), null))
                .parameter(new ParameterDescriptor("cut_after", "cutAfter", Location.QUERY, Kind.INTEGER, false,
                    "Drop the connection after this many events", List.of(), null))
                .streamed(Thing.class, (client, arguments) -> stream((Client) client, record(client, arguments)))
                .build())))
        .clientFactory((env, settings) -> {
          Builder builder = new Builder(count).fromEnv(env);
          settings.accept(builder);
          built[0] = builder.build();
          built[0].defaultOrg = env.get("THINGS_ORG");
          return built[0];
        }));
    this.built = built;
  }

  /** Returns the client built last. */
  Client client() {
    return built[0];
  }

  private static Arguments record(Object client, Arguments arguments) {
    ((Client) client).last = arguments;
    return arguments;
  }

  private static Thing find(Client client, String id) {
    if (!THING_ID.matcher(id).matches()) throw new IllegalArgumentException("thingId must match ^th_\\d+$ (got \"" + id + "\")");
    return client.things.stream().filter(thing -> thing.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException(404, new ErrorDetails("not_found", "Thing " + id + " does not exist", null),
            null, Headers.of(), null, 1, null));
  }

  private static ThingPage page(Client client, Arguments arguments) {
    Integer limit = arguments.integer("limit");
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > 100) throw new IllegalArgumentException("limit must be between 1 and 100 (got " + size + ")");
    String after = arguments.string("after_id");
    String kind = arguments.string("kind");
    int start = 0;
    if (after != null) start = client.things.indexOf(find(client, after)) + 1;
    List<Thing> matching = client.things.subList(start, client.things.size()).stream()
        .filter(thing -> kind == null || kind.equals(thing.kind())).toList();
    List<Thing> data = matching.subList(0, Math.min(size, matching.size()));
    client.pagesFetched++;
    return new ThingPage(data, data.isEmpty() ? null : data.get(data.size() - 1).id(), matching.size() > size);
  }

  /** A live stream of the first ten things, cut (as a dropped connection) after {@code cut_after} of them. */
  private static EventStream<?> stream(Client client, Arguments arguments) {
    Integer cut = arguments.integer("cut_after");
    Iterator<Thing> things = client.things.stream().limit(10).iterator();
    LiveEvents<Thing> events = new LiveEvents<>() {
      private int delivered;

      @Override
      public @Nullable Thing next() {
        if (cut != null && delivered == cut) {
          throw new StreamInterruptedException("GET /orgs/x/things/stream", new java.io.IOException("connection reset"),
              "the connection dropped", client.things.get(delivered - 1).id(), 1);
        }
        if (!things.hasNext()) return null;
        delivered++;
        return things.next();
      }

      @Override
      public @Nullable String lastEventId() {
        return delivered == 0 ? null : client.things.get(delivered - 1).id();
      }

      @Override
      public void close() {}
    };
    return (EventStream<?>) LiveEvents.eventStream(events);
  }

  private static Iterable<Thing> iterate(Client client, Arguments arguments) {
    return () -> new Iterator<>() {
      private ThingPage page = page(client, arguments);
      private int next;

      @Override
      public boolean hasNext() {
        if (next < page.data().size()) return true;
        if (!page.has_more()) return false;
        Arguments.Builder more = Arguments.builder();
        for (String name : arguments.names()) if (!name.equals("after_id")) arguments.strings(name).forEach(v -> more.put(name, v));
        page = page(client, more.put("after_id", page.last_id()).build());
        next = 0;
        return next < page.data().size();
      }

      @Override
      public Thing next() {
        if (!hasNext()) throw new NoSuchElementException();
        return page.data().get(next++);
      }
    };
  }
}
