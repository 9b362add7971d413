package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import dev.sessionkit.core.RequestOptions;
import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.ResponseTooLargeException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Streaming;

/** Responses without a JSON body: none at all (a 204), and a binary body read as a bounded stream. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BodiesTest {
  interface Api {
    @DELETE("items/1")
    Call<Void> delete();

    @GET("files/1")
    @Streaming
    Call<ResponseBody> file();
  }

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientRuntime runtime(long maxResponseBytes) {
    return ClientRuntime.create(ClientOptions.builder().baseUrl(server.url("/").toString())
        .credential(Credential.of("t")).maxResponseBytes(maxResponseBytes).build(), ServiceProfile.builder("Test").build());
  }

  @Test
  void aResponseWithoutABodyAnswersWithItsStatusAndNoBody() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).addHeader("x-request-id", "req_1").build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    ClientRuntime runtime = runtime(1024);
    Api api = runtime.service(Api.class);

    RawResponse<Void> response = runtime.execute(api.delete());
    Void async = runtime.executeAsync(api::delete, RequestOptions.NONE).get(5, TimeUnit.SECONDS);

    assertEquals(204, response.status());
    assertNull(response.body());
    assertNull(async);
    assertEquals("DELETE", server.takeRequest().getMethod());
  }

  @Test
  void anErrorStatusOfAnOperationWithoutABodyIsTyped() {
    server.enqueue(new MockResponse.Builder().code(404).body("{}").build());
    ClientRuntime runtime = runtime(1024);

    assertThrows(NotFoundException.class, () -> runtime.execute(runtime.service(Api.class).delete()));
  }

  @Test
  void aBinaryBodyStreamsInAndClosingItClosesTheResponse() throws Exception {
    byte[] bytes = new byte[5000];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) i;
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(bytes)).build());
    ClientRuntime runtime = runtime(10_000);

    RawResponse<InputStream> response = runtime.download(runtime.service(Api.class).file(), RequestOptions.NONE);
    try (InputStream in = response.body()) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
    assertEquals(200, response.status());
  }

  @Test
  void aBinaryBodyPastMaxResponseBytesIsATypedErrorWhileItIsRead() throws Exception {
    server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(new byte[5000]), 512).build());
    ClientRuntime runtime = runtime(4096);

    try (InputStream in = runtime.download(runtime.service(Api.class).file(), RequestOptions.NONE).body()) {
      ResponseTooLargeException e = assertThrows(ResponseTooLargeException.class, in::readAllBytes);
      assertTrue(e.getMessage().contains("larger than maxResponseBytes (4096 bytes)"), e.getMessage());
    }
  }

  @Test
  void aBinaryBodyWhoseLengthIsPastTheLimitFailsAtOnce() {
    server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[5000])).build());
    ClientRuntime runtime = runtime(4096);

    assertThrows(ResponseTooLargeException.class, () -> runtime.download(runtime.service(Api.class).file(),
        RequestOptions.NONE));
  }

  @Test
  void theAsyncDownloadAnswersWithTheStream() throws Exception {
    server.enqueue(new MockResponse.Builder().body("abc").build());
    ClientRuntime runtime = runtime(1024);

    try (InputStream in = runtime.downloadAsync(runtime.service(Api.class)::file, RequestOptions.NONE)
        .get(5, TimeUnit.SECONDS)) {
      assertEquals("abc", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
