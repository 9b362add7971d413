package dev.sessionkit.core;

import dev.sessionkit.core.internal.Loopback;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/** The rules client settings are checked against, each failure naming the setting, the rule and the value. */
final class SettingChecks {
  private SettingChecks() {}

  static int maxRetries(int maxRetries) {
    if (maxRetries < 0 || maxRetries > 10) {
      throw new IllegalArgumentException("maxRetries must be between 0 and 10 (got " + maxRetries + ")");
    }
    return maxRetries;
  }

  static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive (got " + value + ")");
    }
    return value;
  }

  static HttpUrl baseUrl(String value) {
    Objects.requireNonNull(value, "baseUrl == null");
    HttpUrl url = HttpUrl.parse(value);
    if (url == null) {
      throw new IllegalArgumentException("baseUrl must be an http or https URL (got \"" + value + "\")");
    }
    if (!url.isHttps() && !Loopback.isLoopback(url.host())) {
      throw new IllegalArgumentException("baseUrl must use https unless its host is loopback (got \"" + value
          + "\"): credentials are never sent over plain http to another host");
    }
    if (!url.encodedPath().endsWith("/")) url = url.newBuilder().addPathSegment("").build();
    return url;
  }

  static HttpUrl tokenUrl(String value) {
    Objects.requireNonNull(value, "tokenUrl == null");
    HttpUrl url = HttpUrl.parse(value);
    if (url == null) throw new IllegalArgumentException("tokenUrl must be an http or https URL (got \"" + value + "\")");
    if (!url.isHttps() && !Loopback.isLoopback(url.host())) {
      throw new IllegalArgumentException("tokenUrl must use https unless its host is loopback (got \"" + value
          + "\"): client secrets are never sent over plain http to another host");
    }
    return url;
  }
}
