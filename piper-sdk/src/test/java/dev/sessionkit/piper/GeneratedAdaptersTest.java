package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.EventType;
import dev.sessionkit.piper.model.SessionEventsResponse;
import org.junit.jupiter.api.Test;

/** The adapters generated from the Piper spec: the seed page, required fields, open enums, strict strings. */
class GeneratedAdaptersTest {
  private static final JsonAdapter<EventResponse> LENIENT = SessionkitMoshi.adapter(EventResponse.class, false);
  private static final JsonAdapter<EventResponse> STRICT = SessionkitMoshi.adapter(EventResponse.class, true);
  private static final String EVENT = "{\"id\":\"e1\",\"run_id\":\"r1\",\"event_type\":\"user_message\","
      + "\"created_at\":\"2023-11-07T05:31:56Z\",\"cost_usd\":0.30000000000000000004}";

  @Test
  void theSeedPageRoundTripsToTheSameRecords() throws Exception {
    JsonAdapter<SessionEventsResponse> adapter = SessionkitMoshi.adapter(SessionEventsResponse.class, true);
    SessionEventsResponse page = adapter.fromJson(Fixtures.read("session-events-example.json"));
    assertEquals(page, adapter.fromJson(adapter.toJson(page)));
  }

  @Test
  void aCompactEventRoundTripsByteForByte() throws Exception {
    EventResponse event = STRICT.fromJson(EVENT);
    assertEquals(EVENT, STRICT.toJson(event));
  }

  @Test
  void aMissingRunIdFailsStrictlyAndThrowsFromItsAccessorLeniently() throws Exception {
    String missing = EVENT.replace("\"run_id\":\"r1\",", "");
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(missing));
    assertEquals("Required field \"run_id\" missing at $", e.getMessage());
    EventResponse event = LENIENT.fromJson(missing);
    MissingFieldException thrown = assertThrows(MissingFieldException.class, event::runId);
    assertEquals("required field \"run_id\" was missing at $.run_id", thrown.getMessage());
  }

  @Test
  void openEnumsDecodeToConstantsAndKeepUnknownValues() throws Exception {
    EventType known = LENIENT.fromJson(EVENT).eventType();
    EventType unknown = LENIENT.fromJson(EVENT.replace("\"user_message\"", "\"handoff\"")).eventType();
    assertEquals("user_message", known.value());
    assertSame(EventType.USER_MESSAGE, known);
    assertEquals("handoff", unknown.value());
    assertFalse(unknown.isKnown());
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> STRICT.fromJson(EVENT.replace("\"user_message\"", "\"handoff\"")));
    assertEquals("Unknown EventType value \"handoff\" at $.event_type", e.getMessage());
  }

  @Test
  void aNumberWhereTheSpecSaysStringFailsStrictly() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> STRICT.fromJson(EVENT.replace("\"r1\"", "1")));
    assertEquals("Expected a string but was NUMBER at $.run_id", e.getMessage());
  }
}
