#!/usr/bin/env bash
# The published CLI runs anywhere: installs harness-cli, fetches its attached runnable jar
# (harness-cli-<version>-all.jar) from the local repository the way a user would (dependency:copy), and runs it
# in an empty temporary folder outside the repository: --help, verify on a folder of recordings, and the proxy
# (started, checked for SLF4J warnings, stopped).
#
#   consumers/cli-outside-repo.sh                                    # CI: the default local repository
#   consumers/cli-outside-repo.sh -Dmaven.repo.local=$PWD/target/m2  # a private repository
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' harness-bom/pom.xml | head -n 1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "-- install harness-cli ($version)"
mvn -B -q "$@" -DskipTests -Dspotless.check.skip=true install -pl harness-cli -am

cd "$work"
echo "-- fetch dev.replayharness:harness-cli:$version:jar:all into $work"
mvn -B -q "$@" org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
  -Dartifact="dev.replayharness:harness-cli:$version:jar:all" -DoutputDirectory="$work"
jar="$work/harness-cli-$version-all.jar"

echo "-- java -jar $(basename "$jar") --help"
java -jar "$jar" --help > help.txt
grep -q "Usage: harness" help.txt || { echo "FAIL: --help printed no usage"; cat help.txt; exit 1; }

echo "-- verify: a valid recording passes"
mkdir -p recordings/demo
cp "$(ls "$root"/recordings/generic-openai/*.json | head -n 1)" recordings/demo/
java -jar "$jar" verify recordings

echo "-- verify: a damaged recording fails, naming the file"
echo '{ not json' > recordings/demo/0000000000000000000000000000000000000000000000000000000000000000.json
if java -jar "$jar" verify recordings > verify.txt 2>&1; then
  echo "FAIL: verify accepted a damaged recording"; cat verify.txt; exit 1
fi
grep -q "0000000000000000000000000000000000000000000000000000000000000000.json" verify.txt \
  || { echo "FAIL: verify did not name the damaged file"; cat verify.txt; exit 1; }

echo "-- proxy: starts from the jar, and SLF4J (Jetty's logging) binds with no warning"
java -jar "$jar" proxy --upstream http://127.0.0.1:9 --port 0 --recordings recordings > proxy.log 2>&1 &
proxy=$!
for _ in $(seq 1 60); do
  grep -q "Replay Harness proxy on" proxy.log && break
  kill -0 "$proxy" 2>/dev/null || break
  sleep 0.5
done
kill "$proxy" 2>/dev/null || true
wait "$proxy" 2>/dev/null || true
grep -q "Replay Harness proxy on" proxy.log || { echo "FAIL: the proxy did not start"; cat proxy.log; exit 1; }
if grep -q "SLF4J" proxy.log; then echo "FAIL: SLF4J warned"; cat proxy.log; exit 1; fi
echo "   ok"
