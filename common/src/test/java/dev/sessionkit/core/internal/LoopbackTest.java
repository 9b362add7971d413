package dev.sessionkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only literal loopback addresses and localhost itself count; no lookup is made, and *.localhost is not trusted. */
class LoopbackTest {
  @ParameterizedTest
  @CsvSource({
      "localhost, true", "LOCALHOST, true", "localhost., false", "api.localhost, false", "evil.localhost, false", "127.0.0.1, true", "127.1.2.3, true",
      "::1, true", "[::1], true", "128.0.0.1, false", "127.0.0.1.example.com, false", "localhost.example.com, false",
      "10.0.0.1, false", "0:0:0:0:0:0:0:1, true", "[::2], false", "127.0.0, false", "127.0.0.1., false", "127.٠.0.1, false", "127.0.0.256, false", "example.com, false",
      "[127.0.0.1], true", "127.000.0.01, true", "0127.0.0.1, false", "127.0.0.1000, false", "127..0.1, false",
      "127.0.0.1.1, false", "'', false", "[], false", "localhoſt, false", "LocalHost, true", "[localhost], true",
  })
  void recognisesLoopbackHosts(String host, boolean loopback) {
    assertEquals(loopback, Loopback.isLoopback(host));
  }
}
