package dev.sessionkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.spi.CursorPages;
import dev.sessionkit.errors.PaginationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page-level iteration: each page with its response and next cursor, fetched only when asked for. */
class PagesTest {

  record Response(List<String> data, boolean hasMore, String lastId) {}

  @Test
  void eachPageCarriesItsResponseItemsAndNextCursorAndIsFetchedOnlyWhenAskedFor() {
    List<String> asked = new ArrayList<>();
    var reader = CursorPages.<Response, String>reader(Response::data, Response::hasMore, Response::lastId, false);
    Pages<Response, String> pages = new Pages<>(null, cursor -> {
      asked.add(String.valueOf(cursor));
      return reader.apply(cursor == null ? new Response(List.of("a", "b"), true, "b") : new Response(List.of("c"), false, "c"));
    });

    Iterator<PageOf<Response, String>> it = pages.iterator();
    PageOf<Response, String> first = it.next();
    assertEquals(List.of("null"), asked);
    assertEquals(List.of("a", "b"), first.items());
    assertEquals("b", first.nextCursor());
    assertEquals(new Response(List.of("a", "b"), true, "b"), first.response());
    PageOf<Response, String> last = it.next();
    assertEquals(null, last.nextCursor());
    assertEquals(List.of("c"), last.items());
    assertEquals(false, it.hasNext());
    assertEquals(List.of("null", "b"), asked);
  }

  @Test
  void aRepeatedCursorFailsWithAPaginationException() {
    Pages<String, Integer> pages = new Pages<>("s", cursor -> new PageOf<>(new Page<>(List.of(1), "s"), "r"));

    assertThrows(PaginationException.class, () -> pages.stream().count());
  }
}
