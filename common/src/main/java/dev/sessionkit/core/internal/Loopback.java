package dev.sessionkit.core.internal;

import java.util.Locale;

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
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.equals("localhost")) return true;
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) return false;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
      if (Integer.parseInt(octet) > 255) return false;
    }
    return true;
  }
}
