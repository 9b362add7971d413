package dev.sessionkit.core.internal.http;

import dev.sessionkit.errors.ApiException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.ConflictException;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PermissionDeniedException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.UnexpectedStatusException;
import dev.sessionkit.errors.UnprocessableEntityException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * Turns an error response into the exception of its status family, with the vendor's code and
 * message read by its error envelope, the request id, the start of the body and {@code Retry-After}.
 */
final class ErrorMapper {
  /** How much of an error body is read: enough for any envelope, bounded whatever the server sends. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  private final BiFunction<Integer, String, ErrorDetails> parser;
  private final RequestIds requestIds;
  private final Clock clock;

  ErrorMapper(BiFunction<Integer, String, ErrorDetails> parser, RequestIds requestIds, Clock clock) {
    this.parser = parser;
    this.requestIds = requestIds;
    this.clock = clock;
  }

  /**
   * Returns the exception for {@code response}, an error status.
   *
   * @throws IOException when the connection fails while the error body is read
   */
  ApiException map(Response response, int attempts) throws IOException {
    String body = response.peekBody(MAX_ERROR_BODY_BYTES).string();
    ErrorDetails details;
    try {
      details = parser.apply(response.code(), body);
    } catch (RuntimeException e) {
      details = ErrorDetails.NONE;
    }
    int status = response.code();
    Headers headers = response.headers();
    String id = requestIds.of(headers);
    Duration retryAfter = RetryAfter.parse(headers, clock);
    switch (status) {
      case 400: return new BadRequestException(status, details, id, headers, body, attempts, retryAfter);
      case 401: return new AuthenticationException(status, details, id, headers, body, attempts, retryAfter);
      case 403: return new PermissionDeniedException(status, details, id, headers, body, attempts, retryAfter);
      case 404: return new NotFoundException(status, details, id, headers, body, attempts, retryAfter);
      case 409: return new ConflictException(status, details, id, headers, body, attempts, retryAfter);
      case 422: return new UnprocessableEntityException(status, details, id, headers, body, attempts, retryAfter);
      case 429: return new RateLimitException(status, details, id, headers, body, attempts, retryAfter);
      default:
        return status >= 500
            ? new ServerException(status, details, id, headers, body, attempts, retryAfter)
            : new UnexpectedStatusException(status, details, id, headers, body, attempts, retryAfter);
    }
  }
}
