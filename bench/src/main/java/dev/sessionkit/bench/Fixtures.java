package dev.sessionkit.bench;

import dev.sessionkit.sandbox.Sandbox;
import dev.sessionkit.sandbox.SessionIds;
import dev.sessionkit.sandbox.Vendor;
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

  /** One 100-event page of {@code SessionIds.qoderSession(1000)}. */
  public final byte[] qoderPage;
  /** One 100-event page of {@code SessionIds.agentsSession(1000)}. */
  public final byte[] agentsPage;
  /** The whole {@code SessionIds.piperSession(2000)} response. */
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
      byte[] qoder = get(http, sandbox.baseUrl(Vendor.QODER) + "sessions/" + SessionIds.qoderSession(1000)
          + "/events?limit=" + PAGE_EVENTS, "Authorization", "Bearer " + sandbox.credential(Vendor.QODER));
      byte[] agents = get(http, sandbox.baseUrl(Vendor.AGENTS_V2) + "v2/agents/" + SessionIds.AGENTS_AGENT
          + "/sessions/" + SessionIds.agentsSession(1000) + "/events?limit=" + PAGE_EVENTS,
          "x-api-key", sandbox.credential(Vendor.AGENTS_V2));
      byte[] piper = get(http, sandbox.baseUrl(Vendor.PIPER) + "v1/orgs/" + SessionIds.PIPER_ORG
          + "/responses/sessions/" + SessionIds.piperSession(PIPER_EVENTS) + "/events",
          "Authorization", "Bearer " + sandbox.credential(Vendor.PIPER));
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
