package dev.sessionkit.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's: a timeout, extra headers and query
 * parameters, how many retries, and the idempotency key. Immutable; {@link #NONE} changes nothing.
 *
 * <pre>{@code
 * RequestOptions patient = RequestOptions.builder()
 *     .timeout(Duration.ofMinutes(2))
 *     .maxRetries(5)
 *     .header("X-Trace", traceId)
 *     .build();
 * }</pre>
 *
 * <p>Extra headers are sent as given, except the client's credential header, which the client
 * always sets itself. An idempotency key is sent in the header the vendor's spec documents for it
 * (such as {@code Idempotency-Key}); a POST or PATCH is retried only when it carries one. Without
 * a key given here, the client makes one per call (the same on every retry of that call) when the
 * vendor documents the header.
 */
public final class RequestOptions {
  /** No overrides: the client's settings. */
  public static final RequestOptions NONE = builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, String> headers;
  private final Map<String, String> queryParameters;
  private final @Nullable String idempotencyKey;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.maxRetries = builder.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.queryParameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.queryParameters));
    this.idempotencyKey = builder.idempotencyKey;
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these options. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.maxRetries = maxRetries;
    builder.headers.putAll(headers);
    builder.queryParameters.putAll(queryParameters);
    builder.idempotencyKey = idempotencyKey;
    return builder;
  }

  /** Returns how long each attempt of the call may take, or null for the client's {@code callTimeout}. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** Returns how many times the call may be retried, or null for the client's {@code maxRetries}. */
  public @Nullable Integer maxRetries() {
    return maxRetries;
  }

  /** Returns the extra headers, by name; never null. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Returns the extra query parameters, by name; never null. */
  public Map<String, String> queryParameters() {
    return queryParameters;
  }

  /** Returns the idempotency key to send, or null to let the client make one where the vendor documents it. */
  public @Nullable String idempotencyKey() {
    return idempotencyKey;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RequestOptions that && Objects.equals(timeout, that.timeout)
        && Objects.equals(maxRetries, that.maxRetries) && headers.equals(that.headers)
        && queryParameters.equals(that.queryParameters) && Objects.equals(idempotencyKey, that.idempotencyKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, maxRetries, headers, queryParameters, idempotencyKey);
  }

  /** Names the headers but not their values, which may be secret. */
  @Override
  public String toString() {
    return "RequestOptions[timeout=" + timeout + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet()
        + ", queryParameters=" + queryParameters.keySet() + ", idempotencyKey=" + (idempotencyKey == null ? null : "set")
        + "]";
  }

  /** Builds {@link RequestOptions}; each setter checks its value at once. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> queryParameters = new LinkedHashMap<>();
    private @Nullable String idempotencyKey;

    private Builder() {}

    /** Sets how long each attempt may take, from sending the request to reading the whole response. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive (got " + timeout + ")");
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets how many times this call may be retried (0 to 10); 0 turns retries off for it. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = SettingChecks.maxRetries(maxRetries);
      return this;
    }

    /** Adds a header sent with the call, replacing an earlier one of the same name. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "header name == null");
      Objects.requireNonNull(value, () -> "header " + name + " == null");
      // OkHttp's own rules: a token name, and a value of visible ASCII, spaces and tabs.
      new Headers.Builder().add(name, value);
      headers.put(name, value);
      return this;
    }

    /** Adds a query parameter sent with the call, after the operation's own. */
    public Builder queryParameter(String name, String value) {
      Objects.requireNonNull(name, "query parameter name == null");
      Objects.requireNonNull(value, () -> "query parameter " + name + " == null");
      if (name.isEmpty()) throw new IllegalArgumentException("query parameter name must not be empty");
      queryParameters.put(name, value);
      return this;
    }

    /**
     * Sets the idempotency key: 1 to 255 printable ASCII characters, such as a UUID. Sending the same
     * key again with the same body returns the first response instead of acting twice.
     */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "idempotencyKey == null");
      if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("idempotencyKey must be 1 to 255 printable ASCII characters without spaces");
      }
      this.idempotencyKey = key;
      return this;
    }

    /** Sets a new random idempotency key (a UUID), to send the same key on a retry you make yourself. */
    public Builder newIdempotencyKey() {
      return idempotencyKey(UUID.randomUUID().toString());
    }

    /** Builds the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
