package dev.sessionkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
