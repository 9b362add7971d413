package dev.sessionkit.core.spi;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.spi.StreamFixtures.Api;
import dev.sessionkit.core.spi.StreamFixtures.Ev;
import dev.sessionkit.core.spi.StreamFixtures.Msg;
import dev.sessionkit.errors.EventTooLargeException;

/**
 * Run in a child JVM with a small heap by {@link StreamMemoryTest}: reads two streams from the
 * server at {@code args[0]}, a long one and one whose event never ends, and prints one line for each.
 */
public final class StreamHeapProbe {
  private StreamHeapProbe() {}

  /** Reads the streams; prints "events N last M" and "too large: limit L". */
  public static void main(String[] args) {
    ClientRuntime runtime = ClientRuntime.create(ClientOptions.builder().baseUrl(args[0])
        .credential(Credential.of("t")).build(), ServiceProfile.builder("Probe").build());
    Api api = runtime.service(Api.class);
    StreamSpec<Ev> spec = StreamSpec.builder(Ev.class).build();
    long events = 0;
    int last = -1;
    try (EventStream<Ev> stream = runtime.stream(api.events("long"), spec, RequestOptions.NONE)) {
      for (Ev event : stream) {
        events++;
        last = ((Msg) event).n();
      }
    }
    System.out.println("events " + events + " last " + last);
    try (EventStream<Ev> stream = runtime.stream(api.events("huge"), spec, RequestOptions.NONE)) {
      for (Ev event : stream) System.out.println("unexpected " + event);
    } catch (EventTooLargeException e) {
      System.out.println("too large: limit " + e.limit());
    }
    System.exit(0);
  }
}
