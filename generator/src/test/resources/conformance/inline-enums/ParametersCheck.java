package dev.sessionkit.conformance.inline_enums.parameters;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.inline_enums.parameters.model.*;

public final class ParametersCheck {
  public void parameterEnumsAreNamedAfterTheOperationAndTyped(Conformance c) {
    c.respond("{\"items\":[{\"name\":\"a\"}]}");
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
    ThingList page = client.things().list(ListThingsKind.LARGE,
        ListParams.builder().order(ListThingsOrder.DESC).colour(Colour.RED).build());
    assertEquals("a", page.items().get(0).name());
    assertEquals("/kinds/large/things?order=desc&colour=red", c.request().getTarget());
  }
}
