package dev.sessionkit.piper;

import dev.sessionkit.piper.model.EventResponse;
import dev.sessionkit.piper.model.RunResponse;
import dev.sessionkit.piper.model.SessionEventsResponse;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The events of all of a session's runs as one read-only list, run after run, each run's events in
 * their order. A view: the events are not copied, only the position where each run ends.
 *
 * <pre>{@code
 * SessionEventsResponse session = client.sessions().events(orgId, sessionId);
 * RunEventsView events = RunEventsView.of(session);
 * EventResponse last = events.get(events.size() - 1);
 * RunResponse itsRun = events.runOf(events.size() - 1);
 * }</pre>
 */
public final class RunEventsView extends AbstractList<EventResponse> implements RandomAccess {
  private final List<RunResponse> runs;
  /** {@code ends[r]} is the number of events in runs 0..r; the responses' lists are immutable. */
  private final int[] ends;

  private RunEventsView(List<RunResponse> runs) {
    this.runs = runs;
    this.ends = new int[runs.size()];
    int total = 0;
    for (int r = 0; r < runs.size(); r++) {
      total = Math.addExact(total, runs.get(r).events().size());
      ends[r] = total;
    }
  }

  /** Returns a view of the events of all runs of {@code response}, in order. */
  public static RunEventsView of(SessionEventsResponse response) {
    Objects.requireNonNull(response, "response == null");
    return new RunEventsView(response.runs());
  }

  /** Returns the event at {@code index}, counting through the runs in order. */
  @Override
  public EventResponse get(int index) {
    int run = runIndex(index);
    int start = run == 0 ? 0 : ends[run - 1];
    return runs.get(run).events().get(index - start);
  }

  /** Returns the run that holds the event at {@code index}. */
  public RunResponse runOf(int index) {
    return runs.get(runIndex(index));
  }

  /** Returns the number of events over all runs. */
  @Override
  public int size() {
    return ends.length == 0 ? 0 : ends[ends.length - 1];
  }

  private int runIndex(int index) {
    Objects.checkIndex(index, size());
    // The first run whose end lies beyond index; runs without events share an end and are skipped.
    int found = Arrays.binarySearch(ends, index + 1);
    if (found < 0) return -found - 1;
    while (found > 0 && ends[found - 1] == index + 1) found--;
    return found;
  }
}
