#!/usr/bin/env bash
# What the gateway hop costs, without the rest of the stack: the gateway jar in front of UpstreamStub (one fixed
# lead-sized JSON body), wrk through the gateway and directly on the stub, and the gateway's CPU per request.
#
#   bench/gateway/hop.sh            (after ./mvnw -B -ntp -o -pl platform,gateway package -DskipTests)
#
# Needs a PostgreSQL with an empty database leadline_gateway (LEADLINE_DB_HOST/PORT/USER/PASSWORD, as the gateway
# reads them) and an RSA key pair (LEADLINE_JWT_PRIVATE_KEY/PUBLIC_KEY). Kafka is not needed: the outbox relay
# keeps the two organization events until one shows up. JFR=1 records a profile of the measured run
# (profile.txt: top frames by share, from jfr-top.py; allocation.txt: bytes allocated per request, jfr-alloc.py).
# Environment: GATEWAY_PORT (18080), MANAGEMENT_PORT (18089, health and metrics), STUB_PORT (18090), DURATION (20s), CONNECTIONS (32), WARMUP (20s),
# GATEWAY_APP (gateway/target/quarkus-app; point it at a copy to compare builds), GATEWAY_JVM_OPTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
GATEWAY_PORT="${GATEWAY_PORT:-18080}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-18089}"
STUB_PORT="${STUB_PORT:-18090}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP="${WARMUP:-20s}"
OUT="${OUT:-target/bench/gateway}"
GATEWAY_APP="${GATEWAY_APP:-gateway/target/quarkus-app}"
mkdir -p "$OUT"
# the gateway refuses operator tokens shorter than 32 characters
export LEADLINE_GATEWAY_OPERATOR_TOKEN="${LEADLINE_GATEWAY_OPERATOR_TOKEN:-op_bench_$(openssl rand -hex 16)}"
export LEADLINE_GATEWAY_UPSTREAM_CRM_CORE="http://127.0.0.1:$STUB_PORT"
# the gateway alone, without devstack's migrate step: let it migrate its database at start
export QUARKUS_FLYWAY_MIGRATE_AT_START=true
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:1}"

pids=()
# the gateway may take a while to stop (Kafka producer shutdown): the next run must not find it on its port
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do timeout 10 tail --pid="$pid" -f /dev/null || kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

for port in "$GATEWAY_PORT" "$MANAGEMENT_PORT" "$STUB_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken" >&2; exit 1; fi
done

java -Xmx64m -cp "gateway/target/quarkus-app/lib/main/*" bench/gateway/UpstreamStub.java "$STUB_PORT" \
  >"$OUT/stub.log" 2>&1 &
pids+=($!)

# shellcheck disable=SC2086 # a list of options
java ${GATEWAY_JVM_OPTS:--XX:+UseSerialGC -Xms32m -Xmx192m -XX:MaxMetaspaceSize=128m -Xss512k} \
  -Dquarkus.http.port="$GATEWAY_PORT" -Dquarkus.management.port="$MANAGEMENT_PORT" -Dleadline.gateway.rate-limit.key-limit=100000000 \
  -jar "$GATEWAY_APP/quarkus-run.jar" >"$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
pids+=("$GATEWAY_PID")

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$MANAGEMENT_PORT/q/health/live" >/dev/null 2>&1 && curl -s "http://127.0.0.1:$STUB_PORT/" >/dev/null 2>&1 && break
  sleep 0.5
done

KEY="$(curl -sf -H "Authorization: Bearer $LEADLINE_GATEWAY_OPERATOR_TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Bench Org","user":{"email":"bench@example.com","first_name":"Ben","last_name":"Ch"}}' \
  "http://127.0.0.1:$GATEWAY_PORT/admin/v1/organizations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["api_key"])')"
BASIC="Basic $(printf '%s:' "$KEY" | base64 -w0)"
URL_GATEWAY="http://127.0.0.1:$GATEWAY_PORT/api/v1/lead/lead_bench/"
URL_DIRECT="http://127.0.0.1:$STUB_PORT/api/v1/lead/lead_bench/"

# user and system CPU ticks of a process
cpu_ticks() { awk '{print $14, $15}' "/proc/$1/stat"; }

echo "== warm-up $WARMUP"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: $BASIC" "$URL_GATEWAY" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$URL_DIRECT" >/dev/null

echo "== through the gateway ($CONNECTIONS connections, $DURATION)"
if [[ "${JFR:-0}" == 1 ]]; then
  jcmd "$GATEWAY_PID" JFR.start name=hop settings=profile duration="$DURATION" filename="$ROOT/$OUT/gateway.jfr" >/dev/null
fi
read -r user_before system_before < <(cpu_ticks "$GATEWAY_PID")
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: $BASIC" "$URL_GATEWAY" | tee "$OUT/via-gateway.txt"
read -r user_after system_after < <(cpu_ticks "$GATEWAY_PID")
requests="$(awk '/requests in/ {print $1}' "$OUT/via-gateway.txt")"
python3 -c "u=($user_after-$user_before)/$(getconf CLK_TCK); s=($system_after-$system_before)/$(getconf CLK_TCK); n=$requests
print(f'gateway CPU: {u+s:.1f} s ({u:.1f} user, {s:.1f} system) for {n} requests = {(u+s)/n*1e6:.0f} us/request ({u/n*1e6:.0f} user)')" \
  | tee "$OUT/gateway-cpu.txt"

echo "== directly on the stub"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$URL_DIRECT" | tee "$OUT/direct.txt"

curl -s "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | grep -E '^http_(server|client)_requests_seconds_count' \
  >"$OUT/metrics.txt" || true
if [[ "${JFR:-0}" == 1 ]]; then
  jfr print --json --events jdk.ExecutionSample --stack-depth 64 "$OUT/gateway.jfr" | bench/gateway/jfr-top.py 25 \
    >"$OUT/profile.txt"
  jfr print --json --events jdk.ThreadAllocationStatistics "$OUT/gateway.jfr" | bench/gateway/jfr-alloc.py "$requests" \
    | tee "$OUT/allocation.txt"
fi
grep -E 'ERROR|WARN' "$OUT/gateway.log" | grep -v -i kafka | tail -5 || true
