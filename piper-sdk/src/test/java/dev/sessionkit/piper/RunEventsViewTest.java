package dev.sessionkit.piper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RunEventsView} reads the events of all runs in order, without copying them. */
class RunEventsViewTest {
  private static final JsonAdapter<SessionEventsResponse> ADAPTER =
      SessionkitMoshi.adapter(SessionEventsResponse.class, true);

  /** A response whose runs hold events with the given contents; an empty array is a run without events. */
  private static SessionEventsResponse response(String[]... runs) throws IOException {
    String id = Fixtures.SEED_ID;
    String time = "\"2023-11-07T05:31:56Z\"";
    List<String> runJson = new ArrayList<>();
    for (String[] contents : runs) {
      List<String> events = new ArrayList<>();
      for (String content : contents) {
        events.add("{\"id\":\"" + id + "\",\"run_id\":\"" + id + "\",\"event_type\":\"user_message\","
            + "\"created_at\":" + time + ",\"content\":\"" + content + "\"}");
      }
      runJson.add("{\"id\":\"" + id + "\",\"session_id\":\"" + id + "\",\"created_at\":" + time + ",\"updated_at\":"
          + time + ",\"events\":[" + String.join(",", events) + "],\"model_name\":\"run-" + runJson.size()
          + "\",\"total_input_tokens\":0,\"total_output_tokens\":0,\"total_cost_usd\":0,\"total_requests\":0}");
    }
    return ADAPTER.fromJson("{\"session\":{\"session_id\":\"" + id + "\",\"agent_id\":\"" + id
        + "\",\"organization_id\":\"" + id + "\",\"is_test\":false,\"created_at\":" + time + ",\"updated_at\":"
        + time + "},\"runs\":[" + String.join(",", runJson) + "]}");
  }

  private static List<String> contents(List<EventResponse> events) {
    List<String> contents = new ArrayList<>();
    for (EventResponse event : events) contents.add(event.content());
    return contents;
  }

  @Test
  void listsTheEventsOfAllRunsInOrder() throws IOException {
    SessionEventsResponse session = response(new String[] {"a", "b"}, new String[] {"c"}, new String[] {"d", "e"});

    RunEventsView view = RunEventsView.of(session);

    assertEquals(List.of("a", "b", "c", "d", "e"), contents(view));
    assertEquals(5, view.size());
  }

  @Test
  void returnsTheRunsOwnEventObjects() throws IOException {
    SessionEventsResponse session = response(new String[] {"a"}, new String[] {"b", "c"});

    RunEventsView view = RunEventsView.of(session);

    assertSame(session.runs().get(0).events().get(0), view.get(0));
    assertSame(session.runs().get(1).events().get(1), view.get(2));
  }

  @Test
  void skipsRunsWithoutEventsAndNamesTheRunOfEachEvent() throws IOException {
    SessionEventsResponse session = response(new String[] {}, new String[] {"a"}, new String[] {},
        new String[] {}, new String[] {"b", "c"}, new String[] {});

    RunEventsView view = RunEventsView.of(session);

    assertEquals(List.of("a", "b", "c"), contents(view));
    assertEquals("run-1", view.runOf(0).modelName());
    assertEquals("run-4", view.runOf(1).modelName());
    assertEquals("run-4", view.runOf(2).modelName());
  }

  @Test
  void sessionWithoutEventsGivesAnEmptyView() throws IOException {
    assertTrue(RunEventsView.of(response()).isEmpty());
    assertTrue(RunEventsView.of(response(new String[] {}, new String[] {})).isEmpty());
  }

  @Test
  void refusesIndexesOutsideTheView() throws IOException {
    RunEventsView view = RunEventsView.of(response(new String[] {"a"}));

    assertThrows(IndexOutOfBoundsException.class, () -> view.get(1));
    assertThrows(IndexOutOfBoundsException.class, () -> view.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> view.runOf(1));
  }

  @Test
  void isReadOnly() throws IOException {
    RunEventsView view = RunEventsView.of(response(new String[] {"a"}));

    assertThrows(UnsupportedOperationException.class, () -> view.remove(0));
    assertThrows(UnsupportedOperationException.class, () -> view.add(view.get(0)));
  }
}
