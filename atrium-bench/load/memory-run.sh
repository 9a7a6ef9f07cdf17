#!/usr/bin/env bash
# The gateway's memory over a long run: a fake OpenAI upstream, Atrium in front of it as a user starts
# it (a plain atrium.yaml, the launcher's default heap, full governance, durable SQLite audit), and an
# open-loop load generator sending at a fixed rate for a fixed time. Every --every seconds it samples
# the gateway's resident memory (/proc) and its heap (jstat: young and old generation in use), then
# prints the samples and a summary: is memory flat after warm-up? Stops everything it started.
#
# Usage: atrium-bench/load/memory-run.sh [--quick] [--minutes N] [--rate N] [--every S]
#   defaults: 30 s of warm-up on 8 connections, then 30 minutes at 1000 requests/s, a sample every 30 s
#   --quick   20 s at 200 requests/s, a sample every 5 s (CI: proves the harness works)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
minutes=30 rate=1000 every=30 seconds="" warmup=30
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) seconds=20 rate=200 every=5 warmup=3 ;;
    --minutes) minutes=$2; shift ;;
    --rate) rate=$2; shift ;;
    --every) every=$2; shift ;;
    *) echo "memory-run: unknown option $1 (see the usage at the top of this script)" >&2; exit 2 ;;
  esac
  shift
done
seconds=${seconds:-$((minutes * 60))}

bench="$root/atrium-bench/target/benchmarks.jar"
if [ ! -f "$bench" ] || [ ! -f "$root/atrium-cli/target/atrium.jar" ]; then
  echo "memory-run: building the benchmark and atrium jars..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -Dmaven.javadoc.skip=true -pl atrium-bench,atrium-cli -am package)
fi
out="$root/atrium-bench/target/memory/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out/atrium-data"
# shellcheck source=processes.sh
. "$root/atrium-bench/load/processes.sh"

fake_port=$(free_port)
java -cp "$bench" io.monago.atrium.bench.load.FakeOpenAiUpstream "$fake_port" 1 >"$out/fake.log" 2>&1 &
pids+=($!)
atrium_port=$(free_port)
key=sk-mng-memory-run
cat >"$out/atrium.yaml" <<YAML
providers:
  openai:
    type: openai
    base_url: http://127.0.0.1:$fake_port/v1
    api_key: sk-fake-upstream
models:
  - {name: "*", provider: openai}
YAML
"$root/atrium" serve --help >/dev/null # prepares the class-data archive once per build, untimed
ATRIUM_BOOTSTRAP_KEY=$key "$root/atrium" serve --config "$out/atrium.yaml" \
  --port "$atrium_port" --data-dir "$out/atrium-data" >"$out/atrium.log" 2>&1 &
pids+=($!)
atrium_pid=$!
deadline=$((SECONDS + 60))
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d '{"model":"gpt-5.4-mini","messages":[{"role":"user","content":"Halo"}]}' \
      "http://127.0.0.1:$atrium_port/v1/chat/completions")" = 200 ]; do
  [ $SECONDS -lt $deadline ] || { echo "memory-run: atrium did not answer within 60 s (log: $out/atrium.log)" >&2; exit 1; }
  sleep 0.05
done
# The launcher execs java, so its pid is the gateway's.
gateway_pid=$atrium_pid

# Warm up on a closed loop first: a gateway still compiling its hot code cannot take 1,000
# requests/s from cold, and the open loop stops when it falls two seconds behind.
java -Dslf4j.internal.verbosity=ERROR -cp "$bench" io.monago.atrium.bench.load.LoadRun --target warm-up \
  --url "http://127.0.0.1:$atrium_port/v1/chat/completions" --header "Authorization: Bearer $key" \
  --mode closed --connections 8 --seconds "$warmup" --warmup 0 >"$out/warm-up.log" 2>&1

java -Dslf4j.internal.verbosity=ERROR -cp "$bench" io.monago.atrium.bench.load.LoadRun --target atrium \
  --url "http://127.0.0.1:$atrium_port/v1/chat/completions" --header "Authorization: Bearer $key" \
  --pid "$gateway_pid" --clock-ticks "$(getconf CLK_TCK)" --mode open --rate "$rate" \
  --seconds "$seconds" --warmup 0 --out "$out/results.tsv" >"$out/load.log" 2>&1 &
load_pid=$!
pids+=($load_pid)

samples="$out/samples.tsv"
printf 'elapsed_s\trss_mb\theap_used_mb\told_used_mb\theap_capacity_mb\n' >"$samples"
started=$SECONDS
sample() {
  local rss heap
  rss=$(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$gateway_pid/status")
  # jstat reads the JVM's performance counters from shared memory: no attach, nothing paused.
  heap=$(jstat -gc "$gateway_pid" | awk 'NR == 2 {printf "%.1f\t%.1f\t%.1f", ($3 + $4 + $6 + $8) / 1024, $8 / 1024, ($1 + $2 + $5 + $7) / 1024}')
  printf '%s\t%s\t%s\n' "$((SECONDS - started))" "$rss" "$heap" >>"$samples"
}
while kill -0 "$load_pid" 2>/dev/null; do
  sample
  for _ in $(seq 1 "$every"); do kill -0 "$load_pid" 2>/dev/null || break; sleep 1; done
done
sample
wait "$load_pid" || { echo "memory-run: the load generator failed (log: $out/load.log)" >&2; exit 1; }
if grep -q saturated "$out/load.log"; then
  echo "memory-run: the gateway fell behind the rate and the load stopped early (log: $out/load.log)" >&2
  exit 1
fi

cat "$samples"
cat "$out/load.log"
# Flat means: after the first fifth (warm-up), the last sample is within a few MB of the first.
awk -F'\t' -v total="$seconds" '
  NR == 1 { next }
  $1 >= total / 5 && !warm { warm = 1; rss0 = $2; old0 = $4; t0 = $1 }
  { rss1 = $2; old1 = $4; t1 = $1; if ($2 > rssmax) rssmax = $2 }
  END {
    if (!warm) { rss0 = rss1; old0 = old1; t0 = t1 }
    printf "memory-run: RSS %.1f MB at %d s, %.1f MB at %d s (max %.1f MB); old generation in use %.1f MB -> %.1f MB\n",
      rss0, t0, rss1, t1, rssmax, old0, old1
  }' "$samples" | tee "$out/summary.txt"
echo "samples and logs: $out"
