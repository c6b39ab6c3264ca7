#!/bin/sh
# The stack server in replay mode (issue 7): requests/s, median and p99, non-streaming and streaming, at 1,
# 16 and 64 concurrent clients (about 9 minutes on 2 cores, most of it JIT warm-up), then the RESULTS.md
# table. Extra arguments go to JMH (keep its sample mode: the table is computed from it).
# Raw results: benchmarks/target/results/server-t<N>.json and .log.
set -eu
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests package -pl benchmarks -am
out=benchmarks/target/results
mkdir -p "$out"
sh benchmarks/machine.sh benchmarks/run-server.sh "$@" | tee "$out/server-machine.txt"
for t in 1 16 64; do
  echo "load average before -t $t: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/server-machine.txt"
  java -jar benchmarks/target/benchmarks.jar StackServerBenchmark -t "$t" -rf json -rff "$out/server-t$t.json" "$@" \
    > "$out/server-t$t.log" 2>&1
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/server-machine.txt"
echo
java -cp benchmarks/target/benchmarks.jar dev.replayharness.benchmarks.report.ServerReport \
  "$out/server-t1.json" "$out/server-t16.json" "$out/server-t64.json"
