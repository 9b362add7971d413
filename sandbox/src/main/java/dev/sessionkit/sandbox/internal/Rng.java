package dev.sessionkit.sandbox.internal;

import java.nio.charset.StandardCharsets;

/**
 * A tiny deterministic generator (SplitMix64) whose output depends only on the numbers it is
 * created from, on every JVM: the sandbox's "same seed, same bytes" rests on it.
 * Internal: no compatibility promise.
 */
public final class Rng {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  /** Creates a generator from any number of parts (a seed, a session's hash, an index...). */
  public Rng(long... parts) {
    long h = GOLDEN;
    for (long part : parts) h = mix(h ^ mix(part + GOLDEN));
    this.state = h;
  }

  /** Returns the next 64 pseudo-random bits. */
  public long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Returns a number in {@code 0..bound-1}. */
  public int nextInt(int bound) {
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** Returns a number in {@code min..max}. */
  public long between(long min, long max) {
    return min + Math.floorMod(nextLong(), max - min + 1);
  }

  /** Returns one of {@code values}. */
  public <T> T pick(T[] values) {
    return values[nextInt(values.length)];
  }

  /** Returns {@code digits} lowercase hex digits. */
  public String hex(int digits) {
    StringBuilder out = new StringBuilder(digits);
    while (out.length() < digits) {
      String chunk = String.format("%016x", nextLong());
      out.append(chunk, 0, Math.min(16, digits - out.length()));
    }
    return out.toString();
  }

  /** Returns a random (version 4) UUID string. */
  public String uuid() {
    String h = hex(32);
    char variant = "89ab".charAt(nextInt(4));
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
        + h.substring(17, 20) + "-" + h.substring(20, 32);
  }

  /** Returns a number in [0, 1) that depends only on {@code seed}, {@code n} and {@code salt}. */
  public static double unit(long seed, long n, long salt) {
    return (new Rng(seed, n, salt).nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Returns a 64-bit FNV-1a hash of {@code text}'s UTF-8 bytes. */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
