package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.pipecat.model.ResourceSample;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The adapters generated from the Pipecat spec: required and nullable fields, epoch seconds, strict strings. */
class GeneratedAdaptersTest {
  private static final JsonAdapter<SessionDetails> LENIENT = SessionkitMoshi.adapter(SessionDetails.class, false);
  private static final JsonAdapter<SessionDetails> STRICT = SessionkitMoshi.adapter(SessionDetails.class, true);
  private static final String NULLS = Fixtures.read("session-nullable-fields.json")
      .replace("BOT_SHUTDOWN_TIMEOUT", "HTTP_COMPLETED");

  @Test
  void sessionkitMoshiUsesTheGeneratedAdapter() {
    assertTrue(STRICT.toString().contains("GeneratedJsonAdapter(SessionDetails)"), STRICT.toString());
  }

  @Test
  void aRequiredNullableFieldMayBeNullButNotAbsentInStrictMode() throws Exception {
    assertNull(STRICT.fromJson(NULLS).endedAt());
    String absent = NULLS.replace("\"endedAt\": null,", "");
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(absent));
    assertEquals("Required field \"endedAt\" missing at $", e.getMessage());
    assertNull(LENIENT.fromJson(absent).endedAt());
  }

  @Test
  void aMissingRequiredIdFailsStrictlyAndThrowsFromItsAccessorLeniently() throws Exception {
    String absent = NULLS.replace("\"sessionId\": \"800d444a-e67e-4686-afb3-b0de509cccb3\",", "");
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(absent));
    assertEquals("Required field \"sessionId\" missing at $", e.getMessage());
    SessionDetails session = LENIENT.fromJson(absent);
    assertEquals("b900ae4a-f710-4ef1-95d8-c5f5b2789da9", session.serviceId());
    MissingFieldException missing = assertThrows(MissingFieldException.class, session::sessionId);
    assertEquals("$.sessionId", missing.path());
  }

  @Test
  void aNumberWhereTheSpecSaysStringFailsStrictly() throws Exception {
    String numbered = NULLS.replace("\"deploymentId\": \"81f4da55-106d-401f-b069-a1f1992f871a\"", "\"deploymentId\": 81");
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(numbered));
    assertEquals("Expected a string but was NUMBER at $.deploymentId", e.getMessage());
    assertEquals("81", LENIENT.fromJson(numbered).deploymentId());
  }

  @Test
  void epochSecondsSamplesRoundTripThroughTheGeneratedAdapter() throws Exception {
    JsonAdapter<ResourceSample> adapter = SessionkitMoshi.adapter(ResourceSample.class, true);
    ResourceSample sample = adapter.fromJson("{\"t\":1729583960,\"c\":150,\"m\":1024}");
    assertEquals(new ResourceSample(Instant.parse("2024-10-22T07:59:20Z"), 150, 1024L), sample);
    assertEquals("{\"t\":1729583960,\"c\":150,\"m\":1024}", adapter.toJson(sample));
    JsonDataException e = assertThrows(JsonDataException.class, () -> adapter.fromJson("{\"t\":1729583960,\"c\":150}"));
    assertEquals("Required field \"m\" missing at $", e.getMessage());
  }
}
