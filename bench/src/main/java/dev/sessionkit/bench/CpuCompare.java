package dev.sessionkit.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A second opinion for a shared, noisy machine: runs the benchmark methods interleaved (every
 * round runs each variant once, in a rotating order) and times them by the calling thread's CPU
 * time and allocated bytes, not by the wall clock, so that other processes' load and the sandbox's
 * server threads do not count. Prints the median per operation of each variant and the ratios
 * issue 12 asks for.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.sessionkit.bench.CpuCompare [rounds] [paging events] [name regex]</pre>
 */
public final class CpuCompare {
  private static volatile int sink;

  private CpuCompare() {}

  /**
   * Runs the comparison; {@code args}: rounds (default 15), events per paging run (default 20000),
   * a regular expression selecting variants by name (default all).
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int pagingEvents = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 2 ? args[2] : ".*");

    DecodeBenchmark decode = new DecodeBenchmark();
    decode.setUp();
    CallBenchmark call = new CallBenchmark();
    call.setUp();
    PagingBenchmark paging = new PagingBenchmark();
    paging.events = pagingEvents;
    paging.setUp();

    Map<String, Variant> variants = new LinkedHashMap<>();
    add(variants, "qoder1Sdk", 200, decode::qoder1Sdk);
    add(variants, "qoder2HandWrittenMoshi", 200, decode::qoder2HandWrittenMoshi);
    add(variants, "qoder3Jackson", 200, decode::qoder3Jackson);
    add(variants, "agents1Sdk", 200, decode::agents1Sdk);
    add(variants, "agents2HandWrittenMoshi", 200, decode::agents2HandWrittenMoshi);
    add(variants, "agents3Jackson", 200, decode::agents3Jackson);
    add(variants, "piper1Sdk", 20, decode::piper1Sdk);
    add(variants, "piper2HandWrittenMoshi", 20, decode::piper2HandWrittenMoshi);
    add(variants, "piper3Jackson", 20, decode::piper3Jackson);
    add(variants, "call1Client", 100, call::call1Client);
    add(variants, "call2RawOkHttpAndAdapter", 100, call::call2RawOkHttpAndAdapter);
    add(variants, "paging1SdkLimit100", 1, paging::paging1SdkLimit100);
    add(variants, "paging2RawLimit100", 1, paging::paging2RawLimit100);
    add(variants, "paging3SdkNoLimit", 1, paging::paging3SdkNoLimit);
    add(variants, "paging4RawNoLimit", 1, paging::paging4RawNoLimit);

    variants.keySet().removeIf(name -> !only.matcher(name).find());
    List<Variant> order = new ArrayList<>(variants.values());
    int warmupRounds = Math.max(3, rounds / 3);
    for (int round = 0; round < warmupRounds + rounds; round++) {
      for (int k = 0; k < order.size(); k++) {
        Variant v = order.get((k + round) % order.size());
        v.run(round >= warmupRounds);
      }
    }
    call.tearDown();
    paging.tearDown();

    System.out.printf(Locale.ROOT, "CpuCompare: %d rounds after %d warm-up rounds, paging %d events; thread CPU"
        + " and allocation of the calling thread%n%n", rounds, warmupRounds, pagingEvents);
    System.out.printf(Locale.ROOT, "| variant | ops/round | median CPU µs/op | min–max µs/op | bytes/op |%n|---|---|---|---|---|%n");
    for (Variant v : variants.values()) {
      System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f–%.1f | %,d |%n", v.name, v.ops, v.medianMicros(),
          v.minMicros(), v.maxMicros(), v.medianBytes());
    }
    System.out.println();
    System.out.println("| ratio (CPU, medians) | value |\n|---|---|");
    ratio(variants, "qoder1Sdk", "qoder3Jackson");
    ratio(variants, "qoder1Sdk", "qoder2HandWrittenMoshi");
    ratio(variants, "agents1Sdk", "agents3Jackson");
    ratio(variants, "agents1Sdk", "agents2HandWrittenMoshi");
    ratio(variants, "piper1Sdk", "piper3Jackson");
    ratio(variants, "piper1Sdk", "piper2HandWrittenMoshi");
    ratio(variants, "call1Client", "call2RawOkHttpAndAdapter");
    ratio(variants, "paging1SdkLimit100", "paging2RawLimit100");
    ratio(variants, "paging3SdkNoLimit", "paging4RawNoLimit");
    ratio(variants, "paging3SdkNoLimit", "paging1SdkLimit100");
    if (variants.containsKey("qoder1Sdk")) {
      System.out.printf(Locale.ROOT, "%nQoder SDK bytes per event: %,d%n",
          variants.get("qoder1Sdk").medianBytes() / Fixtures.PAGE_EVENTS);
    }
    System.out.println("(sink " + sink + ")");
  }

  private static void ratio(Map<String, Variant> variants, String a, String b) {
    if (!variants.containsKey(a) || !variants.containsKey(b)) return;
    System.out.printf(Locale.ROOT, "| %s / %s | %.2fx |%n", a, b,
        variants.get(a).medianMicros() / variants.get(b).medianMicros());
  }

  private static void add(Map<String, Variant> variants, String name, int ops, Callable<?> op) {
    variants.put(name, new Variant(name, ops, op));
  }

  private static final class Variant {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    final String name;
    final int ops;
    final Callable<?> op;
    final List<double[]> samples = new ArrayList<>();

    Variant(String name, int ops, Callable<?> op) {
      this.name = name;
      this.ops = ops;
      this.op = op;
    }

    void run(boolean record) throws Exception {
      long thread = Thread.currentThread().getId();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long bytes = THREADS.getThreadAllocatedBytes(thread);
      int h = 0;
      for (int i = 0; i < ops; i++) h ^= System.identityHashCode(op.call());
      long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
      long allocated = THREADS.getThreadAllocatedBytes(thread) - bytes;
      sink ^= h;
      if (record) samples.add(new double[] {cpuNanos / 1000.0 / ops, (double) allocated / ops});
    }

    private double[] sorted(int column) {
      return samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
    }

    double medianMicros() {
      double[] s = sorted(0);
      return s[s.length / 2];
    }

    double minMicros() {
      return sorted(0)[0];
    }

    double maxMicros() {
      double[] s = sorted(0);
      return s[s.length - 1];
    }

    long medianBytes() {
      double[] s = sorted(1);
      return (long) s[s.length / 2];
    }

    @Override
    public String toString() {
      return name + Arrays.toString(sorted(0));
    }
  }
}
