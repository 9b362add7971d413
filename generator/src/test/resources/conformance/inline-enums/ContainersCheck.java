package dev.sessionkit.conformance.inline_enums.containers;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.inline_enums.containers.model.*;

public final class ContainersCheck {
  public void arrayItemsAndMapValuesAreOpenEnumsNamedItemAndValue(Conformance c) {
    Thing thing = c.roundTrip(Thing.class,
        "{\"tags\":[\"cute\",\"loud\"],\"scores\":{\"a\":\"low\"},\"grid\":[[\"x\",\"o\"]]}");
    assertEquals(List.of(ThingTagsItem.CUTE, ThingTagsItem.LOUD), thing.tags());
    assertEquals(Map.of("a", ThingScoresValue.LOW), thing.scores());
    assertEquals(List.of(List.of(ThingGridItemItem.X, ThingGridItemItem.O)), thing.grid());
  }

  public void anUndocumentedItemIsKeptWithItsPath(Conformance c) {
    String json = "{\"tags\":[\"cute\",\"shy\"],\"scores\":{\"b\":\"mid\"}}";
    assertEquals("shy", c.<Thing>decode(Thing.class, json).tags().get(1).value());
    assertEquals(List.of("unknownEnumValue $.tags[1] ThingTagsItem shy", "unknownEnumValue $.scores.b ThingScoresValue mid"),
        c.drift(Thing.class, json));
  }
}
