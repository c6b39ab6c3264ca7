#!/bin/sh
# Builds the benchmarks jar (offline), runs every benchmark but the stack server's (about 10 minutes on 2 cores;
# the server has its own script, run-server.sh, as it runs at three concurrency levels) and prints the tables of
# RESULTS.md. Extra arguments go to JMH, e.g. a regex of benchmarks or -p recordings=10:
#   benchmarks/run.sh
#   benchmarks/run.sh 'ReplayBenchmark|WireMockBenchmark' -p recordings=10
# Raw results: benchmarks/target/results/jmh.json and jmh.log.
set -eu
cd "$(dirname "$0")/.."
mvn -o -q -B -DskipTests package -pl benchmarks -am
out=benchmarks/target/results
mkdir -p "$out"
sh benchmarks/machine.sh benchmarks/run.sh "$@" | tee "$out/machine.txt"
java -jar benchmarks/target/benchmarks.jar -e StackServerBenchmark -rf json -rff "$out/jmh.json" "$@" 2>&1 | tee "$out/jmh.log"
echo
cat "$out/machine.txt"
java -cp benchmarks/target/benchmarks.jar dev.replayharness.benchmarks.report.ResultsReport "$out/jmh.json" "$out/jmh.log"
