package dev.sessionkit.kafka.connect.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** How sessions are spread over a connector's tasks. */
public final class Assignment {
  private Assignment() {}

  /**
   * Returns the sessions of each task: at most {@code maxTasks} tasks and none without a session, the
   * sessions dealt in order (by vendor, agent and id) so that every task has as many, give or take one,
   * and each vendor's sessions are shared by every task.
   */
  public static List<List<SessionRef>> spread(Iterable<SessionRef> sessions, int maxTasks) {
    if (maxTasks < 1) throw new IllegalArgumentException("maxTasks must be at least 1 (got " + maxTasks + ")");
    List<SessionRef> sorted = new ArrayList<>(new TreeSet<SessionRef>(toList(sessions)));
    int tasks = Math.min(maxTasks, sorted.size());
    List<List<SessionRef>> groups = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) groups.add(new ArrayList<>());
    for (int i = 0; i < sorted.size(); i++) groups.get(i % tasks).add(sorted.get(i));
    return groups;
  }

  private static List<SessionRef> toList(Iterable<SessionRef> sessions) {
    List<SessionRef> list = new ArrayList<>();
    sessions.forEach(list::add);
    return list;
  }
}
