#!/usr/bin/env bash
# Runs every comparison of issues 12, 18 and 19 on this machine and leaves the raw output in bench/target/results/.
# Build first:  ./mvnw -B -q -pl bench -am package -DskipTests
# Usage:        bench/run.sh [paging events, default 1000000] [CpuCompare rounds, default 15]
# On 2 idle cores: a few minutes for decoding, about a minute per 1,000,000-event paging run (x16).
# bench/RESULTS.md says what it ran on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bench/target/benchmarks.jar
OUT=bench/target/results
EVENTS=${1:-1000000}
ROUNDS=${2:-15}
mkdir -p "$OUT"
java -version 2>&1 | head -1 > "$OUT/machine.txt"
{ nproc; grep -m1 'model name' /proc/cpuinfo || true; uptime; } >> "$OUT/machine.txt"

# 1. Decoding and one call: wall time (µs/op) and allocation (gc.alloc.rate.norm, bytes/op).
java -jar "$JAR" 'DecodeBenchmark|CallBenchmark' -prof gc -wi 3 -w 1 -i 5 -r 1 -f 1 \
  -rf json -rff "$OUT/decode-call.json" | tee "$OUT/decode-call.txt"

# 2. Paging every event of one session, at a 1 GiB and at a 16 MiB heap, alternated twice.
for RUN in 1 2; do
  for HEAP in 1g 16m; do
    java -jar "$JAR" PagingBenchmark -p events="$EVENTS" -wi 0 -i 2 -f 1 -jvmArgsAppend "-Xmx$HEAP" \
      -rf json -rff "$OUT/paging-$HEAP-$RUN.json" | tee "$OUT/paging-$HEAP-$RUN.txt"
  done
done

# 3. Interleaved, by thread CPU time: the second opinion on a noisy machine.
java -cp "$JAR" dev.sessionkit.bench.CpuCompare "$ROUNDS" 20000 | tee "$OUT/cpu-compare.txt"

# 4. Live streams (issue 19): EventStream against a raw okhttp-sse loop, then latency.
java -cp "$JAR" dev.sessionkit.bench.StreamCompare "$ROUNDS" 100000 3000 | tee "$OUT/stream-compare.txt"

# 5. A write (issue 18): Qoder sendEvents (POST with a JSON body) through the client vs raw OkHttp + the same adapter.
java -cp "$JAR" dev.sessionkit.bench.WriteCompare "$ROUNDS" 3000 | tee "$OUT/write-compare.txt"
