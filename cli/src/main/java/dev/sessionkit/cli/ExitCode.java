package dev.sessionkit.cli;

import dev.sessionkit.errors.ApiConnectionException;
import dev.sessionkit.errors.AuthenticationException;
import dev.sessionkit.errors.BadRequestException;
import dev.sessionkit.errors.DecodingException;
import dev.sessionkit.errors.InsecureTransportException;
import dev.sessionkit.errors.MissingFieldException;
import dev.sessionkit.errors.NotFoundException;
import dev.sessionkit.errors.PermissionDeniedException;
import dev.sessionkit.errors.RateLimitException;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.errors.UnprocessableEntityException;

/** The exit codes of the {@code sessionkit} command, one per class of failure, for scripts. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** A failure none of the other codes names. */
  public static final int OTHER = 1;
  /**
   * Bad usage: an unknown option, a malformed id, a limit out of range, a base URL that would send the
   * credential over plain http, or a 400/422 from the server.
   */
  public static final int USAGE = 2;
  /** No credential, or the server refused it (401, 403). */
  public static final int AUTH = 3;
  /** The session (or agent, or organization) does not exist (404). */
  public static final int NOT_FOUND = 4;
  /** Rate limited (429), still after the retries. */
  public static final int RATE_LIMITED = 5;
  /** The server failed (5xx), still after the retries. */
  public static final int SERVER_ERROR = 6;
  /** No response: connection refused or dropped, a cut-off body, or a timeout. */
  public static final int NETWORK = 7;
  /** A response arrived but is not what the vendor's spec describes (a required field missing included). */
  public static final int DECODING = 8;

  /** The list shown under "Exit codes:" by {@code sessionkit --help}, in order. */
  static final java.util.Map<String, String> HELP = helpSection();

  private static java.util.Map<String, String> helpSection() {
    java.util.Map<String, String> help = new java.util.LinkedHashMap<>();
    help.put(String.valueOf(OK), "ok");
    help.put(String.valueOf(OTHER), "other error");
    help.put(String.valueOf(USAGE), "usage error (bad option or id; HTTP 400/422)");
    help.put(String.valueOf(AUTH), "auth error (credential missing; HTTP 401/403)");
    help.put(String.valueOf(NOT_FOUND), "not found (HTTP 404)");
    help.put(String.valueOf(RATE_LIMITED), "rate limited (HTTP 429 after retries)");
    help.put(String.valueOf(SERVER_ERROR), "server error (HTTP 5xx after retries)");
    help.put(String.valueOf(NETWORK), "network error (no response, cut-off body, timeout)");
    help.put(String.valueOf(DECODING), "decoding error (a body the spec does not describe)");
    return java.util.Collections.unmodifiableMap(help);
  }

  private ExitCode() {}

  /** Returns the exit code for a failure thrown by an SDK call. */
  static int of(Throwable e) {
    if (e instanceof CliFailure failure) return failure.exitCode();
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) return AUTH;
    if (e instanceof NotFoundException) return NOT_FOUND;
    if (e instanceof RateLimitException) return RATE_LIMITED;
    if (e instanceof ServerException) return SERVER_ERROR;
    if (e instanceof ApiConnectionException) return NETWORK;
    if (e instanceof DecodingException || e instanceof MissingFieldException) return DECODING;
    if (e instanceof InsecureTransportException) return USAGE;
    if (e instanceof BadRequestException || e instanceof UnprocessableEntityException) return USAGE;
    if (e instanceof IllegalArgumentException) return USAGE;
    return OTHER;
  }
}
