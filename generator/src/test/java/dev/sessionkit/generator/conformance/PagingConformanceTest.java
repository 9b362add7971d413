package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token paging (conformance/operations/paging.yaml): every page requested with the spec's maximum
 * page size and the previous page's token, and request options applied to every page.
 */
class PagingConformanceTest extends ConformanceServer {
  private static Conformance.Generated sdk;

  @BeforeAll
  static void generate() {
    sdk = Conformance.generate("operations/paging.yaml");
  }

  @Test
  void everyPageCarriesTheTokenTheMaximumAndTheRequestOptions() throws Exception {
    enqueue(200, "{\"data\":[\"a\",\"b\"],\"metadata\":{\"page_key\":\"k2\"}}");
    enqueue(200, "{\"data\":[\"c\"],\"metadata\":{}}");

    Object items = sdk.run(url(), """
        List<String> all = new ArrayList<>();
        client(url).items().iterateItems(ItemsParams.NONE, RequestOptions.builder().header("X-Trace", "t1").build())
            .forEach(all::add);
        return all;""");

    assertEquals("[a, b, c]", items.toString());
    RecordedRequest first = take();
    assertEquals("50", first.getUrl().queryParameter("limit"));
    assertEquals(null, first.getUrl().queryParameter("page_key"));
    assertEquals("t1", first.getHeaders().get("X-Trace"));
    RecordedRequest second = take();
    assertEquals("k2", second.getUrl().queryParameter("page_key"));
    assertEquals("t1", second.getHeaders().get("X-Trace"));
  }
}
