package dev.sessionkit.conformance.paging.token;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;

public final class TokenCheck {
  public void everyPageCarriesTheTokenTheMaximumAndTheRequestOptions(Conformance c) {
    c.respond("{\"data\":[\"a\",\"b\"],\"metadata\":{\"page_key\":\"k2\"}}");
    c.respond("{\"data\":[\"c\"],\"metadata\":{}}");
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();

    List<String> all = new ArrayList<>();
    client.items().iterateItems(ItemsParams.NONE, RequestOptions.builder().header("X-Trace", "t1").build())
        .forEach(all::add);

    assertEquals(List.of("a", "b", "c"), all);
    RecordedRequest first = c.request();
    assertEquals("50", first.getUrl().queryParameter("limit"));
    assertNull(first.getUrl().queryParameter("page_key"));
    assertEquals("t1", first.getHeaders().get("X-Trace"));
    RecordedRequest second = c.request();
    assertEquals("k2", second.getUrl().queryParameter("page_key"));
    assertEquals("t1", second.getHeaders().get("X-Trace"));
  }
}
