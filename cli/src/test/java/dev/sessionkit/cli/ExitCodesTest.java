package dev.sessionkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.sandbox.Fault;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Each class of failure: its exit code, and exactly one line on stderr without a stack trace. */
class ExitCodesTest {
  private static void assertOneLine(Cli cli, int code, String start) {
    assertEquals(code, cli.code(), cli.err());
    assertEquals(1, cli.errLines().size(), cli.err());
    assertTrue(cli.err().startsWith(start), cli.err());
    assertTrue(!cli.err().contains("\tat "), "no stack trace");
    assertEquals("", cli.out());
  }

  private static Cli qoder(Sandbox sandbox, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "qoder";
    args[1] = "events";
    args[2] = "sess_sandbox_10";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Cli.run(sandbox.environment(), args);
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertOneLine(Cli.run("qoder", "events", "sess_1", "--nope"), ExitCode.USAGE,
        "sessionkit qoder events: Unknown option: '--nope' (see 'sessionkit qoder events --help')");
  }

  @Test
  void aMalformedIdIsAUsageErrorBeforeAnyRequest() {
    try (Sandbox sandbox = Sandbox.start()) {
      Cli cli = Cli.run(sandbox.environment(), "qoder", "events", "abc");
      assertOneLine(cli, ExitCode.USAGE, "sessionkit: usage error: sessionId must match ^sess_[0-9A-Za-z_]+$ (got \"abc\")");
      assertEquals(0, sandbox.requestCount());
    }
  }

  @Test
  void bothCursorsAreAUsageErrorOfTheSdk() {
    assertOneLine(Cli.run("qoder", "events", "sess_1", "--after", "evt_a", "--before", "evt_b", "--sandbox"), ExitCode.USAGE,
        "sessionkit: usage error: afterId and beforeId are mutually exclusive (got both)");
  }

  @Test
  void aMissingCredentialIsAnAuthErrorThatPointsAtTheSandbox() {
    Cli cli = Cli.run("pipecat", "session", "my-agent", "800d444a-e67e-4686-afb3-b0de509cccb3");
    assertOneLine(cli, ExitCode.AUTH, "sessionkit: auth error: PIPECAT_API_KEY is not set: set it to your Pipecat Cloud credential");
    assertTrue(cli.err().contains("--sandbox"));
  }

  @Test
  void aWrongCredentialIsAnAuthError() {
    try (Sandbox sandbox = Sandbox.start()) {
      Map<String, String> env = new HashMap<>(sandbox.environment());
      env.put("QODER_PAT", "pt-wrong");
      assertOneLine(Cli.run(env, "qoder", "events", "sess_sandbox_10"), ExitCode.AUTH,
          "sessionkit: auth error: HTTP 401 authentication_error: PAT invalid or expired");
    }
  }

  @Test
  void anUnknownSessionIsNotFound() {
    assertOneLine(Cli.run("agents-v2", "events", "agt_sandbox", "ase_gone", "--sandbox"), ExitCode.NOT_FOUND,
        "sessionkit: not found: HTTP 404 session_not_found: Session ase_gone does not exist");
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesIsExitCode5() {
    FaultPlan plan = FaultPlan.builder().rateLimited(1.0, Duration.ZERO).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      assertOneLine(qoder(sandbox), ExitCode.RATE_LIMITED, "sessionkit: rate limited: HTTP 429");
      assertEquals(3, sandbox.requestCount(), "the first try and two retries");
    }
  }

  @Test
  void aServerErrorIsExitCode6() {
    FaultPlan plan = FaultPlan.builder().serverErrors(1.0).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      assertOneLine(qoder(sandbox, "--retries", "0"), ExitCode.SERVER_ERROR,
          "sessionkit: server error: HTTP 503 api_error: Internal server error");
    }
  }

  @Test
  void aServerErrorThatARetryGetsPastSucceeds() {
    FaultPlan plan = FaultPlan.builder().script(Fault.SERVER_ERROR, Fault.RATE_LIMITED).rateLimited(0, Duration.ZERO).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      Cli cli = qoder(sandbox);
      assertEquals(0, cli.code(), cli.err());
      assertEquals(10, cli.outLines().size());
      assertEquals(3, sandbox.requestCount());
    }
  }

  @Test
  void aDroppedConnectionIsANetworkError() {
    FaultPlan plan = FaultPlan.builder().droppedConnections(1.0).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      assertOneLine(qoder(sandbox, "--retries", "0"), ExitCode.NETWORK, "sessionkit: network error: no response from GET http://127.0.0.1:");
    }
  }

  @Test
  void aTruncatedBodyIsANetworkError() {
    FaultPlan plan = FaultPlan.builder().truncatedBodies(1.0).build();
    try (Sandbox sandbox = Sandbox.builder().faults(plan).start()) {
      assertOneLine(qoder(sandbox, "--retries", "0"), ExitCode.NETWORK, "sessionkit: network error: no response from GET");
    }
  }

  @Test
  void aRefusedConnectionIsANetworkError() {
    Map<String, String> env;
    try (Sandbox sandbox = Sandbox.start()) {
      env = sandbox.environment();
    }
    assertOneLine(Cli.run(env, "piper", "events", "00000000-0000-4000-a000-000000000003", "--retries", "0"), ExitCode.NETWORK,
        "sessionkit: network error: no response from GET http://127.0.0.1:");
  }

  @Test
  void aBodyTheSpecDoesNotDescribeIsADecodingError() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("{\"data\": 5, \"has_more\": true}").build());
      server.start();
      Map<String, String> env = Map.of("QODER_PAT", "pt-x", "QODER_BASE_URL", server.url("/").toString());
      assertOneLine(Cli.run(env, "qoder", "events", "sess_1"), ExitCode.DECODING,
          "sessionkit: decoding error: could not decode the Qoder response");
      assertEquals("/sessions/sess_1/events", server.takeRequest().getTarget());
    }
  }

  @Test
  void debugAddsTheStackTrace() {
    Cli cli = Cli.run("agents-v2", "events", "agt_sandbox", "ase_gone", "--sandbox", "--debug");
    assertEquals(ExitCode.NOT_FOUND, cli.code());
    assertTrue(cli.errLines().size() > 1);
    assertTrue(cli.err().contains("\tat dev.sessionkit."), cli.err());
  }

  @Test
  void aBaseUrlPointsAnywhere() {
    try (Sandbox sandbox = Sandbox.start()) {
      Map<String, String> env = Map.of("QODER_PAT", sandbox.credential("qoder"));
      Cli cli = Cli.run(env, "qoder", "events", "sess_sandbox_4", "--base-url", sandbox.baseUrl("qoder"));
      assertEquals(0, cli.code(), cli.err());
      assertEquals(4, cli.outLines().size());
    }
  }
}
