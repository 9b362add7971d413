package dev.sessionkit.qoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.sessionkit.core.json.DriftListener;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.json.OpenEnum;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.qoder.model.AgentMessageEvent;
import dev.sessionkit.qoder.model.SessionEvent;
import dev.sessionkit.qoder.model.SessionEventList;
import dev.sessionkit.qoder.model.SessionStatus;
import dev.sessionkit.qoder.model.SessionStatusIdleEvent;
import dev.sessionkit.qoder.model.TextBlock;
import dev.sessionkit.qoder.model.UserMessageContent;
import dev.sessionkit.qoder.model.UserMessageEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The adapters generated from the Qoder spec: one pass, exact paths, the required-field rule, and
 * how a union and an open enum decode (the generated adapter is the only way either is read).
 */
class GeneratedAdaptersTest {
  private static final JsonAdapter<SessionEventList> LENIENT = SessionkitMoshi.adapter(SessionEventList.class, false);
  private static final JsonAdapter<SessionEventList> STRICT = SessionkitMoshi.adapter(SessionEventList.class, true);
  private static final String MESSAGE = "{\"id\":\"evt_1\",\"type\":\"agent.message\",\"session_id\":\""
      + Fixtures.SESSION_ID + "\",\"created_at\":\"2026-05-18T03:40:51.5Z\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}";
  private static final String MESSAGE_TYPE_LAST = "{\"id\":\"evt_1\",\"session_id\":\"" + Fixtures.SESSION_ID
      + "\",\"created_at\":\"2026-05-18T03:40:51.5Z\",\"content\":[{\"text\":\"hi\",\"type\":\"text\"}],\"type\":\"agent.message\"}";
  private static final String NO_SESSION_ID = "{\"id\":\"evt_2\",\"type\":\"user.message\",\"content\":\"x\","
      + "\"created_at\":\"2026-05-18T03:40:51.5Z\"}";

  private static String page(String... events) {
    return Fixtures.page(false, "evt_1", "evt_2", events);
  }

  @Test
  void sessionkitMoshiUsesTheGeneratedAdapters() {
    for (Class<?> type : List.of(SessionEventList.class, SessionEvent.class, AgentMessageEvent.class, SessionStatus.class)) {
      String adapter = SessionkitMoshi.moshi().adapter(type).toString();
      assertTrue(adapter.contains("GeneratedJsonAdapter(" + type.getSimpleName()), adapter);
    }
  }

  @Test
  void discriminatorFirstAndLastDecodeToTheSameRecord() throws Exception {
    AgentMessageEvent expected = new AgentMessageEvent("evt_1", "agent.message", Fixtures.SESSION_ID, null, null,
        OffsetDateTime.parse("2026-05-18T03:40:51.5Z"), null, List.of(new TextBlock("text", "hi")));
    String typeFirst = "{\"type\":\"agent.message\"," + MESSAGE.substring(1).replace(",\"type\":\"agent.message\"", "");
    for (String json : List.of(typeFirst, MESSAGE, MESSAGE_TYPE_LAST)) {
      assertEquals(List.of(expected), STRICT.fromJson(page(json)).data(), json);
    }
  }

  @Test
  void unknownVariantKeepsItsBytesWhereverTheDiscriminatorIs() throws Exception {
    String last = "{ \"id\" : \"evt_9\",\n \"n\":1.50, \"type\":\"agent.plan_updated\" }";
    String first = "{\"type\":\"agent.plan_updated\",\"x\":{\"a\":[1,2,{}]},\"u\":\"\\u00e9\"}";
    List<SessionEvent> data = LENIENT.fromJson(page(last, first)).data();
    assertEquals(new SessionEvent.Unknown("agent.plan_updated", JsonValue.of(last)), data.get(0));
    assertEquals(first, ((SessionEvent.Unknown) data.get(1)).raw().json());
    assertEquals(page(last, first).replace(" ", "").replace("\n", ""),
        LENIENT.toJson(LENIENT.fromJson(page(last, first))).replace(" ", "").replace("\n", ""));
  }

  @Test
  void aUnionWithoutAStringDiscriminatorIsUnknownLenientlyAndRefusedStrictly() throws Exception {
    JsonAdapter<SessionEvent> lenient = SessionkitMoshi.adapter(SessionEvent.class, false);
    String noType = "{\"id\":\"evt_1\",\"session_id\":\"" + Fixtures.SESSION_ID + "\"}";
    String numericType = "{\"type\":5,\"id\":\"evt_1\"}";
    assertEquals(new SessionEvent.Unknown(null, JsonValue.of(noType)), lenient.fromJson(noType));
    assertEquals(new SessionEvent.Unknown(null, JsonValue.of(numericType)), lenient.fromJson(numericType));
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> SessionkitMoshi.adapter(SessionEvent.class, true).fromJson(noType));
    assertEquals("SessionEvent without a string \"type\" at $", e.getMessage());
  }

  @Test
  void aUnionValueThatIsNoObjectIsUnknownLenientlyAndRefusedStrictly() throws Exception {
    assertEquals(List.of(new SessionEvent.Unknown(null, JsonValue.of("\"evt_1\""))),
        LENIENT.fromJson(page("\"evt_1\"")).data());
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(page(MESSAGE, "\"evt_1\"")));
    assertEquals("SessionEvent without a string \"type\" at $.data[1]", e.getMessage());
  }

  @Test
  void strictDecodingNamesThePathOfUnknownVariantsFieldsAndValues() {
    JsonDataException variant = assertThrows(JsonDataException.class,
        () -> STRICT.fromJson(page(MESSAGE, MESSAGE, MESSAGE, "{\"id\":\"e\",\"type\":\"agent.plan_updated\"}")));
    assertEquals("Unknown SessionEvent type \"agent.plan_updated\" at $.data[3]", variant.getMessage());
    JsonDataException field = assertThrows(JsonDataException.class,
        () -> STRICT.fromJson(page(MESSAGE, MESSAGE.replace("\"id\"", "\"mood\":1,\"id\""))));
    assertTrue(field.getMessage().contains("$.data[1]"), field.getMessage());
    JsonDataException value = assertThrows(JsonDataException.class, () -> STRICT.fromJson(page(
        Fixtures.event("evt_s", "{\"type\":\"session.status_idle\",\"status\":\"idle\",\"stop_reason\":{\"type\":\"later\"}}"))));
    assertEquals("Unknown StopReasonType value \"later\" at $.data[0].stop_reason.type", value.getMessage());
  }

  @Test
  void strictDecodingRefusesAMissingRequiredFieldNamingItsObject() {
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(page(MESSAGE, NO_SESSION_ID)));
    assertEquals("Required field \"session_id\" missing at $.data[1]", e.getMessage());
    JsonDataException envelope = assertThrows(JsonDataException.class, () -> STRICT.fromJson("{\"data\":[]}"));
    assertEquals("Required field \"has_more\" missing at $", envelope.getMessage());
  }

  @Test
  void strictDecodingRefusesAnExplicitNullForARequiredField() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> STRICT.fromJson(page(MESSAGE.replace("\"evt_1\"", "null"))));
    assertEquals("Required field \"id\" missing at $.data[0]", e.getMessage());
  }

  @Test
  void lenientDecodingKeepsThePageAndTheAccessorNamesTheMissingField() throws Exception {
    String noCreatedAt = NO_SESSION_ID.replace(",\"created_at\":\"2026-05-18T03:40:51.5Z\"", "");
    SessionEventList list = LENIENT.fromJson(page(MESSAGE, NO_SESSION_ID, noCreatedAt));
    assertEquals(3, list.data().size());
    UserMessageEvent event = assertInstanceOf(UserMessageEvent.class, list.data().get(1));
    assertEquals("evt_2", event.id());
    MissingFieldException e = assertThrows(MissingFieldException.class, event::sessionId);
    assertEquals("session_id", e.name());
    assertEquals("$.data[1].session_id", e.path());
    assertEquals("required field \"session_id\" was missing at $.data[1].session_id", e.getMessage());
    MissingFieldException created = assertThrows(MissingFieldException.class,
        ((UserMessageEvent) list.data().get(2))::createdAt);
    assertEquals("$.data[2].created_at", created.path());
    assertTrue(event.toString().contains("sessionId=null"), event.toString());
    assertEquals(Fixtures.SESSION_ID, ((AgentMessageEvent) list.data().get(0)).sessionId());
  }

  @Test
  void aRecordBuiltWithoutARequiredValueThrowsOnlyWhenItIsRead() {
    UserMessageEvent event = new UserMessageEvent("evt_3", "user.message", null, null, null, null, null,
        new UserMessageContent.OfString("x"));
    MissingFieldException e = assertThrows(MissingFieldException.class, event::sessionId);
    assertEquals("session_id", e.path());
    assertEquals(new UserMessageContent.OfString("x"), event.content());
  }

  @Test
  void aNumberWhereTheSpecSaysStringFailsStrictlyAndIsTextLeniently() throws Exception {
    String numbered = MESSAGE.replace("\"evt_1\"", "12345");
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(page(MESSAGE, numbered)));
    assertEquals("Expected a string but was NUMBER at $.data[1].id", e.getMessage());
    assertEquals("12345", ((AgentMessageEvent) LENIENT.fromJson(page(numbered)).data().get(0)).id());
  }

  @Test
  void documentedEnumValuesDecodeToTheirConstants() throws Exception {
    SessionStatusIdleEvent idle = (SessionStatusIdleEvent) STRICT.fromJson(page(
        Fixtures.event("evt_s", "{\"type\":\"session.status_idle\",\"status\":\"idle\",\"stop_reason\":{\"type\":\"end_turn\"}}")))
        .data().get(0);
    assertSame(SessionStatus.IDLE, idle.status());
  }

  @Test
  void anOpenEnumKeepsUnknownValuesAndReadsNumbersAndBooleansAsText() throws Exception {
    JsonAdapter<SessionStatus> adapter = SessionkitMoshi.adapter(SessionStatus.class, false);
    SessionStatus paused = adapter.fromJson("\"paused\"");
    assertEquals("paused", paused.value());
    assertFalse(paused.isKnown());
    assertEquals("\"paused\"", adapter.toJson(paused));
    assertEquals(new SessionStatus("500"), adapter.fromJson("500"));
    assertEquals(new SessionStatus("true"), adapter.fromJson("true"));
    assertNull(adapter.fromJson("null"));
  }

  @Test
  void aDocumentedEnumValueSpelledWithEscapesIsStillItsConstant() throws Exception {
    assertSame(SessionStatus.IDLE, SessionkitMoshi.adapter(SessionStatus.class, true).fromJson("\"\\u0069dle\""));
  }

  @Test
  void aDriftListenerHearsOfEverythingLenientDecodingToleratesWithItsPath() throws Exception {
    Heard heard = new Heard();
    String json = page(
        "{\"id\":\"evt_0\",\"type\":\"agent.plan_updated\"}",
        NO_SESSION_ID.replace("\"content\"", "\"mood\":1,\"content\""),
        MESSAGE.replace("\"evt_1\"", "12345"),
        Fixtures.event("evt_s", "{\"type\":\"session.status_idle\",\"status\":\"paused\",\"stop_reason\":{\"type\":\"end_turn\"}}"));

    SessionEventList list = SessionkitMoshi.adapter(SessionEventList.class, heard).fromJson(json);

    assertEquals(LENIENT.fromJson(json), list);
    assertEquals(List.of(
        "unknownVariant $.data[0] SessionEvent type agent.plan_updated",
        "unknownField $.data[1].mood mood",
        "missingRequiredField $.data[1].session_id session_id",
        "numberForString $.data[2].id 12345",
        "unknownEnumValue $.data[3].status SessionStatus paused"), heard.lines);
  }

  @Test
  void aDriftListenerHearsNothingOfADocumentTheSpecDescribes() throws Exception {
    Heard heard = new Heard();
    String json = page(MESSAGE, MESSAGE_TYPE_LAST);
    assertEquals(STRICT.fromJson(json), SessionkitMoshi.adapter(SessionEventList.class, heard).fromJson(json));
    assertEquals(List.of(), heard.lines);
  }

  /** Records every callback as one line: what, where, and the detail. */
  private static final class Heard implements DriftListener {
    final List<String> lines = new ArrayList<>();

    @Override
    public void unknownField(String path, String name) {
      lines.add("unknownField " + path + " " + name);
    }

    @Override
    public void unknownVariant(String path, Class<?> union, String discriminator, @Nullable String label) {
      lines.add("unknownVariant " + path + " " + union.getSimpleName() + " " + discriminator + " " + label);
    }

    @Override
    public void unknownEnumValue(String path, Class<? extends OpenEnum> type, String value) {
      lines.add("unknownEnumValue " + path + " " + type.getSimpleName() + " " + value);
    }

    @Override
    public void missingRequiredField(String path, String name) {
      lines.add("missingRequiredField " + path + " " + name);
    }

    @Override
    public void numberForString(String path, String text) {
      lines.add("numberForString " + path + " " + text);
    }
  }

  @Test
  void compactJsonRoundTripsByteForByte() throws Exception {
    String json = page(MESSAGE);
    assertEquals(json, STRICT.toJson(STRICT.fromJson(json)));
    assertNull(STRICT.fromJson("null"));
  }
}
