#!/bin/sh
# The stack server in replay mode (issue 7): requests/s and p99, non-streaming and streaming, at 1, 16 and 64
# concurrent clients (about 4 minutes on 2 cores). Raw results: benchmarks/target/results/server-t<N>.json.
set -eu
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package -pl benchmarks -am
out=benchmarks/target/results
mkdir -p "$out"
for t in 1 16 64; do
  java -jar benchmarks/target/benchmarks.jar StackServerBenchmark -t "$t" -rf json -rff "$out/server-t$t.json" "$@" \
    2>&1 | tee "$out/server-t$t.log" | grep -E "^StackServerBenchmark|p0.99|Benchmark +Mode" || true
done
