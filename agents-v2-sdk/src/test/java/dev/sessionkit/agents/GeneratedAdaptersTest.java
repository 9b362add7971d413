package dev.sessionkit.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.sessionkit.agents.model.AgentEvent;
import dev.sessionkit.agents.model.AgentInput;
import dev.sessionkit.agents.model.InputMessageEvent;
import dev.sessionkit.agents.model.TextInput;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.MissingFieldException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapters generated from the Agents API v2 spec: nested unions, discriminator anywhere, required fields. */
class GeneratedAdaptersTest {
  private static final JsonAdapter<AgentEvent> LENIENT = SessionkitMoshi.adapter(AgentEvent.class, false);
  private static final JsonAdapter<AgentEvent> STRICT = SessionkitMoshi.adapter(AgentEvent.class, true);
  private static final InputMessageEvent EXPECTED = new InputMessageEvent("aev_1", "ase_1", "input_message",
      List.of(new TextInput("text", "hi")), OffsetDateTime.parse("2024-01-15T10:35:00Z"));

  @Test
  void theDiscriminatorMayComeFirstOrLast() throws Exception {
    String first = "{\"type\":\"input_message\",\"id\":\"aev_1\",\"session_key\":\"ase_1\","
        + "\"messages\":[{\"type\":\"text\",\"content\":\"hi\"}],\"created_at\":\"2024-01-15T10:35:00Z\"}";
    String last = "{\"id\":\"aev_1\",\"session_key\":\"ase_1\",\"messages\":[{\"content\":\"hi\",\"type\":\"text\"}],"
        + "\"created_at\":\"2024-01-15T10:35:00Z\",\"type\":\"input_message\"}";
    assertEquals(EXPECTED, STRICT.fromJson(first));
    assertEquals(EXPECTED, STRICT.fromJson(last));
    String specOrder = "{\"id\":\"aev_1\",\"session_key\":\"ase_1\",\"type\":\"input_message\","
        + "\"messages\":[{\"type\":\"text\",\"content\":\"hi\"}],\"created_at\":\"2024-01-15T10:35:00Z\"}";
    assertEquals(specOrder, STRICT.toJson(EXPECTED));
    assertEquals(EXPECTED, STRICT.fromJson(specOrder));
  }

  @Test
  void anUnknownNestedVariantKeepsItsBytesAndStrictModeNamesItsPath() throws Exception {
    String image = "{\"source\": {\"url\": \"https://x\"}, \"type\": \"image\"}";
    String event = "{\"id\":\"aev_1\",\"session_key\":\"ase_1\",\"type\":\"input_message\",\"messages\":["
        + image + "],\"created_at\":\"2024-01-15T10:35:00Z\"}";
    InputMessageEvent message = assertInstanceOf(InputMessageEvent.class, LENIENT.fromJson(event));
    AgentInput.Unknown unknown = assertInstanceOf(AgentInput.Unknown.class, message.messages().get(0));
    assertEquals("image", unknown.type());
    assertEquals(image, unknown.raw().json());
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(event));
    assertEquals("Unknown AgentInput type \"image\" at $.messages[0]", e.getMessage());
  }

  @Test
  void aMissingSessionKeyFailsStrictlyAndThrowsFromItsAccessorLeniently() throws Exception {
    String event = "{\"id\":\"aev_1\",\"type\":\"input_message\",\"messages\":[],\"created_at\":\"2024-01-15T10:35:00Z\"}";
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(event));
    assertEquals("Required field \"session_key\" missing at $", e.getMessage());
    InputMessageEvent lenient = (InputMessageEvent) LENIENT.fromJson(event);
    assertEquals(List.of(), lenient.messages());
    assertEquals("$.session_key", assertThrows(MissingFieldException.class, lenient::sessionKey).path());
  }

  @Test
  void aNumberWhereTheSpecSaysStringFailsStrictly() {
    String event = "{\"id\":7,\"session_key\":\"ase_1\",\"type\":\"input_message\",\"messages\":[],"
        + "\"created_at\":\"2024-01-15T10:35:00Z\"}";
    JsonDataException e = assertThrows(JsonDataException.class, () -> STRICT.fromJson(event));
    assertEquals("Expected a string but was NUMBER at $.id", e.getMessage());
  }
}
