#!/bin/sh
# Before/after: builds the benchmarks jar at two commits, each in a temporary git worktree outside the repository
# (removed afterwards; offline `mvn package`, never `install`), runs the same JMH selection on both jars, group by
# group, old then new, in this one run, and prints one markdown table old vs new with the ratio and a flag on
# anything worse by more than 10 %.
#
#   benchmarks/compare.sh [--quick|--full] <old-commit> [<new-commit>]     (new: HEAD by default)
#
#   --quick  1 fork, 1 warm-up and 2 measured iterations of 1 s, fewer sizes: a smoke test, ~10 minutes on 2 cores.
#   --full   the benchmarks' own settings (RESULTS.md): the figures to report, ~30 minutes. The default.
#
# The selection: replay (cached and uncached, java.net.http and Apache, 10 and 10,000 recordings), record-mode
# first chunk, canonical hashing, the replay miss (10 and 10,000 recordings; --full adds the cold single shot at
# 10,000) and the JUnit extension's cost per @Recorded test. A group the old jar does not have runs on the new
# jar only ("—" in the old column). Results, logs and the table: benchmarks/target/compare/<date>/.
set -eu
mode=full
case "${1:-}" in
  --quick) mode=quick; shift ;;
  --full) shift ;;
esac
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: benchmarks/compare.sh [--quick|--full] <old-commit> [<new-commit>]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
repo=$(pwd)
old=$(git rev-parse --verify "$1^{commit}")
new=$(git rev-parse --verify "${2:-HEAD}^{commit}")
out="$repo/benchmarks/target/compare/$(date -u '+%Y%m%d-%H%M%S')"
mkdir -p "$out/old" "$out/new"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/replay-harness-compare.XXXXXX")
cleanup() {
  for side in old new; do
    if [ -d "$tmp/$side" ]; then
      git -C "$repo" worktree remove --force "$tmp/$side" || true
    fi
  done
  rm -rf "$tmp"
  git -C "$repo" worktree prune
}
trap cleanup EXIT INT TERM

build() { # side commit
  echo "== building the benchmarks jar at $2 ($1)" >&2
  git -C "$repo" worktree add --quiet --detach "$tmp/$1" "$2"
  (cd "$tmp/$1" && mvn -o -q -B -DskipTests package -pl benchmarks -am) >"$out/$1/build.txt" 2>&1 \
    || { cat "$out/$1/build.txt" >&2; echo "build at $2 failed" >&2; exit 1; }
  cp "$tmp/$1/benchmarks/target/benchmarks.jar" "$tmp/$1.jar"
  java -jar "$tmp/$1.jar" -l >"$out/$1/benchmarks.txt"
  git -C "$repo" worktree remove --force "$tmp/$1"
}
build old "$old"
build new "$new"

if [ "$mode" = quick ]; then
  settings="-f 1 -wi 1 -w 1s -i 2 -r 1s"
  hash_sizes="-p bodyBytes=1024,10485760"
else
  settings=""
  hash_sizes=""
fi

# group name, JMH regex, extra arguments; old jar first, then new, so both sides see the same machine minutes.
group() {
  name=$1 regex=$2
  shift 2
  for side in old new; do
    if grep -Eq "$regex" "$out/$side/benchmarks.txt"; then
      echo "== $name ($side)" >&2
      # shellcheck disable=SC2086 # settings are words on purpose
      java -jar "$tmp/$side.jar" "$regex" $settings "$@" -rf json -rff "$out/$side/$name.json" \
        >"$out/$side/$name.log" 2>&1 || { tail -n 30 "$out/$side/$name.log" >&2; echo "$name failed on $side" >&2; exit 1; }
    else
      echo "== $name: not in the $side jar" >&2
    fi
  done
}
group replay '\.ReplayBenchmark\.(jdk|apache|jdkUncached|apacheUncached)$' -p recordings=10,10000
group first-chunk '\.FirstChunkBenchmark\.'
# shellcheck disable=SC2086
group hashing '\.CanonicalHashBenchmark\.' $hash_sizes
group miss '\.MissBenchmark\.warm' -p recordings=10,10000
if [ "$mode" = full ]; then
  group miss-cold '\.MissBenchmark\.cold' -p recordings=10000
fi
group junit '\.JunitExtensionBenchmark\.'

{
  sh "$repo/benchmarks/machine.sh" "benchmarks/compare.sh --$mode $old $new"
  echo "old: $old $(git -C "$repo" log -1 --format=%s "$old" | cut -c1-80)"
  echo "new: $new $(git -C "$repo" log -1 --format=%s "$new" | cut -c1-80)"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  # The new jar's report, or this checkout's when the new commit predates it.
  report_jar="$tmp/new.jar"
  if ! unzip -l "$report_jar" 2>/dev/null | grep -q 'report/CompareReport.class'; then
    report_jar="$repo/benchmarks/target/benchmarks.jar"
  fi
  java -cp "$report_jar" dev.replayharness.benchmarks.report.CompareReport "$out/old" "$out/new"
} | tee "$out/table.md"
echo "(results: $out)" >&2
