package dev.sessionkit.contract.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sessionkit.contract.hardening.Outcome.Mode;
import dev.sessionkit.core.RetryBudget;
import dev.sessionkit.errors.ServerException;
import dev.sessionkit.sandbox.FaultPlan;
import dev.sessionkit.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry budget against the sandbox's fault plan: during a long 503 burst, retries stop once the
 * client's token bucket is spent, and every later call fails at once (one attempt) with the typed
 * exception, so an outage does not triple the load on the API. Issue 10, "a retry budget".
 */
class RetryBudgetTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  static List<Operation> operations() {
    return Operation.ALL;
  }

  /** A sandbox whose every request gets the vendor's 503 body: a burst that does not end. */
  private static Sandbox burst() {
    return Sandbox.builder().faults(FaultPlan.builder().serverErrors(1.0).build()).start();
  }

  private static Operation.Settings settings(Sandbox sandbox, Operation op) {
    return Operation.Settings.of(sandbox.baseUrl(op.vendor), sandbox.credential(op.vendor));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Execution(ExecutionMode.CONCURRENT)
  void aSpentBudgetMakesEveryLaterCallFailAtOnceWithTheServerException(Operation op) {
    try (Sandbox sandbox = burst()) {
      // 20 tokens at 5 a retry: the first two calls retry twice each, and then the budget is spent.
      Operation.Caller caller = op.connect(settings(sandbox, op).retryBudget(RetryBudget.of(20, 5)));
      int[] expected = {3, 3, 1, 1};
      int sum = 0;
      for (int i = 0; i < expected.length; i++) {
        Mode mode = i % 2 == 0 ? Mode.SYNC : Mode.ASYNC;
        ServerException e = Outcome.of(caller, mode, BOUND).assertFailure(ServerException.class, expected[i]);
        assertEquals(503, e.status());
        sum += expected[i];
        assertEquals(sum, sandbox.requestCount(), "requests the sandbox saw after call " + (i + 1));
      }
    }
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void theDefaultBudgetAllowsAHundredRetriesInABurstThenNone() throws Exception {
    try (Sandbox sandbox = burst()) {
      Operation op = Operation.QODER_EVENTS;
      Operation.Caller caller = op.connect(settings(sandbox, op));
      // 60 calls at once want 120 retries; 500 tokens at 5 a retry grant 100 of them.
      List<CompletableFuture<?>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) calls.add(caller.callAsync());
      int attempts = 0;
      int cutShort = 0;
      for (CompletableFuture<?> call : calls) {
        Throwable failure;
        try {
          call.get(BOUND.toSeconds(), TimeUnit.SECONDS);
          throw new AssertionError("a call succeeded during the burst");
        } catch (java.util.concurrent.ExecutionException e) {
          failure = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
        }
        ServerException e = (ServerException) failure;
        attempts += e.attempts();
        if (e.attempts() < 3) cutShort++;
      }
      assertEquals(60 + 100, attempts, "attempts of the 60 calls: each first attempt and 100 retries");
      assertEquals(attempts, sandbox.requestCount());
      assertTrue(cutShort >= 10, "at least 10 calls found the budget spent (" + cutShort + ")");

      // The burst goes on: every further call is tried once and fails at once, blocking or not.
      for (Mode mode : Mode.values()) {
        Outcome.of(caller, mode, BOUND).assertFailure(ServerException.class, 1);
      }
      assertEquals(attempts + 2, sandbox.requestCount());
    }
  }
}
