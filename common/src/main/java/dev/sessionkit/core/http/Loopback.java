package dev.sessionkit.core.http;

import java.util.Locale;

/** Tells loopback hosts apart by name alone: no DNS lookup is made, so nothing can be spoofed by one. */
public final class Loopback {
  private Loopback() {}

  /** Returns whether {@code host} is {@code localhost}, in 127.0.0.0/8, or {@code ::1}. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.equals("localhost") || h.endsWith(".localhost")) return true;
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) return true;
    String[] octets = h.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) return false;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) return false;
      if (Integer.parseInt(octet) > 255) return false;
    }
    return true;
  }
}
