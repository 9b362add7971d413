package dev.sessionkit.kafka.connect.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions a connector exports: those its configuration names, and those the vendors that have a
 * listing operation list, listed again every discovery interval. When a listing brings a session not
 * seen before, the set grows and {@code onGrowth} runs (the connector asks Connect to reconfigure its
 * tasks). Sessions are never dropped while the connector runs: a session a listing no longer shows
 * keeps its task.
 */
public final class Discovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);

  private final Map<String, SessionSource> listing;
  private final Runnable onGrowth;
  private final Set<SessionRef> sessions = new TreeSet<>();
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  /**
   * Creates the discovery of {@code named} sessions and those the {@code listing} sources list.
   *
   * @param onGrowth what to do when a listing finds a new session (called on the discovery thread)
   */
  public Discovery(Collection<SessionRef> named, Map<String, SessionSource> listing, Duration interval, Runnable onGrowth) {
    this.listing = Map.copyOf(listing);
    this.interval = interval;
    this.onGrowth = onGrowth;
    sessions.addAll(named);
  }

  /** Lists every listing vendor's sessions once, now; a vendor that fails is logged and tried again later. */
  public synchronized void listNow() {
    for (SessionSource source : listing.values()) {
      List<SessionRef> listed;
      try {
        listed = source.sessions();
      } catch (RuntimeException e) {
        LOG.warn("{}: listing its sessions failed: {}; trying again in {} ms", source.vendor(), e.getMessage(),
            interval.toMillis());
        continue;
      }
      int before = sessions.size();
      sessions.addAll(listed);
      if (sessions.size() > before) {
        LOG.info("{}: {} new sessions, {} in all", source.vendor(), sessions.size() - before, sessions.size());
      }
    }
  }

  /** Lists now, then every interval on a thread of its own, running {@code onGrowth} whenever the set grows. */
  public void start() {
    listNow();
    if (listing.isEmpty()) return;
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sessionkit-session-discovery");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::relist, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void relist() {
    int before;
    synchronized (this) {
      before = sessions.size();
    }
    listNow();
    boolean grew;
    synchronized (this) {
      grew = sessions.size() > before;
    }
    if (grew) onGrowth.run();
  }

  /** Returns every session found so far, sorted. */
  public synchronized List<SessionRef> sessions() {
    return List.copyOf(sessions);
  }

  /** Stops listing. */
  @Override
  public void close() {
    if (scheduler != null) scheduler.shutdownNow();
  }
}
