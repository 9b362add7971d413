package dev.sessionkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.EventStream;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.json.JsonValue;
import dev.sessionkit.core.spi.ClientRuntime;
import dev.sessionkit.core.spi.ServiceProfile;
import dev.sessionkit.core.spi.StreamSpec;
import dev.sessionkit.errors.StreamInterruptedException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * A live stream the sandbox cuts in the middle of a turn, read by common's stream runtime (what a
 * generated SDK's stream methods call): a Last-Event-ID stream resumes by itself and delivers each
 * event once, blocking and as a publisher; a stream resumed with a request field (a POST, not resent
 * by the runtime) ends with its cursor, and an input with {@code since} set to it delivers the rest of
 * the turn, each persisted event once.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StreamResumeAgainstSandboxTest {
  interface LabApi {
    @Streaming
    @GET("sessions/{id}/events/stream")
    Call<ResponseBody> stream(@Path("id") String id);
  }

  interface RelayApi {
    @Streaming
    @POST("v2/agents/{agent}/sessions/{session}/inputs")
    Call<ResponseBody> interact(@Path("agent") String agent, @Path("session") String session, @Body RequestBody body);
  }

  private static final StreamSpec<JsonValue> LAB = StreamSpec.builder(JsonValue.class).heartbeats("ping")
      .resumeWithLastEventId().build();

  private static ClientRuntime runtime(Sandbox sandbox, String vendor) {
    return ClientRuntime.create(ClientOptions.builder().baseUrl(sandbox.baseUrl(vendor))
        .credential(Credential.of(sandbox.credential(vendor))).build(), ServiceProfile.builder(vendor).build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(JsonValue value) {
    return (Map<String, Object>) value.toJavaValue();
  }

  /** A lab sandbox whose request {@code cut} (from 0) is a stream cut after two frames, pacing the agent. */
  private static Sandbox cutting(int cut) {
    Fault[] script = new Fault[cut + 1];
    java.util.Arrays.fill(script, Fault.NONE);
    script[cut] = Fault.STREAM_CUT;
    return Sandbox.builder().vendors(List.of(TestVendor.lab(), TestVendor.relay())).pace(1)
        .faults(FaultPlan.builder().script(script).streamCuts(0, 2).build()).start();
  }

  @Test
  void aBlockingStreamCutMidTurnResumesWithLastEventIdAndDeliversEachEventOnce() throws Exception {
    try (Sandbox sandbox = cutting(2)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = (String) lab.post("sessions", "{}").json().get("id");
      lab.post("sessions/" + id + "/events", "{\"text\":\"hi\"}");
      ClientRuntime runtime = runtime(sandbox, "lab");
      List<Object> ids = new ArrayList<>();
      try (EventStream<JsonValue> stream = runtime.stream(runtime.service(LabApi.class).stream(id), LAB, RequestOptions.NONE)) {
        Iterator<JsonValue> events = stream.iterator();
        while (ids.size() < 6 && events.hasNext()) ids.add(json(events.next()).get("id"));
      }
      assertEquals(4, sandbox.requestCount(), "create, send, the cut stream, its resume");
      List<Object> history = new ArrayList<>();
      for (Map<String, Object> e : lab.get("sessions/" + id + "/events").list("data")) history.add(e.get("id"));
      assertEquals(history, ids, "the whole turn, each event once, in order");
    }
  }

  @Test
  void aPublisherCutMidTurnResumesWithLastEventIdAndDeliversEachEventOnce() throws Exception {
    try (Sandbox sandbox = cutting(2)) {
      Http lab = Http.bearer(sandbox, "lab");
      String id = (String) lab.post("sessions", "{}").json().get("id");
      lab.post("sessions/" + id + "/events", "{\"text\":\"hi\"}");
      ClientRuntime runtime = runtime(sandbox, "lab");
      List<Object> ids = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> sixth = new CompletableFuture<>();
      runtime.streamAsync(() -> runtime.service(LabApi.class).stream(id), LAB, RequestOptions.NONE)
          .subscribe(new Flow.Subscriber<>() {
            Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
              subscription = s;
              s.request(6);
            }

            @Override
            public void onNext(JsonValue item) {
              ids.add(json(item).get("id"));
              if (ids.size() == 6) {
                subscription.cancel();
                sixth.complete(null);
              }
            }

            @Override
            public void onError(Throwable e) {
              sixth.completeExceptionally(e);
            }

            @Override
            public void onComplete() {
              sixth.complete(null);
            }
          });
      sixth.get(20, TimeUnit.SECONDS);
      List<Object> history = new ArrayList<>();
      for (Map<String, Object> e : lab.get("sessions/" + id + "/events").list("data")) history.add(e.get("id"));
      assertEquals(history, ids);
    }
  }

  @Test
  void aPostedStreamCutMidTurnEndsWithItsCursorAndSinceDeliversTheRestOnce() throws Exception {
    try (Sandbox sandbox = cutting(1)) {
      Http relay = Http.bearer(sandbox, "relay");
      relay.post("v2/agents/agt_docs/sessions", "{\"key\":\"ase_cut\"}");
      ClientRuntime runtime = runtime(sandbox, "relay");
      RelayApi api = runtime.service(RelayApi.class);
      MediaType json = MediaType.get("application/json");
      StreamSpec<JsonValue> spec = StreamSpec.builder(JsonValue.class).nameFromData("type").ends("end")
          .resumeWithRequestField(since -> api.interact("agt_docs", "ase_cut",
              RequestBody.create("{\"text\":\"hi\",\"stream\":true,\"since\":\"" + since + "\"}", json)), "event_id", "id")
          .build();
      List<Map<String, Object>> first = new ArrayList<>();
      StreamInterruptedException cut = assertThrows(StreamInterruptedException.class, () -> {
        try (EventStream<JsonValue> stream = runtime.stream(
            api.interact("agt_docs", "ase_cut", RequestBody.create("{\"text\":\"hi\",\"stream\":true}", json)), spec,
            RequestOptions.NONE)) {
          for (JsonValue event : stream) first.add(json(event));
        }
      });
      assertEquals(2, first.size(), "two whole frames before the cut");
      String cursor = cut.lastEventId();
      assertTrue(cursor == null || cursor.startsWith("aev_"), String.valueOf(cursor));
      List<Map<String, Object>> rest = new ArrayList<>();
      String since = cursor == null ? "start" : cursor;
      try (EventStream<JsonValue> stream = runtime.stream(api.interact("agt_docs", "ase_cut",
          RequestBody.create("{\"text\":\"hi\",\"stream\":true,\"since\":\"" + since + "\"}", json)), spec, RequestOptions.NONE)) {
        for (JsonValue event : stream) rest.add(json(event));
      }
      assertEquals("end", rest.get(rest.size() - 1).get("type"));
      List<Object> persisted = new ArrayList<>();
      for (Map<String, Object> e : first) if (e.get("id") != null) persisted.add(e.get("id"));
      for (Map<String, Object> e : rest) if (e.get("id") != null) persisted.add(e.get("id"));
      List<Object> turn = new ArrayList<>();
      for (Map<String, Object> e : relay.get("v2/agents/agt_docs/sessions/ase_cut/events").list("events")) turn.add(e.get("id"));
      assertEquals(turn.subList(0, 2), persisted.subList(0, 2), "the cut turn's input and output, each once");
      assertEquals(new java.util.HashSet<>(persisted).size(), persisted.size(), "no event twice");
    }
  }
}
