package dev.sessionkit.conformance.one_of_shape.scalars;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.one_of_shape.scalars.model.*;

public final class ScalarsCheck {
  public void aScalarIsTheFirstVariantOfItsKindThatAcceptsIt(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"values\":[\"low\",\"2026-01-02T03:04:05Z\",\"2026-01-02\",\"medium\","
        + "7,3000000000,7.25,true,[\"a\"],{\"a\":1}],\"anything\":[]}");
    assertEquals(List.of(Level.LOW,
        new Value.OfOffsetDateTime(java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z")),
        new Value.OfLocalDate(java.time.LocalDate.parse("2026-01-02")),
        new Value.OfString("medium"),
        new Value.OfInteger(7),
        new Value.OfLong(3000000000L),
        new Value.OfBigDecimal(new java.math.BigDecimal("7.25")),
        new Value.OfBoolean(true),
        new Value.OfStringList(List.of("a")),
        new Value.OfIntegerMap(Map.of("a", 1))), thing.values());
  }

  public void aFreeFormVariantAcceptsWhatTheVariantsBeforeItDoNot(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"values\":[],\"anything\":[{\"name\":\"n\"},{\"other\":1},\"s\",2,null]}");
    assertEquals(new Named("n"), thing.anything().get(0));
    assertEquals(new Anything.OfJsonValue(new dev.sessionkit.core.json.JsonValue("{\"other\":1}")), thing.anything().get(1));
    assertEquals(new Anything.OfJsonValue(new dev.sessionkit.core.json.JsonValue("\"s\"")), thing.anything().get(2));
    assertNull(thing.anything().get(4));
  }

  public void aWrappedListIsCopied(Conformance c) {
    List<String> items = new ArrayList<>(List.of("a"));
    Value.OfStringList value = new Value.OfStringList(items);
    items.add("b");
    assertEquals(List.of("a"), value.value());
    assertThrows(UnsupportedOperationException.class, () -> value.value().add("c"));
  }
}
