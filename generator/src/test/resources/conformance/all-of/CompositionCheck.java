package dev.sessionkit.conformance.all_of.composition;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.all_of.composition.model.*;

public final class CompositionCheck {
  public void theMembersPropertiesMakeOneRecordInTheirOrder(Conformance c) {
    Thing thing = c.roundTrip(Thing.class,
        "{\"id\":\"t1\",\"created_at\":\"2026-01-02T03:04:05Z\",\"kind\":\"large\",\"note\":\"n\"}");
    assertEquals(new Thing("t1", java.time.OffsetDateTime.parse("2026-01-02T03:04:05Z"), ThingKind.LARGE, "n"), thing);
  }

  public void aPropertyRequiredByEitherMemberIsRequired(Conformance c) {
    assertEquals("Required field \"id\" missing at $", c.strictFailure(Thing.class, "{\"kind\":\"small\"}"));
    assertEquals("Required field \"kind\" missing at $", c.strictFailure(Thing.class, "{\"id\":\"t1\"}"));
    Thing lenient = c.decode(Thing.class, "{\"id\":\"t1\"}");
    assertThrows(dev.sessionkit.errors.MissingFieldException.class, lenient::kind);
  }
}
