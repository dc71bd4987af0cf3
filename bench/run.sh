#!/usr/bin/env bash
# Benchmarks the local stack (devstack) with wrk: GET /lead/{id}/ through the gateway and directly on
# crm-core-service, POST /lead/ through the gateway, the time until an event shows in /event/, and each service's
# startup time and memory. Needs wrk (apt-get install wrk), python3 and openssl.
# Usage: bench/run.sh [duration, default 20s] [connections, default 32]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${1:-20s}"
CONNECTIONS="${2:-32}"
OUT="$ROOT/target/bench"
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

# The bench measures the services, not the rate limiter: lift the per-key limit.
export LEADLINE_JVM_OPTS="${LEADLINE_JVM_OPTS:--XX:+UseSerialGC -Xms32m -Xmx192m -XX:MaxMetaspaceSize=128m -Xss512k} -Dleadline.gateway.rate-limit.key-limit=100000000"
# One service at a time, so each startup time is the service's own and not a fifth of two busy cores.
export LEADLINE_START_ONE_BY_ONE=true
./run > "$OUT/stack.log" 2>&1 &
STACK_PID=$!
trap 'kill $STACK_PID 2>/dev/null; wait $STACK_PID 2>/dev/null' EXIT
until grep -q "Demo API key" "$OUT/stack.log"; do
  kill -0 $STACK_PID 2>/dev/null || { cat "$OUT/stack.log"; exit 1; }
  sleep 0.5
done
sed -n '/Leadline is up/,/Operator token/p' "$OUT/stack.log"
KEY=$(awk '/Demo API key/ {print $4}' "$OUT/stack.log")
GATEWAY=$(awk '/^  Gateway/ {print $2}' "$OUT/stack.log")
CORE=http://127.0.0.1:8081
BASIC="Basic $(printf '%s:' "$KEY" | base64 -w0)"

ME=$(curl -sf -H "Authorization: $BASIC" "$GATEWAY/api/v1/me/")
ORG=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["organizations"][0]["id"])' <<<"$ME")
USER_ID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$ME")
LEAD=$(curl -sf -H "Authorization: $BASIC" -H 'Content-Type: application/json' \
  -d '{"name": "Bench Read", "contacts": [{"name": "Reader", "emails": [{"email": "r@bench.example"}]}]}' \
  "$GATEWAY/api/v1/lead/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
TOKEN=$(bench/mint-internal-jwt.sh target/devstack/keys/privateKey.pem "$ORG" "$USER_ID")

echo; echo "== services: startup (Quarkus' own 'started in', one service at a time) and idle RSS"
for module in gateway crm-core-service activities-service comments-service events-service; do
  pid=$(pgrep -f "$module/target/quarkus-app/quarkus-run.jar" | head -1)
  started=$(grep -o 'started in [0-9.]*s' "target/devstack/logs/$module.log" | head -1)
  echo "$module: $started, RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
done

# The JIT needs a while: throughput after 5 s of load is a third of what it is after 20 s.
for module in gateway crm-core-service activities-service comments-service events-service; do
  echo "$(pgrep -f "$module/target/quarkus-app/quarkus-run.jar" | head -1) $module"
done > "$OUT/pids"

warm() { wrk -t2 -c"$CONNECTIONS" -d20s "$@" >/dev/null; }
measure() {
  local name="$1"; shift
  echo; echo "== $name"
  # where the CPU goes while it runs: wrk, the gateway, crm-core and PostgreSQL share the same two cores
  (sleep 5; top -b -n1 -c -w 400 | head -20 > "$OUT/$name.top.txt") &
  local sampler=$!
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | tee "$OUT/$name.txt"
  wait "$sampler"
  # top's PID column, named by the pids file written once the stack is up
  awk 'NR == FNR { name[$1] = $2; next }
       ($1 in name) { cpu[name[$1]] += $9; next }
       / postgres/ { cpu["postgres"] += $9 }
       / wrk/ { cpu["wrk"] += $9 }
       END { for (w in cpu) printf "  cpu %5.1f%%  %s\n", cpu[w], w }' "$OUT/pids" "$OUT/$name.top.txt"
}

warm -H "Authorization: $BASIC" "$GATEWAY/api/v1/lead/$LEAD/"
measure get-lead-via-gateway -H "Authorization: $BASIC" "$GATEWAY/api/v1/lead/$LEAD/"
warm -H "Authorization: Bearer $TOKEN" "$CORE/api/v1/lead/$LEAD/"
measure get-lead-direct-crm-core -H "Authorization: Bearer $TOKEN" "$CORE/api/v1/lead/$LEAD/"
echo; echo "== latency at 1 connection (what the gateway adds per request)"
wrk -t1 -c1 -d10s --latency -H "Authorization: $BASIC" "$GATEWAY/api/v1/lead/$LEAD/" | grep -A4 'Latency Distribution' | sed 's/^/gateway /'
wrk -t1 -c1 -d10s --latency -H "Authorization: Bearer $TOKEN" "$CORE/api/v1/lead/$LEAD/" | grep -A4 'Latency Distribution' | sed 's/^/direct  /'
measure post-lead-via-gateway -s bench/post-lead.lua -H "Authorization: $BASIC" "$GATEWAY/api/v1/lead/"

echo; echo "== event log latency"
python3 bench/event_latency.py "$GATEWAY" "$KEY" 200

echo; echo "== RSS after the load"
for module in gateway crm-core-service activities-service comments-service events-service; do
  pid=$(pgrep -f "$module/target/quarkus-app/quarkus-run.jar" | head -1)
  echo "$module: RSS $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
done
