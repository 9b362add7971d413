package dev.sessionkit.core.internal;

/**
 * Tells loopback hosts apart by name alone: no DNS lookup is made, so nothing can be spoofed by one.
 *
 * <p>Only names that are loopback by definition count: the literal addresses {@code 127.0.0.0/8}
 * and {@code ::1}, and the name {@code localhost} itself. Subdomains such as {@code api.localhost}
 * do not: RFC 6761 asks resolvers to send them to loopback, but a resolver (or a hosts file) that
 * does not would carry a credential sent over plain http to another machine.
 */
public final class Loopback {
  private Loopback() {}

  /** Returns whether {@code host} is {@code localhost}, a literal in 127.0.0.0/8, or {@code ::1}. */
  public static boolean isLoopback(String host) {
    // Runs for every request sent over plain http (the auth interceptor's check), so it allocates
    // nothing: no lower-cased copy, no split, no stream.
    int start = 0;
    int end = host.length();
    if (end >= 2 && host.charAt(0) == '[' && host.charAt(end - 1) == ']') {
      start = 1;
      end--;
    }
    int length = end - start;
    if (length == 9 && isLocalhost(host, start)) return true;
    if ((length == 3 && host.startsWith("::1", start))
        || (length == 15 && host.startsWith("0:0:0:0:0:0:0:1", start))) {
      return true;
    }
    return isLoopbackIpv4(host, start, end);
  }

  /** Whether the 9 characters of {@code host} from {@code start} are {@code localhost} in any ASCII case. */
  private static boolean isLocalhost(String host, int start) {
    for (int i = 0; i < 9; i++) {
      char c = host.charAt(start + i);
      if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
      if (c != "localhost".charAt(i)) return false;
    }
    return true;
  }

  /** Whether {@code host[start, end)} is four dot-separated decimal octets (1 to 3 ASCII digits, at most 255), the first 127. */
  private static boolean isLoopbackIpv4(String host, int start, int end) {
    int octets = 0;
    int i = start;
    while (true) {
      int value = 0;
      int digits = 0;
      while (i < end && host.charAt(i) >= '0' && host.charAt(i) <= '9') {
        value = value * 10 + (host.charAt(i) - '0');
        digits++;
        i++;
      }
      if (digits == 0 || digits > 3 || value > 255) return false;
      if (octets == 0 && (digits != 3 || value != 127)) return false;
      octets++;
      if (i == end) return octets == 4;
      if (host.charAt(i) != '.' || octets == 4) return false;
      i++;
    }
  }
}
