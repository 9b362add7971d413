package dev.sessionkit.bench;

import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SandboxSession;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The benchmarks' inputs: response bodies served by the sandbox with seed 42, fetched once with
 * plain OkHttp, so that every decoder reads the very same bytes.
 */
public final class Fixtures {
  /** The sandbox seed the measurements use. */
  public static final long SEED = 42;
  /** Events on the Qoder and Agents API v2 pages (both APIs' maximum page size). */
  public static final int PAGE_EVENTS = 100;
  /** Events in the large Piper session (one response, all runs). */
  public static final int PIPER_EVENTS = 2_000;

  static final MediaType JSON = MediaType.get("application/json");

  /** One 100-event page of the sandbox's generated Qoder session of 1,000 events. */
  public final byte[] qoderPage;
  /** One 100-event page of the sandbox's generated Agents API v2 session of 1,000 events. */
  public final byte[] agentsPage;
  /** The whole response of the sandbox's generated Piper session of {@value #PIPER_EVENTS} events. */
  public final byte[] piperSession;

  private Fixtures(byte[] qoderPage, byte[] agentsPage, byte[] piperSession) {
    this.qoderPage = qoderPage;
    this.agentsPage = agentsPage;
    this.piperSession = piperSession;
  }

  /** Starts a seed-42 sandbox, fetches the three bodies and stops it. */
  public static Fixtures load() {
    try (Sandbox sandbox = Sandbox.builder().seed(SEED).start()) {
      OkHttpClient http = new OkHttpClient();
      SandboxSession qoderSession = sandbox.session("qoder", 1000);
      byte[] qoder = get(http, sandbox.baseUrl("qoder") + "sessions/" + qoderSession.id()
          + "/events?limit=" + PAGE_EVENTS, "Authorization", "Bearer " + sandbox.credential("qoder"));
      SandboxSession agentsSession = sandbox.session("agents-v2", 1000);
      byte[] agents = get(http, sandbox.baseUrl("agents-v2") + "v2/agents/" + agentsSession.parameter("agent_key")
          + "/sessions/" + agentsSession.id() + "/events?limit=" + PAGE_EVENTS,
          "x-api-key", sandbox.credential("agents-v2"));
      SandboxSession piperSession = sandbox.session("piper", PIPER_EVENTS);
      byte[] piper = get(http, sandbox.baseUrl("piper") + "v1/orgs/" + piperSession.parameter("org_id")
          + "/responses/sessions/" + piperSession.id() + "/events",
          "Authorization", "Bearer " + sandbox.credential("piper"));
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
      return new Fixtures(qoder, agents, piper);
    }
  }

  private static byte[] get(OkHttpClient http, String url, String header, String value) {
    Request request = new Request.Builder().url(url).header(header, value).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.code() != 200) throw new IllegalStateException(url + " answered " + response.code());
      return response.body().bytes();
    } catch (IOException e) {
      throw new IllegalStateException(url, e);
    }
  }

  /** Returns the source of a fresh OkHttp {@link ResponseBody} over {@code bytes}, as a call would. */
  public static BufferedSource body(byte[] bytes) {
    return ResponseBody.create(bytes, JSON).source();
  }
}
