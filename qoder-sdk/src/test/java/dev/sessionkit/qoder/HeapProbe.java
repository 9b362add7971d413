package dev.sessionkit.qoder;

import dev.sessionkit.qoder.model.SessionEventList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryTest}: calls one page from the server
 * at {@code args[0]} synchronously ({@code sync}) or through a future ({@code async}), with
 * {@code args[2]} as maxResponseBytes, and prints how the call ended on one line.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws InterruptedException {
    QoderClient client = QoderClient.builder().token("pt-t").baseUrl(args[0]).noRetries()
        .maxResponseBytes(Long.parseLong(args[2])).build();
    if (args[1].equals("sync")) {
      SessionEventList page = client.sessions().events(Fixtures.SESSION_ID);
      System.out.println("decoded " + page.data().size() + " events");
      return;
    }
    try {
      SessionEventList page = client.sessions().eventsAsync(Fixtures.SESSION_ID, EventListParams.NONE)
          .get(90, TimeUnit.SECONDS);
      System.out.println("completed: decoded " + page.data().size() + " events");
    } catch (ExecutionException e) {
      System.out.println("completed: " + e.getCause().getClass().getName());
    } catch (TimeoutException e) {
      System.out.println("hung");
    }
    // OkHttp's dispatcher threads linger for a minute after their last call; nothing is left to wait for.
    System.exit(0);
  }
}
