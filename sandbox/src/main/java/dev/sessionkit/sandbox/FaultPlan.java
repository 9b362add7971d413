package dev.sessionkit.sandbox;

import dev.sessionkit.sandbox.internal.Rng;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The faults a {@link Sandbox} injects during one run: each kind with a rate, chosen per request
 * from a seed so that a run can be repeated exactly, optionally preceded by a fixed script.
 *
 * <pre>{@code
 * FaultPlan flaky = FaultPlan.builder()
 *     .seed(7)
 *     .rateLimited(0.10, Duration.ofSeconds(1))   // 10 % of requests: 429, Retry-After: 1
 *     .serverErrors(0.05)                         // 5 %: 503
 *     .droppedConnections(0.02)
 *     .truncatedBodies(0.02)
 *     .latency(Duration.ofMillis(50), 0.5)        // half the requests wait 50 ms first
 *     .streamCuts(0.05, 3)                        // 5 %: a live stream is cut in its fourth frame
 *     .slowFrames(Duration.ofMillis(200), 0.1)    // 10 %: each frame of a live stream waits 200 ms
 *     .rateLimitedSends(0.2, Duration.ofSeconds(1)) // 20 % of the requests that start an agent turn: 429
 *     .build();
 * FaultPlan onceThenFine = FaultPlan.builder().script(Fault.RATE_LIMITED).build(); // request 0 only
 * }</pre>
 *
 * <p>Request {@code n} (counted from 0 over the sandbox's whole life) gets {@code script[n]} while
 * the script lasts, then a fault drawn from the rates with a pseudo-random number that depends only
 * on the plan's seed and {@code n}. The rates of the five failure kinds (429, 5xx, dropped,
 * truncated, stream cut) add up to at most 1; latency, slow frames and rate-limited sends are drawn
 * separately and may come on top of any of them. A send is a request that starts an agent turn (a
 * user message); live streams are the {@code text/event-stream} answers.
 */
public final class FaultPlan {
  /** No faults at all. */
  public static final FaultPlan NONE = builder().build();

  private final long seed;
  private final List<Fault> script;
  private final double rateLimitedRate;
  private final Duration retryAfter;
  private final double serverErrorRate;
  private final int serverErrorStatus;
  private final double droppedRate;
  private final double truncatedRate;
  private final double latencyRate;
  private final Duration latency;
  private final double streamCutRate;
  private final int streamCutAfter;
  private final double slowFrameRate;
  private final Duration frameDelay;
  private final double sendRateLimitedRate;
  private final Duration sendRetryAfter;

  private FaultPlan(Builder b) {
    this.seed = b.seed;
    this.script = List.copyOf(b.script);
    this.rateLimitedRate = b.rateLimitedRate;
    this.retryAfter = b.retryAfter;
    this.serverErrorRate = b.serverErrorRate;
    this.serverErrorStatus = b.serverErrorStatus;
    this.droppedRate = b.droppedRate;
    this.truncatedRate = b.truncatedRate;
    this.latencyRate = b.latencyRate;
    this.latency = b.latency;
    this.streamCutRate = b.streamCutRate;
    this.streamCutAfter = b.streamCutAfter;
    this.slowFrameRate = b.slowFrameRate;
    this.frameDelay = b.frameDelay;
    this.sendRateLimitedRate = b.sendRateLimitedRate;
    this.sendRetryAfter = b.sendRetryAfter;
  }

  /** Returns a builder for a plan with no faults and seed 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the fault for request {@code n} (0-based); the same plan always answers the same. */
  public Fault faultFor(long n) {
    if (n < script.size()) return script.get((int) n);
    double u = Rng.unit(seed, n, 1);
    double edge = rateLimitedRate;
    if (u < edge) return Fault.RATE_LIMITED;
    edge += serverErrorRate;
    if (u < edge) return Fault.SERVER_ERROR;
    edge += droppedRate;
    if (u < edge) return Fault.DROPPED_CONNECTION;
    edge += truncatedRate;
    if (u < edge) return Fault.TRUNCATED_BODY;
    edge += streamCutRate;
    if (u < edge) return Fault.STREAM_CUT;
    return Fault.NONE;
  }

  /** Returns the wait before each frame of request {@code n}'s live stream: {@link Duration#ZERO} or the plan's frame delay. */
  public Duration frameDelayFor(long n) {
    if (slowFrameRate <= 0 || frameDelay.isZero()) return Duration.ZERO;
    return Rng.unit(seed, n, 3) < slowFrameRate ? frameDelay : Duration.ZERO;
  }

  /** Returns whether request {@code n}, if it starts an agent turn, is answered 429 with {@link #sendRetryAfter()}. */
  public boolean rateLimitsSend(long n) {
    return sendRateLimitedRate > 0 && Rng.unit(seed, n, 4) < sendRateLimitedRate;
  }

  /** Returns how many whole frames a cut stream delivers before its connection is closed mid-frame. */
  public int streamCutAfter() {
    return streamCutAfter;
  }

  /** Returns the wait a 429 on a send asks for in its {@code Retry-After} header. */
  public Duration sendRetryAfter() {
    return sendRetryAfter;
  }

  /** Returns the delay added before request {@code n}'s response headers: {@link Duration#ZERO} or the plan's latency. */
  public Duration latencyFor(long n) {
    if (latencyRate <= 0 || latency.isZero()) return Duration.ZERO;
    return Rng.unit(seed, n, 2) < latencyRate ? latency : Duration.ZERO;
  }

  /** Returns the wait a 429 asks for in its {@code Retry-After} header. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Returns the status of injected server errors (500 to 599). */
  public int serverErrorStatus() {
    return serverErrorStatus;
  }

  /** Returns true when this plan injects nothing. */
  public boolean isNone() {
    return script.stream().allMatch(f -> f == Fault.NONE) && rateLimitedRate == 0 && serverErrorRate == 0
        && droppedRate == 0 && truncatedRate == 0 && (latencyRate == 0 || latency.isZero()) && streamCutRate == 0
        && (slowFrameRate == 0 || frameDelay.isZero()) && sendRateLimitedRate == 0;
  }

  @Override
  public String toString() {
    return "FaultPlan(seed=" + seed + ", script=" + script + ", rateLimited=" + rateLimitedRate
        + " (Retry-After " + retryAfter.toMillis() + " ms), serverErrors=" + serverErrorRate + " (" + serverErrorStatus
        + "), dropped=" + droppedRate + ", truncated=" + truncatedRate + ", latency=" + latency.toMillis() + " ms at "
        + latencyRate + ", streamCuts=" + streamCutRate + " (after " + streamCutAfter + " frames), slowFrames="
        + frameDelay.toMillis() + " ms at " + slowFrameRate + ", rateLimitedSends=" + sendRateLimitedRate + " (Retry-After "
        + sendRetryAfter.toMillis() + " ms))";
  }

  /** Builds a {@link FaultPlan}; every rate is between 0 and 1 and the five failure rates add up to at most 1. */
  public static final class Builder {
    private long seed;
    private final List<Fault> script = new ArrayList<>();
    private double rateLimitedRate;
    private Duration retryAfter = Duration.ofSeconds(1);
    private double serverErrorRate;
    private int serverErrorStatus = 503;
    private double droppedRate;
    private double truncatedRate;
    private double latencyRate;
    private Duration latency = Duration.ZERO;
    private double streamCutRate;
    private int streamCutAfter = 1;
    private double slowFrameRate;
    private Duration frameDelay = Duration.ZERO;
    private double sendRateLimitedRate;
    private Duration sendRetryAfter = Duration.ofSeconds(1);

    private Builder() {}

    /** Sets the seed of the per-request random choice (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Makes the first requests get these faults, in order, before the rates apply. */
    public Builder script(Fault... faults) {
      for (Fault fault : faults) script.add(Objects.requireNonNull(fault, "fault == null"));
      return this;
    }

    /** Answers {@code rate} of the requests with 429 and {@code Retry-After} = {@code retryAfter} (whole seconds, or fractional). */
    public Builder rateLimited(double rate, Duration retryAfter) {
      this.rateLimitedRate = rate("rateLimited", rate);
      Objects.requireNonNull(retryAfter, "retryAfter == null");
      if (retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter must not be negative (got " + retryAfter + ")");
      this.retryAfter = retryAfter;
      return this;
    }

    /** Answers {@code rate} of the requests with 503 Service Unavailable. */
    public Builder serverErrors(double rate) {
      return serverErrors(rate, 503);
    }

    /** Answers {@code rate} of the requests with {@code status} (500 to 599). */
    public Builder serverErrors(double rate, int status) {
      if (status < 500 || status > 599) throw new IllegalArgumentException("status must be between 500 and 599 (got " + status + ")");
      this.serverErrorRate = rate("serverErrors", rate);
      this.serverErrorStatus = status;
      return this;
    }

    /** Closes the connection of {@code rate} of the requests without answering. */
    public Builder droppedConnections(double rate) {
      this.droppedRate = rate("droppedConnections", rate);
      return this;
    }

    /** Cuts off the body of {@code rate} of the 200 responses halfway. */
    public Builder truncatedBodies(double rate) {
      this.truncatedRate = rate("truncatedBodies", rate);
      return this;
    }

    /** Delays the response headers of {@code rate} of the requests by {@code delay}. */
    public Builder latency(Duration delay, double rate) {
      Objects.requireNonNull(delay, "delay == null");
      if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative (got " + delay + ")");
      this.latency = delay;
      this.latencyRate = rate("latency", rate);
      return this;
    }

    /**
     * Cuts {@code rate} of the live streams in the middle of a frame, after {@code afterFrames} whole
     * frames (also the point a scripted {@link Fault#STREAM_CUT} cuts at; default 1).
     */
    public Builder streamCuts(double rate, int afterFrames) {
      if (afterFrames < 0) throw new IllegalArgumentException("afterFrames must not be negative (got " + afterFrames + ")");
      this.streamCutRate = rate("streamCuts", rate);
      this.streamCutAfter = afterFrames;
      return this;
    }

    /** Delays each frame of {@code rate} of the live streams by {@code delay}. */
    public Builder slowFrames(Duration delay, double rate) {
      Objects.requireNonNull(delay, "delay == null");
      if (delay.isNegative()) throw new IllegalArgumentException("delay must not be negative (got " + delay + ")");
      this.frameDelay = delay;
      this.slowFrameRate = rate("slowFrames", rate);
      return this;
    }

    /** Answers {@code rate} of the requests that start an agent turn with 429 and {@code Retry-After} = {@code retryAfter}. */
    public Builder rateLimitedSends(double rate, Duration retryAfter) {
      this.sendRateLimitedRate = rate("rateLimitedSends", rate);
      Objects.requireNonNull(retryAfter, "retryAfter == null");
      if (retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter must not be negative (got " + retryAfter + ")");
      this.sendRetryAfter = retryAfter;
      return this;
    }

    /** Builds the plan; fails if the failure rates add up to more than 1. */
    public FaultPlan build() {
      double sum = rateLimitedRate + serverErrorRate + droppedRate + truncatedRate + streamCutRate;
      if (sum > 1.0 + 1e-9) throw new IllegalArgumentException("the fault rates must add up to at most 1 (got " + sum + ")");
      return new FaultPlan(this);
    }

    private static double rate(String name, double rate) {
      if (!(rate >= 0 && rate <= 1)) throw new IllegalArgumentException(name + " rate must be between 0 and 1 (got " + rate + ")");
      return rate;
    }
  }
}
