package dev.sessionkit.conformance.methods.head_options;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.core.http.RawResponse;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.generator.conformance.Conformance;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

public final class HeadOptionsCheck {
  private static final String SESSION = "5f0e9d4c-3b2a-4190-8e7d-6c5b4a392817";

  private static ConformanceClient client(Conformance c) {
    return ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();
  }

  public void headSendsHeadAndAnswersTheHeadersWithNoBody(Conformance c) {
    c.server().enqueue(new MockResponse.Builder().code(200).addHeader("X-Bot-State", "ready")
        .addHeader("Content-Length", "42").build());

    RawResponse<Void> raw = client(c).proxy().withRawResponse().head(SESSION, "status");

    assertEquals(200, raw.status());
    assertEquals("ready", raw.headers().get("X-Bot-State"));
    assertNull(raw.body());
    RecordedRequest request = c.request();
    assertEquals("HEAD", request.getMethod());
    assertEquals("/sessions/" + SESSION + "/status", request.getTarget());
    assertEquals("Bearer t", request.getHeaders().get("Authorization"));
  }

  public void optionsSendsOptionsAndAHeadNotFoundIsTyped(Conformance c) throws Exception {
    c.server().enqueue(new MockResponse.Builder().code(200).addHeader("Allow", "GET, POST").build());
    c.server().enqueue(new MockResponse.Builder().code(404).build());

    client(c).proxy().optionsAsync(SESSION, "status").get(10, TimeUnit.SECONDS);
    assertThrows(NotFoundException.class, () -> client(c).proxy().head(SESSION, "gone"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> client(c).proxy().options(SESSION, "a/b"));

    assertEquals("OPTIONS", c.request().getMethod());
    assertEquals("HEAD", c.request().getMethod());
    assertEquals("path must match ^[^/]+$ (got \"a/b\")", bad.getMessage());
  }
}
