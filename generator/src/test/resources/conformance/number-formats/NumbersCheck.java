package dev.sessionkit.conformance.number_formats.numbers;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.number_formats.numbers.model.*;

public final class NumbersCheck {
  public void eachFormatHasItsJavaType(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"i32\":2147483647,\"i64\":9223372036854775807,\"plain\":-1,"
        + "\"f\":1.5,\"d\":2.25,\"exact\":0.30000000000000000004,\"since\":1767323045}");
    assertEquals(2147483647, thing.i32());
    assertEquals(9223372036854775807L, thing.i64());
    assertEquals(-1, thing.plain());
    assertEquals(1.5f, thing.f());
    assertEquals(2.25d, thing.d());
    assertEquals(new java.math.BigDecimal("0.30000000000000000004"), thing.exact());
    assertEquals(java.time.Instant.ofEpochSecond(1767323045), thing.since());
  }

  public void aNumberOutOfItsFormatsRangeFailsWithItsPath(Conformance c) {
    assertTrue(c.strictFailure(Thing.class, "{\"i32\":2147483648}").endsWith("at path $.i32"),
        c.strictFailure(Thing.class, "{\"i32\":2147483648}"));
  }
}
