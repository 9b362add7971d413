package dev.sessionkit.core.http;

import java.util.List;
import java.util.Objects;

/**
 * What a vendor module tells the shared HTTP stack about its service.
 *
 * @param serviceName the service's name, used in user agent and messages
 * @param requestIdHeaders the response headers that may carry a request id, first match wins
 * @param errorParser the reader of the service's error envelope
 */
public record ServiceProfile(String serviceName, List<String> requestIdHeaders, ErrorBodyParser errorParser) {
  /** Checks and copies the profile. */
  public ServiceProfile {
    Objects.requireNonNull(serviceName, "serviceName == null");
    requestIdHeaders = List.copyOf(requestIdHeaders);
    Objects.requireNonNull(errorParser, "errorParser == null");
  }
}
