package dev.sessionkit.conformance.maps.extra_members;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.maps.extra_members.model.*;

public final class ExtraMembersCheck {
  public void membersThePropertiesDoNotNameAreKeptInAdditionalProperties(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"labels\":{\"name\":\"n\",\"team\":\"a\",\"tier\":\"b\"},"
        + "\"metadata\":{\"version\":2,\"source\":{\"x\":[1]},\"gone\":null}}");
    assertEquals(new Labels("n", Map.of("team", "a", "tier", "b")), thing.labels());
    assertEquals(2, thing.metadata().version());
    assertEquals(new dev.sessionkit.core.json.JsonValue("{\"x\":[1]}"), thing.metadata().additionalProperties().get("source"));
    assertTrue(thing.metadata().additionalProperties().containsKey("gone"));
  }

  public void whenAPropertyIsNamedAdditionalPropertiesTheMapIsOtherProperties(Conformance c) {
    Definition definition = c.<Thing>roundTrip(Thing.class,
        "{\"definition\":{\"type\":\"object\",\"additionalProperties\":false,\"minProperties\":1}}").definition();
    assertEquals(false, definition.additionalProperties());
    assertEquals(Map.of("minProperties", new dev.sessionkit.core.json.JsonValue("1")), definition.otherProperties());
  }

  public void theyAreNoDrift(Conformance c) {
    assertEquals(List.of(), c.drift(Thing.class, "{\"labels\":{\"name\":\"n\",\"team\":\"a\"},\"metadata\":{\"x\":1}}"));
  }

  public void aMissingRequiredFieldAfterThemIsNamedAtTheObjectsPath(Conformance c) {
    assertEquals("Required field \"name\" missing at $.labels", c.strictFailure(Thing.class, "{\"labels\":{\"team\":\"a\"}}"));
    assertEquals(List.of("missingRequiredField $.labels.name name"), c.drift(Thing.class, "{\"labels\":{\"team\":\"a\"}}"));
  }

  public void aValueOfTheWrongTypeFailsWithItsPath(Conformance c) {
    assertEquals("Expected a string but was NUMBER at $.labels.team",
        c.strictFailure(Thing.class, "{\"labels\":{\"name\":\"n\",\"team\":1}}"));
  }
}
