package dev.sessionkit.kafka.connect;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.kafka.connect.internal.Exporter;
import dev.sessionkit.kafka.connect.internal.Position;
import dev.sessionkit.kafka.connect.internal.Records;
import dev.sessionkit.kafka.connect.internal.SessionRef;
import dev.sessionkit.kafka.connect.internal.SessionSource;
import dev.sessionkit.kafka.connect.internal.SourceConfig;
import dev.sessionkit.kafka.connect.internal.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;

/**
 * Reads the sessions {@link SessionSourceConnector} gave it, each from its committed offset, and
 * returns their events' records in order. Connect runs it; see the connector for the configuration.
 */
public final class SessionSourceTask extends SourceTask {
  /** The longest a poll that found nothing waits before it returns, so that Connect keeps control. */
  private static final Duration MAX_IDLE = Duration.ofSeconds(1);

  private final Supplier<List<VendorDescriptor>> installed;
  private final Object idle = new Object();
  private volatile Exporter exporter;
  private volatile ExecutorService fetchers;
  private volatile boolean stopping;

  /** Creates the task; Connect calls this. */
  public SessionSourceTask() {
    this(VendorDescriptor::installed);
  }

  /** Creates a task that finds its vendors with {@code installed}; for tests. */
  SessionSourceTask(Supplier<List<VendorDescriptor>> installed) {
    this.installed = Objects.requireNonNull(installed, "installed == null");
  }

  /** Returns the version of this build. */
  @Override
  public String version() {
    return Version.VERSION;
  }

  /**
   * Opens the vendors of its sessions and reads each session's committed offset (all in one request).
   *
   * @throws ConnectException when the configuration is not valid or a stored offset is not one of this
   *     connector's; the message names the session
   */
  @Override
  public void start(Map<String, String> props) {
    SourceConfig config;
    try {
      config = new SourceConfig(props, installed.get());
    } catch (ConfigException e) {
      throw new ConnectException("invalid configuration: " + e.getMessage(), e);
    }
    String listed = props.getOrDefault(SourceConfig.TASK_SESSIONS, "");
    List<SessionRef> sessions = new ArrayList<>();
    for (String session : listed.split(",")) if (!session.isBlank()) sessions.add(SessionRef.decode(session));
    Map<String, SessionSource> sources = new HashMap<>();
    for (SessionRef session : sessions) sources.computeIfAbsent(session.vendor(), config::open);
    List<Map<String, String>> partitions = sessions.stream().map(SessionRef::partition).toList();
    Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
    Map<SessionRef, Position> positions = new LinkedHashMap<>();
    for (SessionRef session : sessions) {
      try {
        positions.put(session, Position.fromOffset(offsets == null ? null : offsets.get(session.partition())));
      } catch (IllegalArgumentException e) {
        throw new ConnectException(session + ": its stored offset is not one of this connector's: " + e.getMessage());
      }
    }
    int concurrency = config.fetchConcurrency();
    if (concurrency > 1) {
      // Named after the task's thread (Connect's task-thread-<connector>-<task>), so a thread dump shows whose they are.
      String owner = Thread.currentThread().getName();
      AtomicInteger count = new AtomicInteger();
      fetchers = Executors.newFixedThreadPool(concurrency, runnable -> {
        Thread thread = new Thread(runnable, owner + "-fetch-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    }
    exporter = new Exporter(sources, positions, new Records(config), config.batchSize(),
        Duration.ofMillis(config.pollIntervalMs()), Duration.ofMillis(config.backoffMaxMs()), System::nanoTime,
        concurrency, fetchers);
  }

  /**
   * Returns the records of whole pages of its sessions; null after waiting a while (at most a second)
   * when no session had a new event. With {@code transaction.boundary=connector}, each page is a
   * transaction of its own.
   *
   * @throws ConnectException when a page cannot be read, naming the vendor, the session and the cursor
   */
  @Override
  public List<SourceRecord> poll() throws InterruptedException {
    Exporter.Batch batch = exporter.poll();
    if (!batch.records().isEmpty()) {
      TransactionContext transactions = context.transactionContext();
      if (transactions != null) batch.pageEnds().forEach(transactions::commitTransaction);
      return batch.records();
    }
    long waitMs = Math.min(MAX_IDLE.toMillis(), Math.max(1, exporter.untilReady().toMillis()));
    synchronized (idle) {
      if (!stopping) idle.wait(waitMs);
    }
    return null;
  }

  /** Makes a poll return soon: after the page it is reading, or at once when it waits. */
  @Override
  public void stop() {
    stopping = true;
    Exporter running = exporter;
    if (running != null) running.stop();
    ExecutorService pool = fetchers;
    if (pool != null) pool.shutdown(); // fetches in flight finish; their pages are read again by the next task
    synchronized (idle) {
      idle.notifyAll();
    }
  }
}
