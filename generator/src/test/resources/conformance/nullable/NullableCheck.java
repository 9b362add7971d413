package dev.sessionkit.conformance.nullable.nullable;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.nullable.nullable.model.*;

public final class NullableCheck {
  public void aRequiredNullableFieldIsNullAndIsWrittenAsNull(Conformance c) {
    Thing thing = c.roundTrip(Thing.class,
        "{\"id\":\"t\",\"ended_at\":null,\"count\":null,\"status\":null,\"tags\":[],\"scores\":{}}");
    assertEquals(new Thing("t", null, null, null, null, List.of(), Map.of(), null), thing);
    c.assertSameJson("{\"id\":\"t\",\"ended_at\":null,\"count\":null,\"status\":null,\"tags\":[],\"scores\":{}}",
        c.encode(Thing.class, thing));
  }

  public void aRequiredNullableFieldMayBeNullButNotAbsent(Conformance c) {
    assertEquals("Required field \"ended_at\" missing at $",
        c.strictFailure(Thing.class, "{\"id\":\"t\",\"count\":1,\"status\":\"open\"}"));
  }

  public void nullItemsAndNullMapValuesAreKeptBothWays(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"id\":\"t\",\"ended_at\":\"2026-01-02T03:04:05Z\",\"count\":2,"
        + "\"status\":\"open\",\"tags\":[\"a\",null],\"scores\":{\"x\":1.5,\"y\":null},\"detail\":{\"text\":\"d\"}}");
    assertEquals(Arrays.asList("a", null), thing.tags());
    assertTrue(thing.scores().containsKey("y"));
    assertNull(thing.scores().get("y"));
    assertEquals(Status.OPEN, thing.status());
    assertEquals(new Detail("d"), thing.detail());
  }

  public void anOptionalNullIsReadAsAbsentAndLeftOut(Conformance c) {
    Thing thing = c.decode(Thing.class,
        "{\"id\":\"t\",\"ended_at\":null,\"count\":null,\"status\":null,\"note\":null,\"detail\":null}");
    assertNull(thing.note());
    assertFalse(c.encode(Thing.class, thing).contains("note"));
  }
}
