#!/usr/bin/env bash
# The gateway's side-by-side load run: a fake OpenAI upstream, Atrium in front of it (full
# governance, durable SQLite audit, a plain atrium.yaml) and the Portkey gateway 1.15.2 in front of
# the same upstream, each loaded in turn by a load generator in a process of its own: open loop at
# fixed rates (latency from the intended send time, HdrHistogram) and closed loop on fixed
# connections, every level also against the upstream directly. Prints the Markdown report and keeps
# the raw rows and logs under atrium-bench/target/load/. Stops everything it started.
#
# Usage: atrium-bench/load/side-by-side.sh [--quick] [--runs N] [--seconds N] [--warmup N]
#                                          [--rates "500 1000 2000 4000"] [--connections "1 32 128"]
#                                          [--no-portkey]
#   --quick      one short run at one rate and one connection count (CI: proves the harness works)
#   ATRIUM_JAVA_OPTS  JVM options for the gateway (default: the launcher's, as a user runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=3 seconds=10 warmup=5 rates="500 1000 2000 4000" connections="1 32 128" portkey=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) runs=1 seconds=1 warmup=1 rates="500" connections="32" ;;
    --runs) runs=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --warmup) warmup=$2; shift ;;
    --rates) rates=$2; shift ;;
    --connections) connections=$2; shift ;;
    --no-portkey) portkey=0 ;;
    *) echo "side-by-side: unknown option $1 (see the usage at the top of this script)" >&2; exit 2 ;;
  esac
  shift
done

bench="$root/atrium-bench/target/benchmarks.jar"
atrium_jar="$root/atrium-cli/target/atrium.jar"
if [ ! -f "$bench" ] || [ ! -f "$atrium_jar" ]; then
  echo "side-by-side: building the benchmark and atrium jars..." >&2
  (cd "$root" && ./mvnw -q -B -DskipTests -Dmaven.javadoc.skip=true -pl atrium-bench,atrium-cli -am package)
fi

out="$root/atrium-bench/target/load/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
results="$out/results.tsv"
# shellcheck source=processes.sh
. "$root/atrium-bench/load/processes.sh"

wait_for() { # url, seconds: until it answers
  local deadline=$((SECONDS + $2))
  until curl -s -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || { echo "side-by-side: $1 did not answer within $2 s" >&2; return 1; }
    sleep 0.05
  done
}

# The fake upstream, one event loop: it serves tens of thousands of requests/s alone.
fake_port=$(free_port)
java -cp "$bench" io.monago.atrium.bench.load.FakeOpenAiUpstream "$fake_port" 1 >"$out/fake.log" 2>&1 &
pids+=($!)
fake_pid=$!
wait_for "http://127.0.0.1:$fake_port/" 30

# Atrium, as a new user runs it: a plain atrium.yaml naming the provider, everything else default.
atrium_port=$(free_port)
key=sk-mng-load-test
mkdir -p "$out/atrium-data"
cat >"$out/atrium.yaml" <<YAML
providers:
  openai:
    type: openai
    base_url: http://127.0.0.1:$fake_port/v1
    api_key: sk-fake-upstream
models:
  - {name: "*", provider: openai}
YAML
# Through the launcher, as the README has a user start it (its default heap and class-data archive;
# ATRIUM_JAVA_OPTS replaces both). Any `serve` prepares the archive once per build: done here, untimed.
"$root/atrium" serve --help >/dev/null
started=$(date +%s%N)
ATRIUM_BOOTSTRAP_KEY=$key "$root/atrium" serve --config "$out/atrium.yaml" \
  --port "$atrium_port" --data-dir "$out/atrium-data" >"$out/atrium.log" 2>&1 &
pids+=($!)
atrium_pid=$!
body=$(mktemp -p "$out" body.XXXX.json)
printf '%s' '{"model":"gpt-5.4-mini","messages":[{"role":"user","content":"Halo"}]}' >"$body"
deadline=$((SECONDS + 60))
until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      --data-binary "@$body" "http://127.0.0.1:$atrium_port/v1/chat/completions")" = 200 ]; do
  [ $SECONDS -lt $deadline ] || { echo "side-by-side: atrium did not answer within 60 s (log: $out/atrium.log)" >&2; exit 1; }
  sleep 0.01
done
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "atrium: first answered request ${startup_ms} ms after start (load average $(cut -d' ' -f1-3 /proc/loadavg))" \
  | tee "$out/startup.txt"

if [ "$portkey" = 1 ]; then
  if ! command -v npm >/dev/null; then
    echo "side-by-side: npm not found; run with --no-portkey or install Node 20+" >&2; exit 1
  fi
  pk="$root/atrium-bench/target/portkey"
  if [ ! -f "$pk/node_modules/@portkey-ai/gateway/build/start-server.js" ]; then
    mkdir -p "$pk"
    (cd "$pk" && timeout 300 npm install --no-audit --no-fund --ignore-scripts @portkey-ai/gateway@1.15.2 >"$out/npm.log" 2>&1)
  fi
  portkey_port=$(free_port)
  (cd "$pk" && exec node node_modules/@portkey-ai/gateway/build/start-server.js --port="$portkey_port" --headless) \
    >"$out/portkey.log" 2>&1 &
  pids+=($!)
  portkey_pid=$!
  wait_for "http://127.0.0.1:$portkey_port/" 60
fi

load() { # target url pid mode-args...
  local target=$1 url=$2 pid=$3; shift 3
  java -Dslf4j.internal.verbosity=ERROR -cp "$bench" io.monago.atrium.bench.load.LoadRun --target "$target" --url "$url" --pid "$pid" \
    --clock-ticks "$(getconf CLK_TCK)" --seconds "$seconds" --warmup "$warmup" --out "$results" "$@"
}
each_target() { # mode-args...
  load direct "http://127.0.0.1:$fake_port/v1/chat/completions" "$fake_pid" "$@"
  load atrium "http://127.0.0.1:$atrium_port/v1/chat/completions" "$atrium_pid" \
    --header "Authorization: Bearer $key" "$@"
  if [ "$portkey" = 1 ]; then
    load portkey "http://127.0.0.1:$portkey_port/v1/chat/completions" "$portkey_pid" \
      --header "Authorization: Bearer sk-fake-upstream" --header "x-portkey-provider: openai" \
      --header "x-portkey-custom-host: http://127.0.0.1:$fake_port/v1" "$@"
  fi
}
for run in $(seq 1 "$runs"); do
  echo "--- run $run of $runs" >&2
  for rate in $rates; do each_target --mode open --rate "$rate"; done
  for c in $connections; do each_target --mode closed --connections "$c"; done
done

echo "atrium RSS after the runs: $(grep VmRSS "/proc/$atrium_pid/status" | tr -s ' ' | cut -d' ' -f2-)" | tee -a "$out/startup.txt"
java -cp "$bench" io.monago.atrium.bench.load.LoadReport "$results" | tee "$out/report.md"
echo "rows and logs: $out"
