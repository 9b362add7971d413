package dev.sessionkit.core.spi;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a generated vendor module tells the engine about its service, from its spec: the service's
 * name (in the user agent and in messages), the response headers that carry a request id, the
 * reader of its error envelope and the header it documents for idempotency keys.
 */
public final class ServiceProfile {
  private final String serviceName;
  private final List<String> requestIdHeaders;
  private final ErrorBodyParser errorParser;
  private final @Nullable String idempotencyHeader;

  private ServiceProfile(Builder builder) {
    this.serviceName = builder.serviceName;
    this.requestIdHeaders = List.copyOf(builder.requestIdHeaders);
    this.errorParser = builder.errorParser;
    this.idempotencyHeader = builder.idempotencyHeader;
  }

  /** Returns a builder for the service named {@code serviceName}. */
  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  /** Returns the service's name, used in the user agent and in messages. */
  public String serviceName() {
    return serviceName;
  }

  /** Returns the response headers that may carry a request id, the first present wins. */
  public List<String> requestIdHeaders() {
    return requestIdHeaders;
  }

  /** Returns the reader of the service's error bodies. */
  public ErrorBodyParser errorParser() {
    return errorParser;
  }

  /**
   * Returns the request header the vendor documents for idempotency keys (such as
   * {@code Idempotency-Key}), or null when it documents none: then a POST or PATCH is never retried.
   */
  public @Nullable String idempotencyHeader() {
    return idempotencyHeader;
  }

  @Override
  public String toString() {
    return "ServiceProfile(" + serviceName + ")";
  }

  /** Builds a {@link ServiceProfile}. */
  public static final class Builder {
    private final String serviceName;
    private List<String> requestIdHeaders = List.of();
    private ErrorBodyParser errorParser = ErrorEnvelope.builder().build();
    private @Nullable String idempotencyHeader;

    private Builder(String serviceName) {
      Objects.requireNonNull(serviceName, "serviceName == null");
      if (serviceName.isBlank()) throw new IllegalArgumentException("serviceName must not be blank");
      this.serviceName = serviceName;
    }

    /** Sets the response headers that may carry a request id, in order. */
    public Builder requestIdHeaders(String... names) {
      this.requestIdHeaders = List.of(names);
      return this;
    }

    /** Sets the reader of error bodies (default: an {@link ErrorEnvelope} that reads nothing but plain text). */
    public Builder errorParser(ErrorBodyParser parser) {
      this.errorParser = Objects.requireNonNull(parser, "errorParser == null");
      return this;
    }

    /** Sets the request header the vendor documents for idempotency keys. */
    public Builder idempotencyHeader(String header) {
      this.idempotencyHeader = Objects.requireNonNull(header, "idempotencyHeader == null");
      return this;
    }

    /** Builds the profile. */
    public ServiceProfile build() {
      return new ServiceProfile(this);
    }
  }
}
