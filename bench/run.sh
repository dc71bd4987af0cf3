#!/usr/bin/env bash
# Issue 6's benchmark in one command: starts the local stack (one service at a time), seeds one organization with
# BENCH_LEADS leads through the public API, then measures every figure of the issue beside a same-run pgbench read
# of one lead row from the same PostgreSQL, and writes target/bench/summary.md. See bench/README.md.
#
# Usage: bench/run.sh [duration, default 20s] [connections, default 32]
# Environment (all optional):
#   BENCH_LEADS=100000        leads in the bench organization (2 contacts, 1 opportunity, 1 open task each)
#   BENCH_WARMUP=20s          JIT warm-up before the first GET measurement (shorter ones before the others)
#   BENCH_POST_WARMUP=60s     JIT warm-up of the write path before the POST measurement
#   BENCH_SEED_CONNECTIONS=32 concurrent connections of the seeder
#   BENCH_PGDATA=dir          data directory of the bench's own PostgreSQL (default target/bench/pgdata), kept
#                             between runs so a seeded organization is reused; BENCH_RESEED=true starts it afresh
#   BENCH_PG_PORT=15442       port of that PostgreSQL
#   LEADLINE_DB_HOST (and _PORT, _USER, _PASSWORD)   use this server instead (the seed is reused as well)
#   BENCH_EMBEDDED_DB=true    use devstack's throw-away embedded PostgreSQL instead (seeds every run)
#   BENCH_SKIP_BUILD=true     never build; otherwise stale jars are rebuilt with `./mvnw package` (never install)
#   BENCH_APPCDS=false        build without AppCDS archives (default: with, and devstack starts the services on them)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${1:-20s}"
CONNECTIONS="${2:-32}"
OUT="$ROOT/target/bench"
mkdir -p "$OUT"
STARTED_AT=$(date +%s)

need() {
  command -v "$1" >/dev/null || { echo "bench: $1 is missing; install it with: $2" >&2; exit 1; }
}
need wrk "apt-get update && apt-get install -y wrk"
need pgbench "apt-get update && apt-get install -y postgresql-15   (or postgresql-client-15 for pgbench and psql)"
need psql "apt-get update && apt-get install -y postgresql-client-15"
need python3 "apt-get install -y python3"
need openssl "apt-get install -y openssl"
need ss "apt-get install -y iproute2"

for port in 8080 8081 8082 8083 8084 19092 19093; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "bench: port $port is taken (a stack still running?); the bench needs 8080-8084 and Kafka's 19092/19093" >&2
    ss -Hltnp "sport = :$port" >&2
    exit 1
  fi
done

# --- build (package in this checkout's reactor, never install: ~/.m2 is shared) ----------------------------------
SERVICES=(gateway crm-core-service activities-service comments-service events-service)
# AppCDS archives (issue 6's start lever: measured 13.6-14.0 s against 15.7-23.6 s for the five "started in" summed,
# alternating runs on one busy machine); devstack uses an archive when the build made one. About 45 s per service
# to build, which is why `./mvnw verify` (CI) does not make them.
APPCDS="${BENCH_APPCDS:-true}"
newer_than() { # true when anything under the paths after $1 is newer than $1 (or $1 is missing)
  local artifact="$1"; shift
  [[ -f "$artifact" ]] || return 0
  local path
  for path in "$@"; do
    [[ -e "$path" ]] && [[ -n "$(find "$path" -newer "$artifact" -type f -print -quit)" ]] && return 0
  done
  return 1
}
stale() {
  local module
  for module in "${SERVICES[@]}"; do
    newer_than "$module/target/quarkus-app/quarkus-run.jar" "$module/src/main" "$module/pom.xml" \
      platform/src/main platform/pom.xml pom.xml && return 0
    [[ "$APPCDS" == true && ! -f "$module/target/quarkus-app/app-cds.jsa" ]] && return 0
  done
  newer_than devstack/target/devstack.jar devstack/src/main devstack/pom.xml platform/src/test platform/pom.xml
}
if [[ "${BENCH_SKIP_BUILD:-false}" != true ]] && stale; then
  modules="$(IFS=,; echo "${SERVICES[*]},devstack")"
  echo "bench: building ($modules) with ./mvnw package..."
  ./mvnw -B -ntp -q -o package -DskipTests -Dquarkus.package.jar.appcds.enabled="$APPCDS" -pl "$modules" -am \
      > "$OUT/build.log" 2>&1 \
    || ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.jar.appcds.enabled="$APPCDS" -pl "$modules" -am \
      > "$OUT/build.log" 2>&1 \
    || { tail -40 "$OUT/build.log" >&2; echo "bench: build failed, see $OUT/build.log" >&2; exit 1; }
  # ./run rebuilds (with install) when a jar is older than its sources: make sure it finds nothing to do
  find "${SERVICES[@]/%//target/quarkus-app/quarkus-run.jar}" devstack/target/devstack.jar -exec touch {} +
fi

# --- PostgreSQL: our own (kept between runs), an external one, or devstack's embedded one ----------------------
PG_PID=""
STACK_PID=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$STACK_PID" ]] && kill -0 "$STACK_PID" 2>/dev/null; then
    echo "bench: stopping the stack"
    kill "$STACK_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$STACK_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$STACK_PID" 2>/dev/null || true
  fi
  # services whose devstack died without stopping them (their pids were written once the stack was up)
  if [[ -f "$OUT/service-pids" ]]; then
    while read -r pid _; do kill "$pid" 2>/dev/null || true; done < "$OUT/service-pids"
  fi
  if [[ -n "$PG_PID" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  echo "bench: finished in $(( $(date +%s) - STARTED_AT )) s (exit $status)"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_postgres() { # PostgreSQL refuses to run as root
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

PG_BIN="${BENCH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ -n "${LEADLINE_DB_HOST:-}" ]]; then
  echo "bench: PostgreSQL from LEADLINE_DB_HOST"
elif [[ "${BENCH_EMBEDDED_DB:-false}" == true || ! -x "$PG_BIN/pg_ctl" ]]; then
  [[ -x "$PG_BIN/pg_ctl" ]] || echo "bench: no PostgreSQL server binaries (apt-get install -y postgresql-15);" \
    "using devstack's embedded PostgreSQL, seeded afresh each run"
else
  PGDATA_DIR="$(realpath -m "${BENCH_PGDATA:-$OUT/pgdata}")"
  PG_PORT="${BENCH_PG_PORT:-15442}"
  if [[ "${BENCH_RESEED:-false}" == true ]]; then rm -rf "$PGDATA_DIR" "$PGDATA_DIR.seed.json"; fi
  if [[ ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
    mkdir -p "$PGDATA_DIR"
    [[ $EUID -eq 0 ]] && chown postgres "$PGDATA_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      > "$OUT/initdb.log" 2>&1 || { cat "$OUT/initdb.log" >&2; exit 1; }
  fi
  if ss -Hltn "sport = :$PG_PORT" | grep -q .; then
    echo "bench: port $PG_PORT is taken; set BENCH_PG_PORT" >&2; exit 1
  fi
  # the settings of devstack's embedded server (fsync off etc.), so the numbers compare with ./run
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 start -o \
    "-p $PG_PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off \
     -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  PG_PID=$(head -1 "$PGDATA_DIR/postmaster.pid")
  export LEADLINE_DB_HOST=127.0.0.1 LEADLINE_DB_PORT="$PG_PORT" LEADLINE_DB_USER=postgres LEADLINE_DB_PASSWORD=postgres
  export BENCH_STATE="$PGDATA_DIR.seed.json"
  export BENCH_PG_LOG="$PGDATA_DIR/server.log" # search_bench.py reads the statements it explains from here
  echo "bench: own PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PGDATA_DIR)"
fi

# --- the stack ------------------------------------------------------------------------------------------------
# The bench measures the services, not the rate limiter: lift the per-key limit; and give the first (cold)
# provisioning call to crm-core more than 10 s on a busy machine.
export LEADLINE_JVM_OPTS="${LEADLINE_JVM_OPTS:--XX:+UseSerialGC -Xms32m -Xmx192m -XX:MaxMetaspaceSize=128m -Xss512k} -Dleadline.gateway.rate-limit.key-limit=100000000 -Dleadline.gateway.provision-timeout=120s"
# One service at a time, so each startup time is the service's own and not a fifth of two busy cores.
export LEADLINE_START_ONE_BY_ONE=true
export LEADLINE_GATEWAY_OPERATOR_TOKEN="op_bench_$(openssl rand -hex 12)"
# devstack gives each service 60 s to get ready; on a busy machine a second attempt usually makes it
start_stack() {
  echo "bench: starting the stack (log: $OUT/stack.log)"
  ./run > "$OUT/stack.log" 2>&1 &
  STACK_PID=$!
  for _ in $(seq 1 600); do # at most 5 minutes
    grep -q "Operator token" "$OUT/stack.log" && return 0
    kill -0 "$STACK_PID" 2>/dev/null || { tail -30 "$OUT/stack.log" >&2; echo "bench: the stack did not start" >&2; return 1; }
    sleep 0.5
  done
  echo "bench: the stack was not up within 5 minutes" >&2
  return 1
}
for attempt in $(seq 1 "${BENCH_STACK_ATTEMPTS:-2}"); do
  start_stack && break
  [[ -n "$STACK_PID" ]] && { kill "$STACK_PID" 2>/dev/null || true; wait "$STACK_PID" 2>/dev/null || true; }
  [[ $attempt -lt ${BENCH_STACK_ATTEMPTS:-2} ]] || exit 1
  echo "bench: trying once more"
done
sed -n '/Leadline is up/,/Operator token/p' "$OUT/stack.log"

# devstack's child JVMs, for startup times, RSS and the CPU split (and for the cleanup above)
# devstack starts each service from its quarkus-app directory (so AppCDS applies): found by the port it listens on
for module in "${SERVICES[@]}"; do
  port=$(awk -v m="$module" '$1 == m && $NF ~ /^http/ {n = split($NF, p, ":"); print p[n]; exit}' "$OUT/stack.log")
  pid=$(ss -Hltnp "sport = :${port:-0}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  [[ -n "$pid" ]] || { echo "bench: no process for $module" >&2; exit 1; }
  echo "$pid $module"
done > "$OUT/service-pids"

# ./run prints the server it used: "PostgreSQL  postgresql://user:password@host:port"
export BENCH_DB_URL="$(awk '$1 == "PostgreSQL" && $2 ~ /^postgres/ {print $2; exit}' "$OUT/stack.log")"
export BENCH_GATEWAY="$(awk '$1 == "Gateway" {print $2; exit}' "$OUT/stack.log")"
export BENCH_CORE="$(awk '$1 == "crm-core-service" && $NF ~ /^http/ {print $NF; exit}' "$OUT/stack.log")"
export BENCH_DEMO_KEY="$(awk '/Demo API key/ {print $4; exit}' "$OUT/stack.log")"
export BENCH_STATE="${BENCH_STATE:-$OUT/seed-state.json}"
export BENCH_OUT="$OUT" BENCH_ROOT="$ROOT" BENCH_DURATION="$DURATION" BENCH_CONNECTIONS="$CONNECTIONS"
export BENCH_STARTED_AT="$STARTED_AT" BENCH_STACK_PID="$STACK_PID"
python3 bench/bench.py
