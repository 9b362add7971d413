package dev.sessionkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.errors.PaginationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one pagination engine, independent of any vendor. */
class AutoPagerTest {

  @Test
  void followsCursorsUntilNoneAndSkipsEmptyPages() {
    Map<String, Page<Integer>> pages = Map.of(
        "", new Page<>(List.of(1, 2), "a"),
        "a", new Page<>(List.of(), "b"),
        "b", new Page<>(List.of(3), null));
    List<String> asked = new ArrayList<>();
    AutoPager<Integer> pager = new AutoPager<>(null, cursor -> {
      asked.add(String.valueOf(cursor));
      return pages.get(cursor == null ? "" : cursor);
    });

    assertEquals(List.of(1, 2, 3), pager.stream().collect(Collectors.toList()));
    assertEquals(List.of("null", "a", "b"), asked);
  }

  @Test
  void refusesToFollowTheStartCursorAgain() {
    AutoPager<Integer> pager = new AutoPager<>("s", cursor -> new Page<>(List.of(1), "s"));
    PaginationException e = assertThrows(PaginationException.class, () -> pager.stream().count());
    assertEquals("the server repeated the cursor \"s\" after page 1; stopping instead of fetching the same pages again",
        e.getMessage());
  }

  @Test
  void stopsOnAnEmptyLastPage() {
    AutoPager<Integer> pager = new AutoPager<>(null, cursor -> new Page<>(List.of(), null));
    assertEquals(0, pager.stream().count());
  }

  @Test
  void refusesACursorRepeatedRightAway() {
    AutoPager<Integer> pager = new AutoPager<>(null, cursor -> new Page<>(List.of(1), "same"));
    List<Integer> seen = new ArrayList<>();
    PaginationException e = assertThrows(PaginationException.class, () -> pager.forEach(seen::add));
    assertEquals("the server repeated the cursor \"same\" after page 2; stopping instead of fetching the same pages again",
        e.getMessage());
    assertEquals(List.of(1, 1), seen);
  }

  @Test
  void detectsALongCycleWithinThreeRounds() {
    // 0 -> 1 -> ... -> 299 -> 37 -> 38 -> ...: a cycle of 263 cursors entered after 37 pages,
    // longer than the recent cursors the pager keeps.
    List<String> asked = new ArrayList<>();
    AutoPager<String> pager = new AutoPager<>(null, cursor -> {
      asked.add(String.valueOf(cursor));
      int at = cursor == null ? 0 : Integer.parseInt(cursor);
      int next = at == 299 ? 37 : at + 1;
      return new Page<>(List.of("item" + at), String.valueOf(next));
    });
    assertThrows(PaginationException.class, () -> pager.forEach(item -> { }));
    assertTrue(asked.size() <= 2 * 263 + 263 + 1, "fetched " + asked.size() + " pages");
  }

  @Test
  void followsAMillionDistinctCursorsHoldingOnlyTheCurrentPage() {
    int pages = 1_000_000;
    AutoPager<Integer> pager = new AutoPager<>(null, cursor -> {
      int at = cursor == null ? 0 : Integer.parseInt(cursor);
      return new Page<>(List.of(at), at + 1 < pages ? String.valueOf(at + 1) : null);
    });
    assertEquals(pages, pager.stream().count());
  }
}
