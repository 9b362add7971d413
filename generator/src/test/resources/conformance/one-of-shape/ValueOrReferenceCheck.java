package dev.sessionkit.conformance.one_of_shape.value_or_reference;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.one_of_shape.value_or_reference.model.*;

public final class ValueOrReferenceCheck {
  public void eachKindOfValueIsItsVariant(Conformance c) {
    Thing values = c.roundTrip(Thing.class, "{\"timeout\":30,\"header\":\"Bearer x\"}");
    assertEquals(new ThingTimeout.OfInteger(30), values.timeout());
    assertEquals(new HeaderValue.OfString("Bearer x"), values.header());
    Thing references = c.roundTrip(Thing.class, "{\"timeout\":{\"$ref\":\"agent.t\"},\"header\":{\"$ref\":\"agent.h\"}}");
    assertEquals(new EagerReference("agent.t"), references.timeout());
    assertEquals(new EagerReference("agent.h"), references.header());
  }

  public void aValueNoVariantAcceptsIsKeptReportedAndRefusedStrictly(Conformance c) {
    String json = "{\"timeout\":true,\"header\":[1]}";
    Thing thing = c.decode(Thing.class, json);
    assertEquals(new ThingTimeout.Unknown(new dev.sessionkit.core.json.JsonValue("true")), thing.timeout());
    assertEquals(new HeaderValue.Unknown(new dev.sessionkit.core.json.JsonValue("[1]")), thing.header());
    assertEquals(List.of("unmatchedVariant $.timeout ThingTimeout", "unmatchedVariant $.header HeaderValue"),
        c.drift(Thing.class, json));
    assertEquals("No variant of ThingTimeout accepts a boolean at $.timeout", c.strictFailure(Thing.class, json));
    c.assertSameJson(json, c.encode(Thing.class, thing));
  }

  public void aNumberOutOfTheIntegersRangeIsNoInteger(Conformance c) {
    assertInstanceOf(ThingTimeout.Unknown.class, c.<Thing>decode(Thing.class, "{\"timeout\":3000000000}").timeout());
    assertInstanceOf(ThingTimeout.Unknown.class, c.<Thing>decode(Thing.class, "{\"timeout\":1.5}").timeout());
  }

  public void theUnionHasNoDiscriminatorAccessor(Conformance c) {
    assertEquals(List.of(), Arrays.stream(HeaderValue.class.getMethods())
        .filter(m -> m.getDeclaringClass() == HeaderValue.class).map(java.lang.reflect.Method::getName).sorted().toList());
  }
}
