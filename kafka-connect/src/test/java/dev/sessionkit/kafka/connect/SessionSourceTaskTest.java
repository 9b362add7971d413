package dev.sessionkit.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.vendor.VendorDescriptor;
import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SandboxSession;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/** The task, through the stand-in descriptors of two real SDKs: against the sandbox and a broken server. */
class SessionSourceTaskTest {
  private final List<VendorDescriptor> installed = VendorDescriptor.installed();

  /** A task context whose stored offsets and transaction requests the test sets and reads. */
  static final class Context implements SourceTaskContext {
    final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();
    final List<SourceRecord> commits = new ArrayList<>();
    boolean connectorBoundaries;
    OffsetStorageReader reader;

    @Override
    public Map<String, String> configs() {
      return Map.of();
    }

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
      return null;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
      if (reader != null) return reader;
      return new OffsetStorageReader() {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
          return offsets.get(partition);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
          Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
          for (Map<String, T> partition : partitions) found.put(partition, offsets.get(partition));
          return found;
        }
      };
    }

    @Override
    public TransactionContext transactionContext() {
      if (!connectorBoundaries) return null;
      return new TransactionContext() {
        @Override
        public void commitTransaction() {
          throw new AssertionError("the task asks for a commit after a record");
        }

        @Override
        public void commitTransaction(SourceRecord record) {
          commits.add(record);
        }

        @Override
        public void abortTransaction() {
          throw new AssertionError();
        }

        @Override
        public void abortTransaction(SourceRecord record) {
          throw new AssertionError();
        }
      };
    }
  }

  private SessionSourceTask task(Context context, Map<String, String> props) {
    SessionSourceTask task = new SessionSourceTask(() -> installed);
    task.initialize(context);
    task.start(props);
    return task;
  }

  private static Map<String, String> props(Sandbox sandbox, String sessions) {
    Map<String, String> props = new HashMap<>();
    props.put("vendors", "qoder,agents-v2");
    props.put("topic", "sessions");
    props.put("vendor.qoder.credential", sandbox.credential("qoder"));
    props.put("vendor.qoder.base.url", sandbox.baseUrl("qoder"));
    props.put("vendor.agents-v2.credential", sandbox.credential("agents-v2"));
    props.put("vendor.agents-v2.base.url", sandbox.baseUrl("agents-v2"));
    props.put("page.size", "40");
    props.put("task.sessions", sessions);
    return props;
  }

  private static List<SourceRecord> drain(SessionSourceTask task, int expected) throws InterruptedException {
    List<SourceRecord> records = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (records.size() < expected && System.nanoTime() < deadline) {
      List<SourceRecord> batch = task.poll();
      if (batch != null) records.addAll(batch);
    }
    return records;
  }

  @Test
  void readsEachSessionOfTwoVendorsInOrderAndResumesFromTheCommittedOffset() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      String qoder = sandbox.session("qoder", 100, 1).id();
      SandboxSession agentsSession = sandbox.session("agents-v2", 90, 1);
      String agents = agentsSession.id();
      String agent = agentsSession.parameter("agent_key");
      Map<String, String> props = props(sandbox, "qoder:" + qoder + ",agents-v2:" + agent + "/" + agents);
      Context context = new Context();
      SessionSourceTask task = task(context, props);
      List<SourceRecord> records = drain(task, 190);
      task.stop();

      assertEquals(190, records.size());
      List<SourceRecord> ofQoder = records.stream().filter(r -> r.key().equals(qoder)).toList();
      assertEquals(100, ofQoder.size());
      for (int i = 0; i < ofQoder.size(); i++) assertEquals((long) i, ((Struct) ofQoder.get(i).value()).getInt64("position"));
      Struct agentsEntry = (Struct) records.stream().filter(r -> r.key().equals(agents)).findFirst().orElseThrow().value();
      assertEquals(agent, agentsEntry.getString("agent"));
      assertEquals("user_message", agentsEntry.getString("kind"));

      // The 50th Qoder record was the last one committed: a new task goes on with the 51st.
      SourceRecord committed = ofQoder.get(49);
      context.offsets.put(committed.sourcePartition(), new HashMap<>(committed.sourceOffset()));
      SessionSourceTask resumed = task(context, props(sandbox, "qoder:" + qoder));
      List<SourceRecord> rest = drain(resumed, 50);
      resumed.stop();
      assertEquals(ofQoder.subList(50, 100).stream().map(r -> ((Struct) r.value()).getString("event_id")).toList(),
          rest.stream().map(r -> ((Struct) r.value()).getString("event_id")).toList());
    }
  }

  @Test
  void withConnectorDefinedBoundariesEachPageIsATransaction() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      Context context = new Context();
      context.connectorBoundaries = true;
      SessionSourceTask task = task(context, props(sandbox, "qoder:" + sandbox.session("qoder", 100, 2).id()));
      List<SourceRecord> records = drain(task, 100);
      task.stop();

      assertEquals(List.of(records.get(39), records.get(79), records.get(99)), context.commits);
    }
  }

  @Test
  void aRateLimitBeyondTheSdksRetriesPausesTheVendorAndTheTaskGoesOnAfterItsRetryAfter() throws Exception {
    // The first request is answered 429 with Retry-After: 2; with no SDK retries, the task backs off.
    dev.sessionkit.sandbox.FaultPlan faults = dev.sessionkit.sandbox.FaultPlan.builder()
        .rateLimited(0, java.time.Duration.ofSeconds(2)).script(dev.sessionkit.sandbox.Fault.RATE_LIMITED).build();
    try (Sandbox sandbox = Sandbox.builder().faults(faults).start()) {
      Map<String, String> props = props(sandbox, "qoder:" + sandbox.session("qoder", 100, 4).id());
      props.put("max.retries", "0");
      props.put("fetch.concurrency", "1");
      SessionSourceTask task = task(new Context(), props);
      long started = System.nanoTime();

      assertNull(task.poll(), "rate-limited: nothing yet, and no failure");
      List<SourceRecord> records = drain(task, 100);
      task.stop();

      assertEquals(100, records.size());
      assertTrue(System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(2), "waited for Retry-After");
      assertEquals(4, sandbox.requestCount(), "the 429, then the session's three pages of 40");
    }
  }

  @Test
  void aMalformedPageFailsTheTaskNamingTheVendorTheSessionAndTheCursor() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"data\":\"not a list\",\"has_more\":false}").build());
      server.start();
      Map<String, String> props = new HashMap<>(Map.of("vendors", "qoder", "topic", "sessions",
          "vendor.qoder.credential", "pt-1", "vendor.qoder.base.url", server.url("/api/v1/cloud/").toString(),
          "task.sessions", "qoder:sess_broken"));
      Context context = new Context();
      context.offsets.put(Map.of("vendor", "qoder", "session", "sess_broken"),
          Map.of("cursor", "evt_0000000000000007", "seen", 0L, "events", 8L));
      SessionSourceTask task = task(context, props);

      ConnectException e = assertThrows(ConnectException.class, task::poll);

      assertTrue(e.getMessage().startsWith("qoder session sess_broken: the page at cursor evt_0000000000000007 could not be"
          + " read: "), e.getMessage());
      assertEquals("/api/v1/cloud/sessions/sess_broken/events?limit=100&after_id=evt_0000000000000007",
          server.takeRequest().getTarget());
    }
  }

  @Test
  void aStoredOffsetThatIsNotThisConnectorsFailsTheStartNamingTheSession() {
    Context context = new Context();
    context.offsets.put(Map.of("vendor", "qoder", "session", "sess_1"), Map.of("position", 3L));
    ConnectException e = assertThrows(ConnectException.class, () -> task(context, Map.of("vendors", "qoder",
        "topic", "t", "vendor.qoder.credential", "pt", "task.sessions", "qoder:sess_1")));
    assertEquals("qoder session sess_1: its stored offset is not one of this connector's: seen must be a whole number of"
        + " events, 0 or more (got null)", e.getMessage());
  }

  @Test
  void stopEndsAPollThatWaitsForNewEvents() throws Exception {
    try (Sandbox sandbox = Sandbox.start()) {
      SessionSourceTask task = task(new Context(), props(sandbox, "qoder:" + sandbox.session("qoder", 3, 1).id()));
      assertEquals(3, drain(task, 3).size());
      CompletableFuture<List<SourceRecord>> idle = CompletableFuture.supplyAsync(() -> {
        try {
          return task.poll();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(100);
      long stopped = System.nanoTime();
      task.stop();
      assertNull(idle.get(5, TimeUnit.SECONDS));
      assertTrue(System.nanoTime() - stopped < TimeUnit.MILLISECONDS.toNanos(900), "woken, not timed out");
    }
  }

  /**
   * Connect finds a stored offset by the bytes of its partition as the offset key converter writes
   * them (OffsetStorageWriter and OffsetStorageReaderImpl both key by converter.fromConnectData of
   * [connector, partition]), so the partition a task asks for must serialize exactly as the one its
   * records carried. The reader here keys its store the same way, with the JSON converter the workers use.
   */
  @Test
  void aNewTaskFindsTheOffsetConnectStoredForItsRecordsPartition() throws Exception {
    org.apache.kafka.connect.json.JsonConverter keys = new org.apache.kafka.connect.json.JsonConverter();
    keys.configure(Map.of("schemas.enable", "false"), true);
    Map<java.nio.ByteBuffer, Map<String, Object>> store = new HashMap<>();
    java.util.function.Function<Map<String, ?>, java.nio.ByteBuffer> key =
        partition -> java.nio.ByteBuffer.wrap(keys.fromConnectData("export", null, List.of("export", partition)));
    try (Sandbox sandbox = Sandbox.start()) {
      SandboxSession session = sandbox.session("agents-v2", 100, 3);
      String sessions = "agents-v2:" + session.parameter("agent_key") + "/" + session.id();
      List<SourceRecord> records = drain(task(new Context(), props(sandbox, sessions)), 100);
      // Where Connect reads partitions back (the offsets REST API), its JSON converter rebuilds them and
      // writes them again: the bytes must not change, or the offset is not found.
      byte[] written = keys.fromConnectData("export", null, List.of("export", records.get(49).sourcePartition()));
      Object readBack = keys.toConnectData("export", written).value();
      assertEquals(new String(written, java.nio.charset.StandardCharsets.UTF_8),
          new String(keys.fromConnectData("export", null, readBack), java.nio.charset.StandardCharsets.UTF_8));
      store.put(key.apply(records.get(49).sourcePartition()), new HashMap<>(records.get(49).sourceOffset()));
      Context context = new Context();
      context.reader = new OffsetStorageReader() {
        @Override
        public <T> Map<String, Object> offset(Map<String, T> partition) {
          return store.get(key.apply(partition));
        }

        @Override
        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
          Map<Map<String, T>, Map<String, Object>> found = new HashMap<>();
          for (Map<String, T> partition : partitions) found.put(partition, store.get(key.apply(partition)));
          return found;
        }
      };

      List<SourceRecord> rest = drain(task(context, props(sandbox, sessions)), 50);

      assertEquals(50, rest.size());
      assertEquals(50L, ((Struct) rest.get(0).value()).getInt64("position"));
    }
  }
}
