package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sessionkit.core.AutoPager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CursorPages}, {@link TokenPages} and {@link OffsetPages} turn a vendor's pages into what
 * {@link AutoPager} follows.
 */
class PagingStylesTest {
  record Listing(List<String> data, String firstId, String lastId, Boolean hasMore) {}

  record Tokened(List<String> items, String next) {}

  record Counted(List<String> sessions, Integer total) {}

  private final Map<String, Listing> pages = Map.of(
      "", new Listing(List.of("a", "b"), "a", "b", true),
      "b", new Listing(List.of("c", "d"), "c", "d", true),
      "d", new Listing(List.of("e"), "e", "e", false));

  @Test
  void cursorPagesFollowTheCursorFieldWhileHasMoreIsTrue() {
    List<String> asked = new ArrayList<>();
    var reader = CursorPages.reader(Listing::data, page -> Boolean.TRUE.equals(page.hasMore()), Listing::lastId, false);
    AutoPager<String> pager = new AutoPager<>(null, cursor -> {
      asked.add(String.valueOf(cursor));
      return reader.apply(pages.get(cursor == null ? "" : cursor)).page();
    });

    assertEquals(List.of("a", "b", "c", "d", "e"), pager.stream().toList());
    assertEquals(List.of("null", "b", "d"), asked);
  }

  @Test
  void backwardCursorPagesAreEachReversed() {
    Map<String, Listing> older = Map.of(
        "z", new Listing(List.of("x", "y"), "x", "y", true),
        "x", new Listing(List.of("v", "w"), "v", "w", false));
    var reader = CursorPages.reader(Listing::data, page -> Boolean.TRUE.equals(page.hasMore()), Listing::firstId, true);
    AutoPager<String> pager = new AutoPager<>("z", cursor -> reader.apply(older.get(cursor)).page());

    assertEquals(List.of("y", "x", "w", "v"), pager.stream().toList());
  }

  @Test
  void tokenPagesEndOnAnAbsentOrEmptyToken() {
    Map<String, Tokened> byToken = Map.of("", new Tokened(List.of("1"), "t2"), "t2", new Tokened(List.of("2"), ""));
    var reader = TokenPages.reader(Tokened::items, Tokened::next);
    AutoPager<String> pager = new AutoPager<>(null, token -> reader.apply(byToken.get(token == null ? "" : token)).page());

    assertEquals(List.of("1", "2"), pager.stream().toList());
    assertEquals(java.util.Optional.empty(), TokenPages.next(null));
    assertEquals(java.util.Optional.of("k"), TokenPages.next("k"));
  }

  @Test
  void offsetPagesMovePastTheItemsReadUntilTheTotalIsReached() {
    List<String> all = List.of("a", "b", "c", "d", "e");
    List<Integer> asked = new ArrayList<>();
    AutoPager<String> pager = new AutoPager<>(null, cursor -> {
      int offset = OffsetPages.offset(cursor);
      asked.add(offset);
      Counted page = new Counted(all.subList(offset, Math.min(offset + 2, all.size())), all.size());
      return OffsetPages.reader(cursor, Counted::sessions, Counted::total).apply(page).page();
    });

    assertEquals(all, pager.stream().toList());
    assertEquals(List.of(0, 2, 4), asked, "the last page reaches the total: nothing more is asked");
  }

  @Test
  void offsetPagesWithoutATotalEndOnAnEmptyPageAndStartWhereTheCursorSays() {
    List<String> all = List.of("a", "b", "c");
    List<Integer> asked = new ArrayList<>();
    AutoPager<String> pager = new AutoPager<>("1", cursor -> {
      int offset = OffsetPages.offset(cursor);
      asked.add(offset);
      Counted page = new Counted(all.subList(Math.min(offset, 3), Math.min(offset + 2, 3)), null);
      return OffsetPages.reader(cursor, Counted::sessions, Counted::total).apply(page).page();
    });

    assertEquals(List.of("b", "c"), pager.stream().toList());
    assertEquals(List.of(1, 3), asked);
    assertEquals("an offset cursor is a decimal number (got \"x\")",
        assertThrows(IllegalArgumentException.class, () -> OffsetPages.offset("x")).getMessage());
  }
}
