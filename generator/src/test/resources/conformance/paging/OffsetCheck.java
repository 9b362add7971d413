package dev.sessionkit.conformance.paging.offset;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.core.PageOf;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;

public final class OffsetCheck {
  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
  }

  public void everyPageMovesTheOffsetPastTheItemsReadUntilTheTotal(Conformance c) {
    c.respond("{\"sessions\":[\"a\",\"b\"],\"total\":5}");
    c.respond("{\"sessions\":[\"c\",\"d\"],\"total\":5}");
    c.respond("{\"sessions\":[\"e\"],\"total\":5}");

    List<String> all = new ArrayList<>();
    client(c).items().iterateItems("o1", ItemsParams.NONE, RequestOptions.builder().header("X-Trace", "t1").build())
        .forEach(all::add);

    assertEquals(List.of("a", "b", "c", "d", "e"), all);
    RecordedRequest first = c.request();
    assertEquals("/orgs/o1/items?limit=2", first.getTarget());
    assertEquals("t1", first.getHeaders().get("X-Trace"));
    assertEquals("/orgs/o1/items?limit=2&offset=2", c.request().getTarget());
    assertEquals("/orgs/o1/items?limit=2&offset=4", c.request().getTarget());
    assertEquals(3, c.server().getRequestCount(), "the total is reached: nothing more is asked");
  }

  public void pagesStartAtTheGivenOffsetAndNameTheNextOne(Conformance c) {
    c.respond("{\"sessions\":[\"d\"],\"total\":5}");
    c.respond("{\"sessions\":[],\"total\":5}");

    List<String> cursors = new ArrayList<>();
    for (PageOf<?, String> page : client(c).items().itemPages("o1", ItemsParams.builder().offset(3).limit(1).build())) {
      cursors.add(page.nextCursor());
    }

    assertEquals(java.util.Arrays.asList("4", null), cursors, "an empty page ends, whatever the total says");
    assertEquals("/orgs/o1/items?limit=1&offset=3", c.request().getTarget());
    assertEquals("/orgs/o1/items?limit=1&offset=4", c.request().getTarget());
  }

  public void theAsyncPagerReadsEachPageWithItsOwnOffset(Conformance c) throws Exception {
    c.respond("{\"sessions\":[\"a\",\"b\"],\"total\":3}");
    c.respond("{\"sessions\":[\"c\"],\"total\":3}");

    List<String> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    client(c).items().iterateItemsAsync("o1").forEach(all::add).get(10, TimeUnit.SECONDS);

    assertEquals(List.of("a", "b", "c"), all);
    assertEquals("/orgs/o1/items?limit=2", c.request().getTarget());
    assertEquals("/orgs/o1/items?limit=2&offset=2", c.request().getTarget());
  }
}
