package dev.sessionkit.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.agents.AgentsClient;
import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.kafka.connect.internal.Assignment;
import dev.sessionkit.kafka.connect.internal.Records;
import dev.sessionkit.kafka.connect.internal.SessionRef;
import dev.sessionkit.kafka.connect.internal.SessionSource;
import dev.sessionkit.kafka.connect.internal.SourceConfig;
import dev.sessionkit.qoder.QoderClient;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SandboxSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.errors.ConnectRestException;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The connector in a Connect cluster in this JVM (Kafka's EmbeddedConnectCluster: one KRaft broker,
 * two workers with exactly-once source support, no Docker) reading the sandbox through two vendors'
 * SDKs: 1,000 sessions of 100 events (500 Qoder, 500 Agents API v2) reach their topics, each session
 * in order, with one task and with two; a worker stopped while its task is stuck in a vendor call
 * loses no event and duplicates none; the committed offsets come back over the REST API; and no
 * credential appears in the workers' REST answers or their logs. One cluster for the whole class.
 *
 * <p>Each export's throughput is printed with the machine's load, beside a single-process sessionkit
 * paging loop over the same sessions (and appended to target/kafka-connect-figures.txt).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectClusterExportTest {
  private static final String QODER = "qoder";
  private static final String AGENTS = "agents-v2";
  private static final int PER_VENDOR = Integer.getInteger("sessionkit.connect.sessions", 500);
  private static final int EVENTS = 100;
  private static final int SESSIONS = 2 * PER_VENDOR;
  private static final long TOTAL = (long) SESSIONS * EVENTS;
  private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(90);
  /**
   * -Dsessionkit.connect.mode=at-least-once runs the same scenarios on workers without exactly-once
   * support, to show what the stuck-task scenario tells apart: there, the duplicates are counted,
   * not refused.
   */
  private static final boolean EXACTLY_ONCE = !"at-least-once".equals(System.getProperty("sessionkit.connect.mode"));

  private final String qoderSecret = "pt-" + UUID.randomUUID();
  private final String agentsSecret = "zut_" + UUID.randomUUID().toString().replace("-", "");
  private Sandbox sandbox;
  private StallingProxy proxy;
  private EmbeddedConnectCluster connect;
  private Path secrets;
  private LogScan logs;
  private final List<String> figures = new ArrayList<>();

  @BeforeAll
  void start() throws IOException {
    sandbox = Sandbox.builder().credential(QODER, qoderSecret).credential(AGENTS, agentsSecret).start();
    proxy = new StallingProxy(sandbox.port());
    secrets = Files.createTempFile("sessionkit-secrets", ".properties");
    Files.writeString(secrets, "qoder=" + qoderSecret + "\nagents=" + agentsSecret + "\n");
    logs = LogScan.attach(List.of(qoderSecret, agentsSecret));
    Properties broker = new Properties();
    // One broker: the transaction log must not ask for three replicas, or the cluster never starts.
    broker.put("transaction.state.log.replication.factor", "1");
    broker.put("transaction.state.log.min.isr", "1");
    Map<String, String> worker = new HashMap<>();
    worker.put("exactly.once.source.support", EXACTLY_ONCE ? "enabled" : "disabled");
    worker.put("plugin.discovery", "service_load"); // the builder's hybrid_fail scans the class path: 7 s a worker
    worker.put("task.shutdown.graceful.timeout.ms", "1000"); // how long a stopping worker waits for a stuck task
    worker.put("scheduled.rebalance.max.delay.ms", "0");
    worker.put("offset.flush.interval.ms", "1000");
    // A transaction begun right after a commit meets CONCURRENT_TRANSACTIONS until the broker has written
    // the markers; the producer retries after retry.backoff.ms (100 ms by default), once per transaction.
    worker.put("producer.retry.backoff.ms", System.getProperty("sessionkit.connect.backoff", "10"));
    worker.put("config.providers", "file");
    worker.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
    connect = new EmbeddedConnectCluster.Builder().name("sessionkit-connect").numWorkers(2).numBrokers(1)
        .brokerProps(broker).workerProps(worker).build();
    long started = System.nanoTime();
    connect.start(); // a failed start still leaves threads: stop() runs in @AfterAll either way
    figure("cluster started in %d ms", millisSince(started));
  }

  @AfterEach
  void twoWorkers() {
    while (connect.workers().size() < 2) connect.addWorker();
  }

  @AfterAll
  void stop() throws IOException {
    if (proxy != null) proxy.release();
    long stopping = System.nanoTime();
    try {
      if (connect != null) connect.stop();
    } finally {
      figure("cluster stopped in %d ms", millisSince(stopping));
      if (proxy != null) proxy.close();
      if (sandbox != null) sandbox.close();
      if (logs != null) logs.detach();
      if (secrets != null) Files.deleteIfExists(secrets);
      Path out = Path.of(System.getProperty("user.dir"), "target", "kafka-connect-figures.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, String.join("\n", figures) + "\n", StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  /** Runs connector {@code name} with {@code tasks} tasks to the end of every session, reports its rate and checks every record. */
  private void export(Checker checker, String name, int tasks, String label) throws Exception {
    long started = System.nanoTime();
    connect.configureConnector(name, connector(name, tasks));
    checker.awaitAll();
    long ms = TimeUnit.NANOSECONDS.toMillis(checker.lastRecordAt - started);
    figure("%s: %d events in %d ms = %.0f events/s from the connector's creation; %.0f events/s from the first"
        + " record to the last (%s)", label, checker.records, ms, checker.records * 1000.0 / ms, checker.steadyRate(),
        settings(name));
    checker.assertComplete();
    if (EXACTLY_ONCE) assertEquals(0, checker.duplicates);
  }

  @Test
  @Order(1)
  void aThousandSessionsOfTwoVendorsReachTheirTopicsInOrderWithOneTask() throws Exception {
    String name = "one-task";
    try (Checker checker = new Checker(name)) {
      export(checker, name, 1, "1 task");

      // The credentials came through the file config provider: what the REST API returns keeps the placeholder.
      for (String resource : List.of("connectors/" + name + "/config", "connectors/" + name + "/tasks")) {
        String body = get(resource);
        assertFalse(body.contains(qoderSecret) || body.contains(agentsSecret), resource + " shows a credential");
        assertTrue(body.contains("${file:" + secrets + ":qoder}"), resource + ": " + body.substring(0, 200));
      }
      connect.deleteConnector(name);
    }
  }

  @Test
  @Order(2)
  void twoTasksShareTheSessions() throws Exception {
    String name = "two-tasks";
    try (Checker checker = new Checker(name)) {
      export(checker, name, 2, "2 tasks");
      assertEquals(2, connect.connectorStatus(name).tasks().size());
      connect.deleteConnector(name);
    }
  }

  /**
   * Task 0 hangs in a vendor call (a page whose answer a relay in front of the sandbox holds back:
   * the fetch blocks in a socket read, which ignores interrupts) and its worker is stopped: the worker gives up on it after
   * task.shutdown.graceful.timeout.ms, and the other worker runs it again from its last committed
   * offset. Then the answer comes and the zombie polls its page: exactly-once fences its producer, so
   * the topic has every event once. (A graceful stop alone would prove nothing: the framework commits
   * a stopping task's offsets in either mode.)
   */
  @Test
  @Order(3)
  void aWorkerStoppedWhileItsTaskIsStuckLosesNoEventAndDuplicatesNone() throws Exception {
    String name = "failover";
    Map<String, String> config = connector(name, 2);
    config.put("vendor.qoder.base.url", proxy.baseUrl(sandbox.baseUrl(QODER)));
    config.put("vendor.agents-v2.base.url", proxy.baseUrl(sandbox.baseUrl(AGENTS)));
    // Task 0's sessions, dealt as the connector deals them.
    List<String> taskZero = Assignment.spread(sessions(), 2).get(0).stream().map(SessionRef::id).toList();
    try (Checker checker = new Checker(name)) {
      long started = System.nanoTime();
      connect.configureConnector(name, config);
      while (checker.distinct() < TOTAL / 3 && System.nanoTime() - started < EXPORT_TIMEOUT.toNanos()) checker.pollOnce();
      proxy.arm(request -> taskZero.stream().anyMatch(session -> request.contains("/" + session + "/")));
      long armed = System.nanoTime();
      while (!proxy.awaitHung(50, TimeUnit.MILLISECONDS)) {
        checker.pollOnce();
        assertTrue(System.nanoTime() - armed < TimeUnit.SECONDS.toNanos(30), "task 0 never fetched a page");
      }
      String victimId = status(name).tasks().stream().filter(task -> task.id() == 0).findFirst().orElseThrow().workerId();
      WorkerHandle victim = connect.workers().stream()
          .filter(w -> (w.url().getHost() + ":" + w.url().getPort()).equals(victimId)).findFirst().orElseThrow();
      long stopping = System.nanoTime();
      connect.removeWorker(victim);
      figure("failover: task 0 stuck at %d of %d events; its worker stopped in %d ms", checker.distinct(), TOTAL,
          millisSince(stopping));
      checker.awaitAll();
      proxy.release(); // the zombie gets its page and tries to write it
      long extra = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      while (System.nanoTime() < extra) checker.pollOnce();
      figure("failover: all %d events %d ms after the start; longest stall %d ms; duplicates %d; the stuck call answered: %s",
          checker.distinct(), TimeUnit.NANOSECONDS.toMillis(checker.lastRecordAt - started), checker.maxStallMs,
          checker.duplicates, proxy.answered());
      checker.assertComplete();
      assertTrue(proxy.answered(), "the zombie's call went on");
      if (EXACTLY_ONCE) assertEquals(0, checker.duplicates, "exactly-once: no event twice");
    }

    // KIP-875: the committed offsets, typed and as JSON.
    long asked = System.nanoTime();
    ConnectorOffsets offsets = connect.connectorOffsets(name);
    figure("offsets REST: %d partitions in %d ms", offsets.offsets().size(), millisSince(asked));
    long empty = offsets.offsets().stream().filter(offset -> offset.offset() == null).count();
    assertEquals(0, empty, "partitions listed without their offset (a partition whose key order Connect's JSON round trip changes)");
    assertEquals(SESSIONS, offsets.offsets().size());
    for (ConnectorOffset offset : offsets.offsets()) {
      assertEquals((long) EVENTS, ((Number) offset.offset().get("events")).longValue(), offset.partition().toString());
      assertEquals((long) EVENTS, ((Number) offset.offset().get("seen")).longValue(), offset.partition().toString());
    }
    String json = get("connectors/" + name + "/offsets");
    assertEquals(SESSIONS, json.split("\"partition\":", -1).length - 1);
    assertTrue(json.contains("\"session\":\"ase_sandbox_100_0\""), json.substring(0, 300));
    connect.deleteConnector(name);
  }

  /** The same export as one process paging through every session with the SDKs, for the throughput figures. */
  @Test
  @Order(4)
  void aSingleProcessPagingLoopOverTheSameSessions() {
    QoderClient qoder = QoderClient.builder().fromEnv(sandbox.environment()).build();
    AgentsClient agents = AgentsClient.builder().fromEnv(sandbox.environment()).build();
    long started = System.nanoTime();
    long events = 0;
    for (int i = 0; i < PER_VENDOR; i++) {
      events += qoder.sessions().streamEvents(sandbox.session(QODER, EVENTS, i).id()).count();
      SandboxSession session = sandbox.session(AGENTS, EVENTS, i);
      events += agents.sessions().streamEvents(session.parameter("agent_key"), session.id()).count();
    }
    long ms = Math.max(1, millisSince(started));
    figure("single-process paging loop (SDK iterateEvents, one thread): %d events in %d ms = %.0f events/s", events, ms,
        events * 1000.0 / ms);
    assertEquals(TOTAL, events);

    // The connector's own read path (descriptor, pages from a cursor, transcript items), one thread, no Kafka.
    Map<String, String> props = connector("loop", 1);
    props.put("vendor.qoder.credential", qoderSecret);
    props.put("vendor.agents-v2.credential", agentsSecret);
    SourceConfig config = new SourceConfig(props,
        VendorDescriptor.installed());
    Map<String, SessionSource> sources = Map.of("qoder", config.open("qoder"),
        "agents-v2", config.open("agents-v2"));
    List<SessionRef> all = sessions();
    started = System.nanoTime();
    long read = 0;
    for (SessionRef session : all) {
      String cursor = null;
      do {
        SessionSource.EventPage page = sources.get(session.vendor()).page(session, cursor);
        read += page.events().size();
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    ms = Math.max(1, millisSince(started));
    figure("single-process loop over the connector's read path (descriptor pages + transcript items, one thread): %d events"
        + " in %d ms = %.0f events/s", read, ms, read * 1000.0 / ms);
    assertEquals(TOTAL, read);
  }

  @Test
  @Order(5)
  void noLogLineHoldsACredential() {
    figure("log lines read at INFO and above: %d", logs.lines());
    assertTrue(logs.lines() > 100, "the scan reads the workers' logs");
    assertEquals(List.of(), logs.leaks());
  }

  /** The exported sessions: numbered copies of the sandbox's generated session of {@value #EVENTS} events, per vendor. */
  private List<SessionRef> sessions() {
    List<SessionRef> sessions = new ArrayList<>();
    for (int i = 0; i < PER_VENDOR; i++) {
      sessions.add(new SessionRef(QODER, null, sandbox.session(QODER, EVENTS, i).id()));
      SandboxSession agents = sandbox.session(AGENTS, EVENTS, i);
      sessions.add(new SessionRef(AGENTS, agents.parameter("agent_key"), agents.id()));
    }
    return sessions;
  }

  private Map<String, String> connector(String name, int tasks) {
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", SessionSourceConnector.class.getName());
    config.put("tasks.max", String.valueOf(tasks));
    config.put("vendors", "qoder,agents-v2");
    config.put("topic", name + ".{vendor}");
    config.put("vendor.qoder.credential", "${file:" + secrets + ":qoder}");
    config.put("vendor.qoder.base.url", sandbox.baseUrl(QODER));
    config.put("vendor.qoder.sessions", IntStream.range(0, PER_VENDOR)
        .mapToObj(i -> sandbox.session(QODER, EVENTS, i).id()).collect(Collectors.joining(",")));
    config.put("vendor.agents-v2.credential", "${file:" + secrets + ":agents}");
    config.put("vendor.agents-v2.base.url", sandbox.baseUrl(AGENTS));
    config.put("vendor.agents-v2.sessions", IntStream.range(0, PER_VENDOR)
        .mapToObj(i -> sandbox.session(AGENTS, EVENTS, i)).map(session -> session.parameter("agent_key") + "/" + session.id())
        .collect(Collectors.joining(",")));
    config.put("page.size", "100");
    // Knobs for measuring (the defaults otherwise): -Dsessionkit.connect.batch=5000 -Dsessionkit.connect.fetch=1
    if (System.getProperty("sessionkit.connect.batch") != null) config.put("batch.size", System.getProperty("sessionkit.connect.batch"));
    if (System.getProperty("sessionkit.connect.fetch") != null) config.put("fetch.concurrency", System.getProperty("sessionkit.connect.fetch"));
    config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    config.put("value.converter.schemas.enable", "false");
    if (EXACTLY_ONCE) config.put("exactly.once.support", "required");
    config.put("transaction.boundary", System.getProperty("sessionkit.connect.boundary", "poll"));
    config.put("transaction.boundary.interval.ms", "500"); // read with -Dsessionkit.connect.boundary=interval only
    return config;
  }

  private String settings(String name) {
    Map<String, String> config = connector(name, 1);
    return (EXACTLY_ONCE ? "exactly-once" : "at-least-once") + ", transaction.boundary=" + config.get("transaction.boundary") + ", batch.size="
        + config.getOrDefault("batch.size", "default") + ", fetch.concurrency=" + config.getOrDefault("fetch.concurrency", "default");
  }

  private ConnectorStateInfo status(String name) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return connect.connectorStatus(name);
      } catch (ConnectRestException notYet) { // 404 until the status topic has the connector
        if (System.nanoTime() > deadline) throw notYet;
        Thread.sleep(100);
      }
    }
  }

  private String get(String resource) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(connect.endpointForResource(resource))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), resource + ": " + response.body());
    return response.body();
  }

  private void figure(String format, Object... args) {
    String load;
    try {
      load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      load = "?";
    }
    String line = String.format("[kafka-connect %s, load %s] ", java.time.LocalTime.now().withNano(0), load)
        + String.format(format, args);
    figures.add(line);
    System.out.println(line);
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }

  /**
   * Reads a connector's two topics with read_committed, keeping each session's last position: a
   * position at or below it is a duplicate, one beyond the next a gap.
   */
  private final class Checker implements AutoCloseable {
    final KafkaConsumer<byte[], byte[]> consumer;
    final Map<String, Long> last = new HashMap<>();
    long records;
    long duplicates;
    long gaps;
    long firstRecordAt;
    long lastRecordAt;
    long maxStallMs;

    Checker(String name) {
      String qoderTopic = name + ".qoder";
      String agentsTopic = name + ".agents-v2";
      connect.kafka().createTopic(qoderTopic, 4);
      connect.kafka().createTopic(agentsTopic, 4);
      Map<String, Object> props = new HashMap<>();
      props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
      props.put(ConsumerConfig.GROUP_ID_CONFIG, "checker-" + name);
      consumer = connect.kafka().createConsumerAndSubscribeTo(props, qoderTopic, agentsTopic);
      pollOnce(); // joins the group before the export starts
    }

    void pollOnce() {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        String session = header(record, Records.VENDOR_HEADER) + "/" + new String(record.key(), StandardCharsets.UTF_8);
        long position = Long.parseLong(header(record, Records.POSITION_HEADER));
        long previous = last.getOrDefault(session, -1L);
        if (position <= previous) duplicates++;
        else if (position != previous + 1) gaps++;
        last.put(session, Math.max(previous, position));
        records++;
        long now = System.nanoTime();
        if (firstRecordAt == 0) firstRecordAt = now;
        if (lastRecordAt != 0) maxStallMs = Math.max(maxStallMs, TimeUnit.NANOSECONDS.toMillis(now - lastRecordAt));
        lastRecordAt = now;
      }
    }

    double steadyRate() {
      return records * 1e9 / Math.max(1, lastRecordAt - firstRecordAt);
    }

    long distinct() {
      return last.values().stream().mapToLong(position -> position + 1).sum();
    }

    void awaitAll() {
      long deadline = System.nanoTime() + EXPORT_TIMEOUT.toNanos();
      while (distinct() < TOTAL && System.nanoTime() < deadline) pollOnce();
      long extra = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500); // late duplicates
      while (System.nanoTime() < extra) pollOnce();
    }

    void assertComplete() {
      figure("checked: %d records, %d distinct, %d duplicates, %d gaps, %d sessions", records, distinct(), duplicates, gaps,
          last.size());
      assertEquals(SESSIONS, last.size());
      assertEquals(TOTAL, distinct());
      assertEquals(0, gaps, "each session in order, none skipped");
    }

    private String header(ConsumerRecord<byte[], byte[]> record, String key) {
      Header header = record.headers().lastHeader(key);
      return new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      consumer.close();
    }
  }
}
