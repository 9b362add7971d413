package dev.sessionkit.conformance.inline_enums.property;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.inline_enums.property.model.*;

public final class PropertyCheck {
  public void anInlineEnumIsAnOpenEnumNamedAfterItsModelAndProperty(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"name\":\"Rex\",\"status\":\"sold\",\"mood\":\"calm\"}");
    assertEquals(ThingStatus.SOLD, thing.status());
    assertEquals(ThingMood.CALM, thing.mood());
    assertEquals(ThingStatus.Known.SOLD, thing.status().known().orElseThrow());
  }

  public void anUndocumentedValueIsKeptReportedAndRefusedStrictly(Conformance c) {
    String json = "{\"name\":\"Rex\",\"status\":\"adopted\"}";
    Thing thing = c.decode(Thing.class, json);
    assertEquals("adopted", thing.status().value());
    assertFalse(thing.status().isKnown());
    assertNull(thing.mood());
    assertEquals(List.of("unknownEnumValue $.status ThingStatus adopted"), c.drift(Thing.class, json));
    assertEquals("Unknown ThingStatus value \"adopted\" at $.status", c.strictFailure(Thing.class, json));
    c.assertSameJson(json, c.encode(Thing.class, thing));
  }

  public void theClientDecodesItFromTheServer(Conformance c) {
    c.respond("{\"name\":\"Rex\",\"status\":\"pending\"}");
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
    assertEquals(ThingStatus.PENDING, client.things().get("t1").status());
    assertEquals("/things/t1", c.request().getTarget());
  }
}
