package dev.sessionkit.conformance.string_formats.formats;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.generator.conformance.Conformance;
import java.util.*;
import dev.sessionkit.conformance.string_formats.formats.model.*;

public final class FormatsCheck {
  public void eachFormatHasItsJavaType(Conformance c) {
    Thing thing = c.roundTrip(Thing.class, "{\"day\":\"2026-02-28\",\"at\":\"2026-01-02T03:04:05.123+02:00\","
        + "\"id\":\"0b4cf6f4-3c4b-4c8e-9d6e-4f2f1f0a9b11\",\"link\":\"https://logs.example/b/1?x=%20y\","
        + "\"data\":\"aGVsbG8=\",\"secret\":\"s\"}");
    assertEquals(java.time.LocalDate.of(2026, 2, 28), thing.day());
    assertEquals(java.time.OffsetDateTime.parse("2026-01-02T03:04:05.123+02:00"), thing.at());
    assertEquals("0b4cf6f4-3c4b-4c8e-9d6e-4f2f1f0a9b11", thing.id());
    assertEquals(java.net.URI.create("https://logs.example/b/1?x=%20y"), thing.link());
    assertEquals(okio.ByteString.encodeUtf8("hello"), thing.data());
    assertEquals("s", thing.secret());
  }

  public void aValueThatDoesNotParseFailsWithItsPathEvenLeniently(Conformance c) {
    String json = "{\"day\":\"2026-02-30\"}";
    assertEquals("Expected an RFC 3339 date but was \"2026-02-30\" at $.day", c.strictFailure(Thing.class, json));
    assertThrows(com.squareup.moshi.JsonDataException.class, () -> c.decode(Thing.class, json));
    assertEquals("Expected a URI but was \"a b\" at $.link", c.strictFailure(Thing.class, "{\"link\":\"a b\"}"));
    assertEquals("Expected base64 but was \"%%%\" at $.data", c.strictFailure(Thing.class, "{\"data\":\"%%%\"}"));
  }
}
