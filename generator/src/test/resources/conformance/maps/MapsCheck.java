package dev.sessionkit.conformance.maps.maps;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.maps.maps.model.*;

public final class MapsCheck {
  public void everyValueTypeRoundTrips(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"counts\":{\"a\":9000000000},\"lists\":{\"b\":[\"x\",\"y\"]},"
        + "\"nested\":{\"c\":{\"d\":true}},\"details\":{\"e\":{\"text\":\"t\"}},\"levels\":{\"f\":\"high\"},"
        + "\"when\":{\"g\":\"2026-01-02\"},\"events\":{\"h\":\"s\",\"i\":{\"text\":\"u\"}}}");
    assertEquals(Map.of("a", 9000000000L), thing.counts());
    assertEquals(Map.of("b", List.of("x", "y")), thing.lists());
    assertEquals(Map.of("c", Map.of("d", true)), thing.nested());
    assertEquals(Map.of("e", new Detail("t")), thing.details());
    assertEquals(Map.of("f", Level.HIGH), thing.levels());
    assertEquals(Map.of("g", java.time.LocalDate.of(2026, 1, 2)), thing.when());
    assertEquals(new Event.OfString("s"), thing.events().get("h"));
    assertEquals(new Detail("u"), thing.events().get("i"));
  }

  public void aMapKeepsTheOrderItWasSentIn(Conformance c) {
    Thing thing = c.decode(Thing.class, "{\"counts\":{\"z\":1,\"a\":2,\"m\":3}}");
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(thing.counts().keySet()));
  }

  public void aValueDriftsWithItsPath(Conformance c) {
    assertEquals(List.of("unknownEnumValue $.levels.f Level mid", "missingRequiredField $.details.e.text text"),
        c.drift(Thing.class, "{\"levels\":{\"f\":\"mid\"},\"details\":{\"e\":{}}}"));
  }
}
