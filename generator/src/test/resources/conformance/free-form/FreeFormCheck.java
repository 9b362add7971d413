package dev.sessionkit.conformance.free_form.free_form;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.free_form.free_form.model.*;

public final class FreeFormCheck {
  public void anyJsonIsKeptByteForByte(Conformance c) {
    String json = "{\"input\":[1,\"a\",{\"big\":123456789012345678901234567890}],\"config\":{\"x\":1.50},"
        + "\"metadata\":{\"k\":{\"deep\":true},\"n\":null},\"samples\":[3,\"s\",null]}";
    Thing thing = c.roundTrip(Thing.class, json);
    assertEquals("[1,\"a\",{\"big\":123456789012345678901234567890}]", thing.input().json());
    assertEquals("{\"x\":1.50}", thing.config().json());
    assertEquals("{\"deep\":true}", thing.metadata().get("k").json());
    assertEquals(Arrays.asList(new dev.sessionkit.core.json.JsonValue("3"), new dev.sessionkit.core.json.JsonValue("\"s\""), null),
        thing.samples());
    assertEquals(json, c.encode(Thing.class, thing));
  }

  public void theTypesAreJsonValueAndAMapOfThem(Conformance c) throws Exception {
    assertEquals(dev.sessionkit.core.json.JsonValue.class, Thing.class.getMethod("input").getReturnType());
    assertEquals(dev.sessionkit.core.json.JsonValue.class, Thing.class.getMethod("config").getReturnType());
    assertEquals(Map.class, Thing.class.getMethod("metadata").getReturnType());
  }
}
