package dev.sessionkit.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** What an API exception says and keeps. */
class ApiExceptionTest {

  @Test
  void messageNamesStatusCodeMessageAndRequestId() {
    ApiException e = new NotFoundException(404, new ErrorDetails("not_found_error", "Session does not exist", null),
        "req_1", Headers.of(), "{}", 1, null);
    assertEquals("HTTP 404 not_found_error: Session does not exist [request id req_1]", e.getMessage());
  }

  @Test
  void requestIdFallsBackToTheBodys() {
    ApiException e = new PermissionDeniedException(403, new ErrorDetails(null, "no", "body-id"), null, Headers.of(), null, 1, null);
    assertEquals("body-id", e.requestId());
  }

  @Test
  void bodyIsTruncated() {
    ApiException e = new ServerException(500, ErrorDetails.NONE, null, Headers.of(), "z".repeat(5000), 3, null);
    assertEquals(ApiException.MAX_BODY_CHARS + 1, e.body().length());
    assertEquals("HTTP 500 (after 3 attempts)", e.getMessage());
  }

  @Test
  void survivesSerializationWithItsRetryAfter() throws Exception {
    ApiException e = new RateLimitException(429, new ErrorDetails("rate_limit", "slow down", null), "req_2",
        Headers.of("Retry-After", "7"), "{}", 3, Duration.ofSeconds(7));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    Object copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = in.readObject();
    }

    RateLimitException back = assertInstanceOf(RateLimitException.class, copy);
    assertEquals(Optional.of(Duration.ofSeconds(7)), back.retryAfter());
    assertEquals("rate_limit", back.errorCode());
    assertEquals(3, back.attempts());
    assertEquals(Headers.of(), back.headers());
  }
}
