#!/usr/bin/env bash
# Runs the issue-6 benchmark suite and prints what RESULTS.md records: machine, JDK, load average
# before and after, the JMH tables with Sherd's ratios, and (full only) the cold start.
#
#   benchmarks/run.sh quick    # ~8 min on 2 cores: 1 fork, 3 s warm-up, 2 × 1 s; a smoke check
#   benchmarks/run.sh full     # ~75 min on 2 cores: the annotations' 2 forks, 4 × 4 s, 5 × 3 s
#
# Run from the repository root after `mvn -q -pl benchmarks -am package -DskipTests`. The jar is
# copied first, so a concurrent build cannot replace it under a running fork. Output goes to
# benchmarks/target/run-<profile>-<time>/ (results.json, jmh.log, summary.md).
set -euo pipefail

profile=${1:-quick}
suite='(PointSelect|Insert|Scatter|RangeCount|Plan|Transaction)Benchmark'
case "$profile" in
  quick) jmh_args=(-f 1 -wi 1 -w 3s -i 2 -r 1s) ;;
  full)  jmh_args=() ;;
  *) echo "usage: $0 quick|full" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/target/run-$profile-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
cp "$root/benchmarks/target/benchmarks.jar" "$out/benchmarks.jar"
jar="$out/benchmarks.jar"

{
  echo "## Run: $profile profile, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"\
       "$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- Code: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"\
       "$(git -C "$root" diff --quiet 2>/dev/null || echo '(with uncommitted changes)')"
  echo "- Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Command: java -jar benchmarks.jar '$suite' ${jmh_args[*]:-} -rf json"
} > "$out/summary.md"

# the 1-minute load average every 30 s while the suite runs
( while true; do echo "$(date +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 30; done ) \
    > "$out/load.log" &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

java -jar "$jar" "$suite" "${jmh_args[@]}" -rf json -rff "$out/results.json" | tee "$out/jmh.log"

{
  echo "- Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- 1-minute load average during the run (every 30 s, $out/load.log):"\
       "$(awk '{print $2}' "$out/load.log" | sort -n | awk '{v[NR]=$1} END {print "min " v[1] ", median " v[int((NR+1)/2)] ", max " v[NR]}')"
  echo
  java -cp "$jar" dev.sherd.benchmarks.ResultsTable "$out/results.json"
} >> "$out/summary.md"

if [ "$profile" = full ]; then
  {
    echo
    echo "### Cold start (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo
    java -cp "$jar" dev.sherd.benchmarks.ColdStart 11 | sed -n '/^[0-9]* runs per way/,$p'
  } >> "$out/summary.md"
fi
echo
cat "$out/summary.md"
