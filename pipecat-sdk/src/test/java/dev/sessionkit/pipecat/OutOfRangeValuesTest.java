package dev.sessionkit.pipecat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonDataException;
import dev.sessionkit.core.json.SessionkitMoshi;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.pipecat.model.SessionDetails;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A value that java.time cannot hold is a decoding failure naming its path, never a raw DateTimeException. */
class OutOfRangeValuesTest {
  private static final String BODY = "{\"resourceMetrics\":{\"timeseries\":[{\"t\":99999999999999999}]}}";
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
  void theAdapterFailsWithJsonDataExceptionNamingThePath() {
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> SessionkitMoshi.adapter(SessionDetails.class, false).fromJson(BODY));
    assertTrue(e.getMessage().contains("$.resourceMetrics.timeseries[0].t"), e.getMessage());
  }

  @Test
  void getFailsWithDecodingExceptionNamingThePath() {
    server.enqueue(Fixtures.json(200, BODY));

    DecodingException e = assertThrows(DecodingException.class,
        () -> Fixtures.clientFor(server).build().sessions().get(Fixtures.AGENT, Fixtures.SESSION_ID));

    assertTrue(e.getMessage().contains("$.resourceMetrics.timeseries[0].t"), e.getMessage());
    assertEquals(1, e.attempts());
  }

  @Test
  void getAsyncFailsTheFutureWithDecodingException() {
    server.enqueue(Fixtures.json(200, BODY));

    ExecutionException e = assertThrows(ExecutionException.class, () -> Fixtures.clientFor(server).build()
        .sessions().getAsync(Fixtures.AGENT, Fixtures.SESSION_ID).get(10, TimeUnit.SECONDS));

    assertInstanceOf(DecodingException.class, e.getCause());
  }
}
