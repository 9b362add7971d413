package dev.sessionkit.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scenario is data, checked when it is read: a misspelt or misplaced key names its place. */
class ScenarioTest {
  private static Scenario read(String json) {
    return new Scenario(Json.object(Json.parse(json)), "scenario.json");
  }

  private static String refused(String json) {
    return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPlace() {
    String message = refused("{\"credentials\": \"x\"}");
    assertEquals(true, message.startsWith("scenario.json: credentials is not a scenario key (expected one of ["), message);
    message = refused("{\"resources\": {\"session\": {\"item\": \"/s/{id}\", \"oder\": \"newest-first\"}}}");
    assertEquals(true, message.startsWith("scenario.json: resources.session.oder is not a scenario key"), message);
    message = refused("{\"turn\": {\"steps\": [{\"evnt\": {}}]}}");
    assertEquals(true, message.startsWith("scenario.json: turn.steps.0.evnt is not a scenario key"), message);
  }

  @Test
  void aBindingNamesExactlyOneBehaviourOfAKnownResource() {
    String resources = "\"resources\": {\"session\": {\"item\": \"/s/{id}\"}}";
    assertEquals("scenario.json: operations.getX names no behaviour (one of " + Scenario.VERBS + ")",
        refused("{" + resources + ", \"operations\": {\"getX\": {\"status\": 200}}}"));
    assertEquals("scenario.json: operations.getX names two behaviours (list and get)",
        refused("{" + resources + ", \"operations\": {\"getX\": {\"list\": \"session\", \"get\": \"session\"}}}"));
    assertEquals("scenario.json: operations.getX.get no resource named sessions",
        refused("{" + resources + ", \"operations\": {\"getX\": {\"get\": \"sessions\"}}}"));
  }

  @Test
  void aResourceNeedsAnItemPathWithItsIdAndAParentInThatPath() {
    assertEquals("scenario.json: resources.session.item is required (the path of one session)",
        refused("{\"resources\": {\"session\": {}}}"));
    assertEquals("scenario.json: resources.session.item names no parameter",
        refused("{\"resources\": {\"session\": {\"item\": \"/sessions\"}}}"));
    assertEquals("scenario.json: resources.session.parent is not in the path: /s/{id} has no {agent_key}",
        refused("{\"resources\": {\"agent\": {\"item\": \"/a/{agent_key}\"}, \"session\": {\"item\": \"/s/{id}\", \"parent\": \"agent\"}}}"));
  }

  @Test
  void aCopySuffixStartsWithNoDigitAndHoldsTheCopyOnce() {
    String before = "{\"resources\": {\"session\": {\"item\": \"/s/{id}\", \"generated\": {\"id\": \"s_{n}\", \"copy\": ";
    read(before + "\"_{copy}\"}}}}");
    read(before + "\"-copy-{copy}-x\"}}}}");
    for (String bad : new String[] {"\"{copy}\"", "\"7{copy}\"", "\"_\"", "\"_{copy}{copy}\"", "\"_{n}_{copy}\"", "3"}) {
      String message = refused(before + bad + "}}}}");
      assertEquals(true, message.startsWith("scenario.json: resources.session.generated.copy must be a suffix that starts with no digit"),
          message);
    }
  }

  @Test
  void aResourcesKeysAreItsPathParametersAndItsIdTheLast() {
    Scenario scenario = read("{\"resources\": {\"session\": {\"item\": \"/v2/agents/{agent_key}/sessions/{session_key}\","
        + " \"id\": {\"field\": \"key\"}, \"order\": \"newest-first\"}}}");
    Scenario.Resource session = scenario.resources().get("session");
    assertEquals(java.util.List.of("agent_key", "session_key"), session.keys());
    assertEquals("session_key", session.idParam());
    assertEquals("key", session.idField());
    assertEquals(true, session.newestFirst());
    assertEquals(Map.of(), Scenario.NONE.errors());
  }
}
