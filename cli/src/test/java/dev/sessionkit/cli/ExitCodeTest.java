package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.ApiTimeoutException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.ConflictException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.ErrorDetails;
import dev.sessionkit.errors.InsecureTransportException;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PermissionDeniedException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.StreamInterruptedException;
import dev.sessionkit.errors.UnprocessableEntityException;
import java.io.IOException;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Each typed exception of the SDKs, and the command's own failures, mapped to their exit code. */
class ExitCodeTest {
  private static final ErrorDetails DETAILS = new ErrorDetails("code", "message", null);

  @Test
  void eachTypedExceptionHasTheExitCodeOfItsClassOfFailure() {
    assertEquals(ExitCode.USAGE, ExitCode.of(new BadRequestException(400, DETAILS, null, Headers.of(), null, 1, null)));
    assertEquals(ExitCode.USAGE, ExitCode.of(new UnprocessableEntityException(422, DETAILS, null, Headers.of(), null, 1, null)));
    assertEquals(ExitCode.USAGE, ExitCode.of(new IllegalArgumentException("limit must be a whole number")));
    assertEquals(ExitCode.USAGE, ExitCode.of(new InsecureTransportException("api.example.com")));
    assertEquals(ExitCode.AUTH, ExitCode.of(new AuthenticationException(401, DETAILS, null, Headers.of(), null, 1, null)));
    assertEquals(ExitCode.AUTH, ExitCode.of(new PermissionDeniedException(403, DETAILS, null, Headers.of(), null, 1, null)));
    assertEquals(ExitCode.NOT_FOUND, ExitCode.of(new NotFoundException(404, DETAILS, null, Headers.of(), null, 1, null)));
    assertEquals(ExitCode.RATE_LIMITED, ExitCode.of(new RateLimitException(429, DETAILS, null, Headers.of(), null, 3, null)));
    assertEquals(ExitCode.SERVER_ERROR, ExitCode.of(new ServerException(503, DETAILS, null, Headers.of(), null, 3, null)));
    assertEquals(ExitCode.NETWORK, ExitCode.of(new ApiConnectionException("GET /x", new IOException("reset"), 1)));
    assertEquals(ExitCode.NETWORK, ExitCode.of(new ApiTimeoutException("GET /x", new java.io.InterruptedIOException("timeout"), 1)));
    assertEquals(ExitCode.NETWORK, ExitCode.of(new StreamInterruptedException("GET /x", new IOException("reset"), "dropped", "e1", 1)));
    assertEquals(ExitCode.DECODING, ExitCode.of(new DecodingException("not JSON", null, 200, null, null, 1)));
    assertEquals(ExitCode.DECODING, ExitCode.of(new MissingFieldException("session_id", "$.data[3].session_id")));
    assertEquals(ExitCode.OTHER, ExitCode.of(new ConflictException(409, DETAILS, null, Headers.of(), null, 1, null)));
    assertEquals(ExitCode.AUTH, ExitCode.of(new CliFailure(ExitCode.AUTH, "QODER_PAT is not set")));
  }
}
