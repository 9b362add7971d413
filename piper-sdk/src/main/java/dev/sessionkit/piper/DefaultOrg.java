package dev.sessionkit.piper;

import org.jspecify.annotations.Nullable;

/** The rule the one-argument methods share: they need the client's default organization id. */
final class DefaultOrg {
  private DefaultOrg() {}

  static String require(@Nullable String defaultOrgId) {
    if (defaultOrgId == null) {
      throw new IllegalStateException("no default org id: pass orgId, or build the client with defaultOrgId(...)"
          + " or set the " + PiperClient.ORG_ID_ENV + " environment variable and call fromEnv()");
    }
    return defaultOrgId;
  }
}
