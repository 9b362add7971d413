package dev.sessionkit.conformance.any_of.first_match;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.any_of.first_match.model.*;

public final class FirstMatchCheck {
  public void anyOfIsAUnionNotAMergedRecord(Conformance c) {
    assertEquals(new Named("Ada"), c.<Thing>roundTrip(Thing.class, "{\"who\":{\"name\":\"Ada\"}}").who());
    assertEquals(new Aged(36), c.<Thing>roundTrip(Thing.class, "{\"who\":{\"age\":36}}").who());
    assertTrue(Who.class.isSealed());
  }

  public void aValueMatchingSeveralMembersIsTheFirstAndTheRestIsDrift(Conformance c) {
    String json = "{\"who\":{\"name\":\"Ada\",\"age\":36}}";
    assertEquals(new Named("Ada"), c.<Thing>decode(Thing.class, json).who());
    assertEquals(List.of("unknownField $.who.age age"), c.drift(Thing.class, json));
  }
}
