#!/usr/bin/env bash
# Builds every consumer project (consumers/*/pom.xml: small Maven projects OUTSIDE the reactor) against the
# artifacts this repository installs, the way a user's build consumes them.
#
#   consumers/run.sh                                    # CI: installs into the default local repository
#   consumers/run.sh -Dmaven.repo.local=$PWD/target/m2  # a private repository (the shared ~/.m2 stays untouched)
#
# Every argument is passed to each mvn call. Each consumer must run at least one test and fail none (Surefire
# reports are read back, so a build that silently runs 0 tests fails here).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' harness-bom/pom.xml | head -n 1)"

echo "-- install the published artifacts ($version) the consumers use"
mvn -B -q "$@" -DskipTests -Dspotless.check.skip=true install -pl harness-bom,harness-junit,harness-proxy -am

for pom in consumers/*/pom.xml; do
  dir="$(dirname "$pom")"
  echo "-- $dir"
  rm -rf "$dir/target"
  mvn -B -q "$@" -Dharness.version="$version" -f "$pom" test
  reports=("$dir"/target/surefire-reports/TEST-*.xml)
  [ -f "${reports[0]}" ] || { echo "FAIL: $dir ran no test class (no Surefire report)"; exit 1; }
  # Counts <testcase> elements: the testsuite's tests="" attribute says 0 for @Nested classes with display names.
  tests="$(cat "${reports[@]}" | grep -c '<testcase ' || true)"
  skipped="$(cat "${reports[@]}" | grep -c '<skipped' || true)"
  [ "$skipped" -eq 0 ] || { echo "FAIL: $dir skipped $skipped tests"; exit 1; }
  [ "$tests" -gt 0 ] || { echo "FAIL: $dir ran 0 tests"; exit 1; }
  echo "   $tests tests passed"
done
