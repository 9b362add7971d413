package dev.sessionkit.errors;

import org.jspecify.annotations.Nullable;

/**
 * What a vendor's error envelope says, reduced to the parts every vendor has.
 *
 * @param code the vendor's error type or code, for example {@code not_found_error}, or null
 * @param message the vendor's human-readable message, or null
 * @param requestId a request id carried in the body (some vendors put it there), or null
 */
public record ErrorDetails(@Nullable String code, @Nullable String message, @Nullable String requestId) {
  /** Details for a body that carried none. */
  public static final ErrorDetails NONE = new ErrorDetails(null, null, null);
}
