#!/usr/bin/env bash
# A bounded load run against a local gateway on built-in defaults (echo provider, default policy,
# SQLite audit): starts the gateway, warms it up, measures with wrk, stops the gateway it started.
# Usage: atrium-bench/load/gateway-load.sh [connections] [seconds]     (needs wrk: apt-get install wrk)
# ATRIUM_JAR=path/to/atrium.jar runs another build (to compare two builds back to back).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
connections=${1:-32}
seconds=${2:-30}
port=${ATRIUM_LOAD_PORT:-18099}
data=$(mktemp -d)
trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT

jar=${ATRIUM_JAR:-}
if [ -z "$jar" ]; then
  "$root/atrium" --version >/dev/null   # builds the CLI if needed
  jar="$root/atrium-cli/target/atrium.jar"
fi
ATRIUM_BOOTSTRAP_KEY=sk-mng-load-test java -jar "$jar" \
  serve --port "$port" --data-dir "$data" >"$data/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
url="http://127.0.0.1:$port/v1/chat/completions"
wrk -t2 -c"$connections" -d10s -s "$root/atrium-bench/load/chat.lua" "$url" >/dev/null
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/atrium-bench/load/chat.lua" "$url"
