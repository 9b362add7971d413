package dev.sessionkit.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.core.ClientOptions;
import dev.sessionkit.core.Credential;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Call;
import retrofit2.http.DELETE;
import retrofit2.http.Header;
import retrofit2.http.Query;

/** Parameters sent as text: a date-time is RFC 3339, seconds included, whatever they are. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class QueryValuesTest {
  interface Api {
    @DELETE("items")
    Call<Void> before(@Query("created_at[lte]") OffsetDateTime createdAt, @Header("If-Unmodified-Since") OffsetDateTime since);
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

  @Test
  void aDateTimeParameterKeepsItsZeroSecondsAndItsFraction() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    ClientRuntime runtime = ClientRuntime.create(ClientOptions.builder().baseUrl(server.url("/").toString())
        .credential(Credential.of("t")).build(), ServiceProfile.builder("Test").build());
    Api api = runtime.service(Api.class);

    runtime.execute(api.before(OffsetDateTime.of(2026, 5, 18, 0, 0, 0, 0, ZoneOffset.UTC),
        OffsetDateTime.of(2026, 5, 18, 3, 40, 48, 888_851_795, ZoneOffset.ofHours(2))));

    var request = server.takeRequest();
    assertEquals("/items?created_at%5Blte%5D=2026-05-18T00%3A00%3A00Z", request.getTarget());
    assertEquals("2026-05-18T03:40:48.888851795+02:00", request.getHeaders().get("If-Unmodified-Since"));
  }
}
