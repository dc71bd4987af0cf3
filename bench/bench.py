#!/usr/bin/env python3
"""The measuring half of bench/run.sh (which starts PostgreSQL and the stack and exports BENCH_* for this script).

Seeds (or reuses) the bench organization, then measures, each beside the same run's pgbench read of one lead row:
GET /lead/{id}/ through the gateway and directly on crm-core, GET /lead/?_limit=100, POST /lead/ with the event
latency under that load, the gateway's added latency, the CPU split per process, startup times and RSS; writes
target/bench/summary.md. Only the Python standard library, wrk, pgbench and psql.
"""
import base64
import http.client
import json
import os
import re
import resource
import shlex
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import activities_bench  # noqa: E402
import event_latency  # noqa: E402
import customfields_bench  # noqa: E402
import search_bench  # noqa: E402
import seed  # noqa: E402
import webhook_delivery  # noqa: E402
import webhook_stages  # noqa: E402

ENV = os.environ
ROOT = Path(ENV["BENCH_ROOT"])
OUT = Path(ENV["BENCH_OUT"])
BENCH = ROOT / "bench"
DURATION = ENV.get("BENCH_DURATION", "20s")
CONNECTIONS = int(ENV.get("BENCH_CONNECTIONS", "32"))
WARMUP = ENV.get("BENCH_WARMUP", "20s")
# The write path (Hibernate Reactive, Jackson, the outbox) compiles far more code than a GET: with 10 s of warm-up a
# reused data directory measured 198-221 POST/s against 350 right after the API seeding had warmed it.
POST_WARMUP = ENV.get("BENCH_POST_WARMUP", "60s")
LEADS = int(ENV.get("BENCH_LEADS", "100000"))
SEED_CONNECTIONS = int(ENV.get("BENCH_SEED_CONNECTIONS", str(CONNECTIONS)))
CATCH_UP_TIMEOUT = float(ENV.get("BENCH_CATCHUP_TIMEOUT", "900"))
GATEWAY = ENV["BENCH_GATEWAY"].rstrip("/")
CORE = ENV["BENCH_CORE"].rstrip("/")
DB_URL = ENV["BENCH_DB_URL"]
DEMO_KEY = ENV["BENCH_DEMO_KEY"]
OPERATOR_TOKEN = ENV["LEADLINE_GATEWAY_OPERATOR_TOKEN"]
STATE_FILE = Path(ENV["BENCH_STATE"])
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
SERVICES = ["gateway", "crm-core-service", "activities-service", "comments-service", "events-service"]
# which loads run beside the pgbench reference: "leads" (issue 6's figures), "comments" (issue 9's), "search"
# (issue 12's, search_bench.py), "customfields" (issue 11's, customfields_bench.py), "webhooks" (issue 10's),
# "activities" (issue 8's, activities_bench.py), comma-separated
LOADS = set(ENV.get("BENCH_LOADS", "leads").split(","))
SAFE_ID = re.compile(r"^[A-Za-z0-9_]+$")

results = {}  # everything measured, also written as results.json
commands = {}  # figure -> the command line that produced it (secrets replaced by variable names)
secrets = {}  # secret value -> shell variable name shown in commands


def log(line=""):
    print(line, flush=True)


def seconds_of(duration):
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([smh]?)", duration.strip())
    if not match:
        raise SystemExit(f"bench: cannot read the duration {duration!r} (use e.g. 20s, 1m)")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]


def shown(command):
    text = shlex.join(str(part) for part in command)
    for secret, name in secrets.items():
        text = text.replace(secret, "$" + name)
    return text.replace(str(ROOT) + "/", "")


# --- processes, CPU and memory ------------------------------------------------------------------------------------

def service_pids():
    pids = {}
    for line in (OUT / "service-pids").read_text().split("\n"):
        if line.strip():
            pid, module = line.split()
            pids[module] = int(pid)
    return pids


def postmaster_pid():
    parsed = urlparse(DB_URL)
    answer = subprocess.run(["ss", "-Hltnp", f"sport = :{parsed.port or 5432}"], capture_output=True, text=True)
    match = re.search(r"pid=(\d+)", answer.stdout)
    return int(match.group(1)) if match else None


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12]), int(fields[1])  # utime + stime, parent pid
    except (OSError, IndexError):
        return None, None


def process_table():
    """pid -> (cpu ticks, parent pid) of every process"""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            ticks, parent = cpu_ticks(int(entry))
            if ticks is not None:
                table[int(entry)] = (ticks, parent)
    return table


def machine_ticks():
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return sum(values) - idle


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class CpuWindow:
    """CPU seconds each process group spent between start() and stop(), in % of one core (200 % = two cores)."""

    def __init__(self):
        self.services = service_pids()
        self.postmaster = postmaster_pid()

    def _groups(self, table):
        groups = {module: [pid] for module, pid in self.services.items()}
        if ENV.get("BENCH_STACK_PID"):
            groups["devstack (Kafka)"] = [int(ENV["BENCH_STACK_PID"])]
        if self.postmaster:
            groups["postgres"] = [self.postmaster] + [pid for pid, (_, parent) in table.items()
                                                      if parent == self.postmaster]
        return groups

    def start(self):
        self.before = process_table()
        self.seen = dict(self.before)
        self.machine_before = machine_ticks()
        self.children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.started = time.monotonic()
        # pgbench's backends exit with it, before stop(): their last sampled ticks still count
        self.running = True
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()

    def _sample(self):
        while self.running:
            time.sleep(0.5)
            self.seen.update(process_table())

    def stop(self, client_name):
        self.running = False
        self.sampler.join()
        after = dict(self.seen)
        after.update(process_table())
        wall = time.monotonic() - self.started
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        split = {}
        for name, pids in self._groups(after).items():
            ticks = sum(after[pid][0] - self.before.get(pid, (0, 0))[0] for pid in pids if pid in after)
            split[name] = 100.0 * ticks / CLOCK_TICKS / wall
        split[client_name] = 100.0 * ((children.ru_utime - self.children_before.ru_utime)
                                      + (children.ru_stime - self.children_before.ru_stime)) / wall
        machine = 100.0 * (machine_ticks() - self.machine_before) / CLOCK_TICKS / wall
        split["other processes"] = max(0.0, machine - sum(split.values()))
        split["machine"] = machine
        return split


def cpu_line(split):
    parts = [f"{name} {share:.0f}%" for name, share in sorted(split.items(), key=lambda kv: -kv[1])
             if name != "machine" and share >= 0.5]
    return ", ".join(parts) + f" (machine {split['machine']:.0f}% of {os.cpu_count() * 100}%)"


# --- HTTP and SQL helpers -------------------------------------------------------------------------------------------

def basic(key):
    return "Basic " + base64.b64encode((key + ":").encode()).decode()


def http_json(method, url, authorization=None, body=None):
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    headers = {"Content-Type": "application/json"}
    if authorization:
        headers["Authorization"] = authorization
    path = parsed.path + ("?" + parsed.query if parsed.query else "")
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    answer = response.read()
    connection.close()
    return response.status, (json.loads(answer) if answer else None), len(answer)


def psql_url(database):
    parsed = urlparse(DB_URL)
    return parsed._replace(path="/" + database).geturl()


def sql(database, query):
    answer = subprocess.run(["psql", psql_url(database), "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", query],
                            capture_output=True, text=True, timeout=600)
    if answer.returncode != 0:
        raise RuntimeError(f"psql on {database} failed: {answer.stderr.strip()}\n{query}")
    return answer.stdout.strip()


# --- wrk and pgbench ------------------------------------------------------------------------------------------------

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def to_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS_MS[match.group(2)] if match else None


def parse_wrk(output):
    figures = {"req_s": None, "requests": 0, "errors": 0}
    for line in output.split("\n"):
        line = line.strip()
        if line.startswith("Requests/sec:"):
            figures["req_s"] = float(line.split()[1])
        match = re.fullmatch(r"(50|75|90|99)%\s+(\S+)", line)
        if match:
            figures[f"p{match.group(1)}_ms"] = to_ms(match.group(2))
        match = re.match(r"(\d+) requests in", line)
        if match:
            figures["requests"] = int(match.group(1))
        match = re.match(r"Non-2xx or 3xx responses: (\d+)", line)
        if match:
            figures["errors"] += int(match.group(1))
        match = re.match(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", line)
        if match:
            figures["errors"] += sum(int(g) for g in match.groups())
    return figures


def wrk_command(seconds, connections, args, threads=None):
    threads = threads or min(2, connections)
    return ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s", "--latency", *args]


def warm(seconds, connections, args):
    subprocess.run(wrk_command(seconds, connections, args), capture_output=True, timeout=seconds + 120)


def measure_wrk(name, seconds, connections, args, during=None):
    """Runs wrk once, with the CPU split; `during` runs in a thread alongside (its result lands in results)."""
    command = wrk_command(seconds, connections, args)
    window = CpuWindow()
    window.start()
    companion = threading.Thread(target=during, daemon=True) if during else None
    if companion:
        companion.start()
    answer = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
    split = window.stop("wrk")
    if companion:
        companion.join(seconds + 120)
    (OUT / f"{name}.txt").write_text(answer.stdout + answer.stderr)
    if answer.returncode != 0:
        raise RuntimeError(f"wrk failed for {name}: {answer.stderr}")
    figures = parse_wrk(answer.stdout)
    figures["cpu"] = split
    results[name] = figures
    commands[name] = shown(command)
    errors = f", {figures['errors']} errors (non-2xx or socket)" if figures["errors"] else ""
    log(f"  {figures['req_s']:,.0f} req/s, p50 {figures['p50_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms{errors}")
    log(f"  cpu: {cpu_line(split)}")
    return figures


def percentile(values, q):
    return values[min(len(values) - 1, int(q * len(values)))] if values else None


def measure_pgbench(name, seconds, connections, script, org, ids):
    parsed = urlparse(DB_URL)
    prefix = OUT / "pgbench-log"
    for old in OUT.glob("pgbench-log*"):
        old.unlink()
    base = ["pgbench", "-h", parsed.hostname, "-p", str(parsed.port or 5432), "-U", parsed.username or "postgres",
            "-n", "-M", "prepared", "-c", str(connections), "-j", str(min(2, connections)), "-f", str(script),
            "-D", f"org={org}", "-D", f"ids={ids}"]
    env = dict(ENV, PGPASSWORD=parsed.password or "", PGOPTIONS="-c enable_seqscan=off")
    subprocess.run(base + ["-T", "5", "leadline_core"], capture_output=True, env=env, timeout=120)  # warm-up
    command = base + ["-T", f"{seconds:g}", "--log", f"--log-prefix={prefix}", "--sampling-rate=0.2",
                      "leadline_core"]
    window = CpuWindow()
    window.start()
    answer = subprocess.run(command, capture_output=True, text=True, env=env, timeout=seconds + 120)
    split = window.stop("pgbench")
    (OUT / f"{name}.txt").write_text(answer.stdout + answer.stderr)
    if answer.returncode != 0:
        raise RuntimeError(f"pgbench failed: {answer.stderr}")
    tps = float(re.search(r"tps = ([\d.]+) \(without initial connection time\)", answer.stdout).group(1))
    failed = re.search(r"number of failed transactions: (\d+)", answer.stdout)
    latencies = []
    for log_file in OUT.glob("pgbench-log*"):
        for line in log_file.read_text().split("\n"):
            fields = line.split()
            if len(fields) >= 3:
                latencies.append(int(fields[2]) / 1000.0)  # microseconds
        log_file.unlink()
    latencies.sort()
    figures = {"req_s": tps, "p50_ms": percentile(latencies, 0.5), "p90_ms": percentile(latencies, 0.9),
               "p99_ms": percentile(latencies, 0.99), "errors": int(failed.group(1)) if failed else 0, "cpu": split}
    results[name] = figures
    commands[name] = shown(command).replace(f"--log-prefix={prefix}", "--log-prefix=target/bench/pgbench-log")
    log(f"  {tps:,.0f} reads/s, p50 {figures['p50_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms")
    log(f"  cpu: {cpu_line(split)}")
    return figures


# --- the steps ------------------------------------------------------------------------------------------------------

def services_at_start():
    log("\n== services: Quarkus' 'started in' (one service at a time) and idle RSS")
    time.sleep(3)  # the last one started a moment ago: let it settle
    startup = {}
    for module, pid in service_pids().items():
        log_text = (ROOT / "target/devstack/logs" / f"{module}.log").read_text(errors="replace")
        match = re.search(r"started in ([\d.]+)s", log_text)
        appcds = b"-XX:SharedArchiveFile=" in Path(f"/proc/{pid}/cmdline").read_bytes()
        startup[module] = {"started_s": float(match.group(1)) if match else None, "idle_rss_mb": rss_mb(pid),
                           "appcds": appcds}
        log(f"  {module:20s} started in {fmt(startup[module]['started_s'], 3)} s, "
            f"idle RSS {fmt(startup[module]['idle_rss_mb'])} MB{', AppCDS' if appcds else ''}")
    results["startup"] = startup
    commands["startup"] = "bench/run.sh (./run with LEADLINE_START_ONE_BY_ONE=true); 'started in' from " \
                          "target/devstack/logs/<module>.log, RSS from /proc/<pid>/status VmRSS"


def bench_organization():
    """The seeded organization of an earlier run on the same database, when its key still works, else a new one."""
    if STATE_FILE.is_file():
        state = json.loads(STATE_FILE.read_text())
        if state.get("db_url") == DB_URL:
            status, _, _ = http_json("GET", GATEWAY + "/api/v1/me/", basic(state["api_key"]))
            if status == 200:
                log(f"  reusing organization {state['organization_id']} from {STATE_FILE}")
                return state
            log(f"  the saved bench key answers {status}: creating a new organization")
    status, answer, _ = http_json("POST", GATEWAY + "/admin/v1/organizations", "Bearer " + OPERATOR_TOKEN, {
        "name": "Bench Org", "user": {"email": "bench@leadline.test", "first_name": "Bench", "last_name": "User"}})
    if status != 201:
        raise RuntimeError(f"creating the bench organization answered {status}: {answer}")
    state = {"db_url": DB_URL, "organization_id": answer["organization"]["id"], "user_id": answer["user"]["id"],
             "api_key": answer["api_key"]}
    STATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    STATE_FILE.write_text(json.dumps(state, indent=2))
    return state


def seed_leads(state):
    log(f"\n== seeding {LEADS:,} leads (2 contacts, 1 opportunity, 1 open task each) through the gateway")
    org = state["organization_id"]
    if not SAFE_ID.match(org):
        raise RuntimeError(f"unexpected organization id {org!r}")
    present = int(sql("leadline_core", f"select count(*) from lead where organization_id = '{org}'"))
    missing = max(0, LEADS - present)
    seeding = {"present_before": present, "seeded": 0, "seconds": 0.0}
    if missing:
        if present:
            log(f"  {present:,} leads already there, adding {missing:,}")
        done = seed.seed(GATEWAY, basic(state["api_key"]), present, missing, SEED_CONNECTIONS,
                         progress=sys.stdout)
        seeding.update(seeded=done["leads"], seconds=done["seconds"], leads_per_s=done["leads_per_s"],
                       requests_per_s=done["requests_per_s"])
        log(f"  seeded {done['leads']:,} leads in {done['seconds']:.0f} s ({done['leads_per_s']:.0f} leads/s, "
            f"{done['requests_per_s']:.0f} requests/s at {SEED_CONNECTIONS} connections)")
    else:
        log(f"  {present:,} leads already seeded (reused database)")
    commands["seed"] = (f"python3 bench/seed.py {GATEWAY} \"$BENCH_AUTH\" {present} {missing} {SEED_CONNECTIONS}"
                        if missing else "(reused)")
    # events-service must have stored the seed's events before the event latency means anything
    try:
        wait_for_event_log(org, seeding)
    except RuntimeError as e:  # a renamed table must not cost the whole run
        log(f"  WARNING: could not compare the outbox with the event log: {e}")
    ids = sql("leadline_core", f"select id from lead where organization_id = '{org}' order by id").split("\n")
    (OUT / "lead-ids.txt").write_text("\n".join(ids) + "\n")
    seeding["leads"] = len(ids)
    results["seed"] = seeding
    return ids


def wait_for_event_log(org, seeding):
    """Waits until the event log holds as many of the organization's events as the outboxes wrote."""
    # (stops early when nothing arrives for 30 s, e.g. if events-service skips some event types)
    started = time.monotonic()
    expected = sum(int(sql(database, f"select count(*) from outbox_event where organization_id = '{org}'"))
                   for database in ("leadline_core", "leadline_gateway"))
    stored, last_change = -1, started
    while time.monotonic() - started < CATCH_UP_TIMEOUT and time.monotonic() - last_change < 30:
        now_stored = int(sql("leadline_events", f"select count(*) from event where organization_id = '{org}'"))
        if now_stored != stored:
            stored, last_change = now_stored, time.monotonic()
        if stored >= expected:
            break
        time.sleep(2)
    seeding["events_expected"], seeding["events_stored"] = expected, stored
    seeding["event_catch_up_s"] = time.monotonic() - started
    if stored < expected:
        log(f"  WARNING: events-service stored {stored:,} of {expected:,} outbox events of the organization "
            f"after {time.monotonic() - started:.0f} s")
    else:
        log(f"  events-service had stored all {expected:,} events of the organization "
            f"{seeding['event_catch_up_s']:.0f} s after the seeding ended")


def check_a_lead(state, lead_id):
    status, lead, size = http_json("GET", f"{GATEWAY}/api/v1/lead/{lead_id}/", basic(state["api_key"]))
    if status != 200:
        raise RuntimeError(f"GET /lead/{lead_id}/ answered {status}: {lead}")
    shape = {"contacts": len(lead.get("contacts") or []), "opportunities": len(lead.get("opportunities") or []),
             "tasks": len(lead.get("tasks") or []), "bytes": size}
    results["lead_shape"] = shape
    log(f"  a seeded lead: {shape['contacts']} contacts, {shape['opportunities']} opportunities, "
        f"{shape['tasks']} tasks, {size:,} bytes of JSON")


def pgbench_reference(org, ids):
    log(f"\n== reference: pgbench, one prepared read of a random lead row, {CONNECTIONS} connections")
    # pgbench has no lists: the ids sit in a numbered side table, looked up by primary key in the same statement
    sql("leadline_core", f"""
        create schema if not exists bench;
        drop table if exists bench.lead_id;
        create table bench.lead_id (n integer primary key, id varchar(64) collate "C" not null);
        insert into bench.lead_id select row_number() over (order by id), id from lead where organization_id = '{org}';""")
    sql("leadline_core", "vacuum analyze bench.lead_id")  # an index-only probe
    sql("leadline_core", "analyze lead")
    query = ("select * from lead where organization_id = :org "
             "and id = (select id from bench.lead_id where n = :n);")
    script = OUT / "pgbench-lead.sql"
    script.write_text(f"\\set n random(1, :ids)\n{query}\n")
    # a few hundred ids fit one page, where the planner prefers a scan: the reference is always index probes
    plan = sql("leadline_core", "set enable_seqscan = off; explain " + query.replace(":org", f"'{org}'").replace(":n", "1"))
    (OUT / "pgbench-plan.txt").write_text(plan + "\n")
    if "Seq Scan" in plan or "Index" not in plan:
        raise RuntimeError(f"the reference read is not an index lookup:\n{plan}")
    results["pgbench_query"] = script.read_text()
    return measure_pgbench("pgbench-lead-read", seconds_of(DURATION), CONNECTIONS, script, org, len(ids))


def get_benchmarks(state, token):
    seconds = seconds_of(DURATION)
    ids_file = str(OUT / "lead-ids.txt")
    lua = ["-s", str(BENCH / "get-random-lead.lua")]
    via_gateway = ["-H", f"Authorization: {basic(state['api_key'])}", *lua, GATEWAY, "--", ids_file, "/api/v1/lead/"]
    direct = ["-H", f"Authorization: Bearer {token}", *lua, CORE, "--", ids_file, "/api/v1/lead/"]
    warmup = seconds_of(WARMUP)

    log(f"\n== GET /lead/{{random id}}/ through the gateway, {CONNECTIONS} connections (after {warmup:g} s warm-up)")
    warm(warmup, CONNECTIONS, via_gateway)
    measure_wrk("get-lead-gateway", seconds, CONNECTIONS, via_gateway)
    log(f"\n== GET /lead/{{random id}}/ directly on crm-core, {CONNECTIONS} connections")
    warm(min(10.0, warmup), CONNECTIONS, direct)
    measure_wrk("get-lead-direct", seconds, CONNECTIONS, direct)
    log("\n== GET /lead/{random id}/ at 1 connection (what the gateway adds per request)")
    one = min(10.0, seconds)
    for name, args in (("get-lead-gateway-1conn", via_gateway), ("get-lead-direct-1conn", direct)):
        command = wrk_command(one, 1, args)
        answer = subprocess.run(command, capture_output=True, text=True, timeout=one + 120)
        (OUT / f"{name}.txt").write_text(answer.stdout + answer.stderr)
        results[name] = parse_wrk(answer.stdout)
        commands[name] = shown(command)
        figures = results[name]
        log(f"  {name}: {figures['req_s']:,.0f} req/s, p50 {figures['p50_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms")

    log("\n== GET /lead/?_limit=100 through the gateway (pages/s)")
    listing = ["-H", f"Authorization: {basic(state['api_key'])}", f"{GATEWAY}/api/v1/lead/?_limit=100"]
    warm(min(10.0, warmup), CONNECTIONS, listing)
    measure_wrk("list-leads-gateway", seconds, CONNECTIONS, listing)


def post_benchmark():
    seconds = seconds_of(DURATION)
    # the demo organization takes the writes, so the seeded one keeps exactly its seeded leads for the next run
    posting = ["-H", f"Authorization: {basic(DEMO_KEY)}", "-s", str(BENCH / "post-lead.lua"),
               f"{GATEWAY}/api/v1/lead/"]
    log(f"\n== POST /lead/ (one nested contact) through the gateway, {CONNECTIONS} connections, "
        "and meanwhile the time until each sampled POST's event is visible in /event/")
    warm(seconds_of(POST_WARMUP), CONNECTIONS, posting)

    def sample_events():
        time.sleep(1)
        try:
            results["event-latency"] = event_latency.summary(
                *event_latency.sample(GATEWAY, DEMO_KEY, max(1.0, seconds - 2), samplers=4))
        except Exception as e:
            results["event-latency"] = {"failures": [str(e)], "samples": 0}

    measure_wrk("post-lead-gateway", seconds, CONNECTIONS, posting, during=sample_events)
    latency = results.get("event-latency", {"samples": 0, "failures": ["no result"]})
    commands["event-latency"] = (f"python3 bench/event_latency.py {GATEWAY} \"$DEMO_KEY\" {max(1.0, seconds - 2):g} 4"
                                 " (started 1 s into the POST load)")
    if latency.get("samples"):
        log(f"  event visible after the POST answered ({latency['samples']} samples, 4 samplers): "
            f"p50 {latency['p50_ms']:.1f} ms, p90 {latency['p90_ms']:.1f} ms, p99 {latency['p99_ms']:.1f} ms, "
            f"max {latency['max_ms']:.1f} ms" + (f", {latency['lost']} not visible within 10 s" if latency['lost'] else ""))
    for failure in latency.get("failures") or []:
        log(f"  event latency sampler failed: {failure}")


def comment_benchmarks(state):
    """POST /comment/ on random seeded leads, then GET /comment/?object_id= of random seeded leads (issue 9)."""
    seconds = seconds_of(DURATION)
    ids_file = str(OUT / "lead-ids.txt")
    auth = ["-H", f"Authorization: {basic(state['api_key'])}"]
    posting = [*auth, "-s", str(BENCH / "get-random-lead.lua"), GATEWAY, "--", ids_file, "/api/v1/comment/", "",
               '{"object_id": "LEAD", "body": "<p>Bench <b>comment</b></p>"}']
    log(f"\n== POST /comment/ on a random seeded lead through the gateway, {CONNECTIONS} connections")
    warm(seconds_of(POST_WARMUP), CONNECTIONS, posting)  # a write path compiles far more code than a read
    measure_wrk("post-comment-gateway", seconds, CONNECTIONS, posting)
    reading = [*auth, "-s", str(BENCH / "get-random-lead.lua"), GATEWAY, "--", ids_file,
               "/api/v1/comment/?object_id=", ""]
    log(f"\n== GET /comment/?object_id=<random seeded lead> through the gateway, {CONNECTIONS} connections")
    warm(min(10.0, seconds_of(WARMUP)), CONNECTIONS, reading)
    measure_wrk("get-comments-gateway", seconds, CONNECTIONS, reading)


def webhook_benchmark():
    """POST /lead/ at full speed into the demo organization with a local receiver subscribed to lead.created (issue
    10): commit -> delivery p50/p99 and deliveries per second. A first, shorter run warms the write and delivery paths."""
    seconds = seconds_of(DURATION)
    log(f"\n== webhooks: POST /lead/ through the gateway, {CONNECTIONS} connections, each lead.created delivered to a "
        "local receiver; commit (event date_created) -> arrival")
    # the whole write path warms like the lead POST's: every service consumes each lead's events (measured with 10 s:
    # 42 leads/s on an idle machine, every service still compiling)
    webhook_delivery.run(GATEWAY, DEMO_KEY, seconds_of(POST_WARMUP), CONNECTIONS)
    window = CpuWindow()
    window.start()
    figures = webhook_delivery.run(GATEWAY, DEMO_KEY, seconds, CONNECTIONS, DB_URL)
    figures["cpu"] = window.stop("wrk")
    (OUT / "webhook-delivery-wrk.txt").write_text(figures.pop("wrk"))
    commands["webhook-delivery"] = (f"python3 bench/webhook_delivery.py {GATEWAY} \"$DEMO_KEY\" {seconds:g} "
                                    f"{CONNECTIONS}  # runs: {shown(figures.pop('command').split())}")
    results["webhook-delivery"] = figures
    log(f"  {figures['leads_per_s']:,.0f} leads/s written; {figures['delivered']:,} delivered for {figures['leads']:,} "
        "counted POSTs "
        f"({figures['duplicates']} duplicates), {figures['deliveries_per_s_during_load']:,.0f} deliveries/s during the "
        f"load, {figures['deliveries_per_s_overall']:,.0f}/s until the last, which came "
        f"{figures['drained_s_after_load']:.1f} s after the load; commit -> delivery p50 {fmt(figures['p50_ms'], 1)} ms, "
        f"p99 {fmt(figures['p99_ms'], 1)} ms, max {fmt(figures['max_ms'], 1)} ms")
    log(f"  cpu: {cpu_line(figures['cpu'])}")
    if figures.get("stages"):
        log("  stages (webhook_stages.py):\n" + webhook_stages.table(figures["stages"]))


def log_problems():
    """ERROR and WARN lines the services logged during the run (e.g. the gateway's "Stream reset" when wrk stops)."""
    problems = {}
    for module in SERVICES:
        log_file = ROOT / "target/devstack/logs" / f"{module}.log"
        text = log_file.read_text(errors="replace") if log_file.is_file() else ""
        errors = [line for line in text.split("\n") if " ERROR " in line]
        warnings = [line for line in text.split("\n") if " WARN " in line]
        problems[module] = {"errors": len(errors), "warnings": len(warnings),
                            "first_error": errors[0][:200] if errors else None}
    results["log_problems"] = problems


def rss_after():
    log("\n== RSS after the load")
    after = {module: rss_mb(pid) for module, pid in service_pids().items()}
    for module, mb in after.items():
        log(f"  {module:20s} {fmt(mb)} MB")
    results["rss_after_mb"] = after


# --- the summary ----------------------------------------------------------------------------------------------------

def fmt(value, digits=0, unit=""):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "**missed**")


def at_least(value, target):
    return None if value is None else value >= target


def at_most(value, target):
    return None if value is None else value <= target


def write_summary(total_seconds):
    ref = results.get("pgbench-lead-read", {}).get("req_s")

    def share(value):
        return f"{100.0 * value / ref:.1f} %" if value and ref else "n/a"

    gw, direct = results.get("get-lead-gateway", {}), results.get("get-lead-direct", {})
    gw1, direct1 = results.get("get-lead-gateway-1conn", {}), results.get("get-lead-direct-1conn", {})
    listing, post = results.get("list-leads-gateway", {}), results.get("post-lead-gateway", {})
    events = results.get("event-latency", {})

    def diff(a, b, key):
        return a[key] - b[key] if a.get(key) is not None and b.get(key) is not None else None

    added_p50, added_p99 = diff(gw, direct, "p50_ms"), diff(gw, direct, "p99_ms")
    added1_p50, added1_p99 = diff(gw1, direct1, "p50_ms"), diff(gw1, direct1, "p99_ms")
    seeding = results.get("seed", {})
    lines = [
        "# Leadline benchmark (issue 6)",
        "",
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit `{git_commit()}`, {os.cpu_count()} cores, "
        f"{CONNECTIONS} connections, {DURATION} per measurement, JIT warm-up {WARMUP}; "
        f"{seeding.get('leads', 0):,} seeded leads in one organization; whole run {total_seconds:.0f} s.",
        f"PostgreSQL: {sql('postgres', 'show server_version')} at {urlparse(DB_URL).hostname}:{urlparse(DB_URL).port}.",
        "",
        f"**Reference (same run, same PostgreSQL):** pgbench one-row prepared read of a random seeded `lead` row: "
        f"**{fmt(ref)} reads/s** (p50 {fmt(results.get('pgbench-lead-read', {}).get('p50_ms'), 2)} ms, "
        f"p99 {fmt(results.get('pgbench-lead-read', {}).get('p99_ms'), 2)} ms).",
        "",
        "| Figure | Value | p50 / p99 | vs pgbench | Target | |",
        "|---|---|---|---|---|---|",
        f"| GET /lead/{{id}}/ via gateway | {fmt(gw.get('req_s'))} req/s | {fmt(gw.get('p50_ms'), 2)} / "
        f"{fmt(gw.get('p99_ms'), 2)} ms | {share(gw.get('req_s'))} | ≥ 10,000 req/s | {verdict(at_least(gw.get('req_s'), 10000))} |",
        f"| same, share of pgbench | {share(gw.get('req_s'))} | | | ≥ 20 % | "
        f"{verdict(at_least(100.0 * gw['req_s'] / ref, 20) if gw.get('req_s') and ref else None)} |",
        f"| GET /lead/{{id}}/ direct on crm-core | {fmt(direct.get('req_s'))} req/s | {fmt(direct.get('p50_ms'), 2)} / "
        f"{fmt(direct.get('p99_ms'), 2)} ms | {share(direct.get('req_s'))} | ≥ 20,000 req/s | "
        f"{verdict(at_least(direct.get('req_s'), 20000))} |",
        f"| GET /lead/?_limit=100 via gateway | {fmt(listing.get('req_s'))} pages/s | {fmt(listing.get('p50_ms'), 2)} / "
        f"{fmt(listing.get('p99_ms'), 2)} ms | {share(listing.get('req_s'))} | ≥ 500 pages/s | "
        f"{verdict(at_least(listing.get('req_s'), 500))} |",
        f"| POST /lead/ (1 nested contact) via gateway | {fmt(post.get('req_s'))} req/s | {fmt(post.get('p50_ms'), 2)} / "
        f"{fmt(post.get('p99_ms'), 2)} ms | {share(post.get('req_s'))} | ≥ 2,000 req/s | "
        f"{verdict(at_least(post.get('req_s'), 2000))} |",
        f"| event visible in /event/ after the POST answered, under that load | p90 {fmt(events.get('p90_ms'), 1)} ms, "
        f"{events.get('samples', 0)} samples | {fmt(events.get('p50_ms'), 1)} / {fmt(events.get('p99_ms'), 1)} ms | | "
        f"p99 ≤ 200 ms | {verdict(at_most(events.get('p99_ms'), 200))} |",
        f"| gateway adds, {CONNECTIONS} connections (gateway − direct) | | {fmt(added_p50, 2)} / {fmt(added_p99, 2)} ms | | "
        f"≤ 1 ms p50, ≤ 3 ms p99 | {verdict(None if added_p50 is None else added_p50 <= 1 and added_p99 <= 3)} |",
        f"| gateway adds, 1 connection | | {fmt(added1_p50, 2)} / {fmt(added1_p99, 2)} ms | | (no target) | |",
    ]
    for name, label, unit, service, issue in (
            ("post-comment-gateway", "POST /comment/ via gateway", "req/s", "comments-service", 9),
            ("get-comments-gateway", "GET /comment/?object_id= via gateway", "req/s", "comments-service", 9),
            ("list-activities-gateway", "GET /activity/?lead_id= (10,000 activities), first page of 100, via gateway",
             "pages/s", "activities-service", 8),
            ("post-note-gateway", "POST /activity/note/ via gateway", "req/s", "activities-service", 8)):
        figures = results.get(name)
        if figures:
            cpu = (figures.get("cpu") or {}).get(service)
            lines.append(f"| {label} | {fmt(figures.get('req_s'))} {unit} | {fmt(figures.get('p50_ms'), 2)} / "
                         f"{fmt(figures.get('p99_ms'), 2)} ms | {share(figures.get('req_s'))} | (issue {issue}: reported) | "
                         f"{service} CPU {fmt(cpu, 0, ' %')} |")
    lines += search_bench.summary_lines(sys.modules[__name__])
    hooks = results.get("webhook-delivery")
    if hooks:
        lines += [
            f"| webhooks: POST /lead/ load with a subscriber | {fmt(hooks['leads_per_s'])} leads/s | | "
            f"{share(hooks['leads_per_s'])} | 1,000 leads/s | {verdict(at_least(hooks['leads_per_s'], 1000))} |",
            f"| webhooks: deliveries/s to a local receiver | {fmt(hooks['deliveries_per_s_during_load'])} during the load, "
            f"{fmt(hooks['deliveries_per_s_overall'])} until the last ({hooks['delivered']:,} delivered for "
            f"{hooks['leads']:,} POSTs wrk counted, which leaves up to {CONNECTIONS} in flight at its end uncounted; "
            f"{hooks['duplicates']} duplicates) | | | (reported) | |",
            f"| webhooks: commit -> delivery | max {fmt(hooks['max_ms'], 0)} ms | {fmt(hooks['p50_ms'], 1)} / "
            f"{fmt(hooks['p99_ms'], 1)} ms | | p99 ≤ 500 ms | {verdict(at_most(hooks['p99_ms'], 500))} |"]
    for module, figures in results.get("startup", {}).items():
        ok = None if figures["started_s"] is None else figures["started_s"] <= 2 and figures["idle_rss_mb"] <= 200
        lines.append(f"| {module}: started in / idle RSS{' (AppCDS)' if figures.get('appcds') else ''} | "
                     f"{fmt(figures['started_s'], 3)} s / "
                     f"{fmt(figures['idle_rss_mb'])} MB | | | ≤ 2 s, ≤ 200 MB | {verdict(ok)} |")
    others = [r["cpu"]["other processes"] for r in results.values() if isinstance(r, dict) and r.get("cpu")]
    if others and sum(others) / len(others) >= 25:
        lines += ["", f"**Noisy run:** processes outside the stack and the load generator used on average "
                  f"{sum(others) / len(others):.0f} % of the machine's {os.cpu_count() * 100} % during the loads "
                  "(CPU split below); absolute figures are low, compare them with the same run's pgbench read."]
    errors = {name: r["errors"] for name, r in results.items() if isinstance(r, dict) and r.get("errors")}
    if errors:
        lines += ["", "**Errors during the load** (non-2xx answers or socket errors; the figure is suspect): "
                  + ", ".join(f"{name} {count:,}" for name, count in errors.items())]
    if events.get("failures") or events.get("lost"):
        lines += ["", "**Event latency problems:** " + "; ".join(
            [f"{events.get('lost', 0)} events not visible within 10 s"] + (events.get("failures") or []))]
    problems = {m: p for m, p in results.get("log_problems", {}).items() if p["errors"] or p["warnings"]}
    if problems:
        lines += ["", "**Service logs** (`target/devstack/logs/`): " + "; ".join(
            f"{m} {p['errors']} ERROR, {p['warnings']} WARN" + (f" (first: `{p['first_error']}`)" if p["first_error"] else "")
            for m, p in problems.items())]
    if hooks and hooks.get("stages"):
        lines += ["", "## Webhooks: where commit -> delivery goes (webhook_stages.py, first attempts)", "",
                  webhook_stages.table(hooks["stages"])]
    lines += ["", "## CPU split during each load (% of one core; 100 % per core)", "",
              "| Load | " + " | ".join(["gateway", "crm-core", "events", "postgres", "Kafka", "client", "other",
                                        "machine"]) + " |",
              "|---|---|---|---|---|---|---|---|---|"]
    for name in ("pgbench-lead-read", "get-lead-gateway", "get-lead-direct", "list-leads-gateway", "post-lead-gateway",
                 "post-comment-gateway", "get-comments-gateway", "webhook-delivery", "list-activities-gateway",
                 "post-note-gateway"):
        split = results.get(name, {}).get("cpu")
        if split:
            client = split.get("wrk", split.get("pgbench"))
            cells = [split.get("gateway"), split.get("crm-core-service"), split.get("events-service"),
                     split.get("postgres"), split.get("devstack (Kafka)"), client, split.get("other processes"),
                     split.get("machine")]
            lines.append(f"| {name} | " + " | ".join(fmt(c, 0, " %") for c in cells) + " |")
    lines += ["", "\"Kafka\" is the devstack JVM, which hosts it; \"other\" is everything else on the machine "
              "(activities/comments services, and anything not ours): a large share means a noisy run.", "",
              "## Memory", "", "| Service | idle RSS | RSS after the load |", "|---|---|---|"]
    for module in SERVICES:
        idle = results.get("startup", {}).get(module, {}).get("idle_rss_mb")
        lines.append(f"| {module} | {fmt(idle)} MB | {fmt(results.get('rss_after_mb', {}).get(module))} MB |")
    shape = results.get("lead_shape", {})
    lines += ["", "## Seeding", "",
              f"{seeding.get('leads', 0):,} leads in the bench organization ({seeding.get('present_before', 0):,} reused, "
              f"{seeding.get('seeded', 0):,} seeded now in {seeding.get('seconds', 0):.0f} s"
              + (f", {seeding['leads_per_s']:.0f} leads/s = {seeding['requests_per_s']:.0f} requests/s"
                 if seeding.get("seeded") else "") + "). "
              f"events-service had stored all {seeding.get('events_expected', 0):,} outbox events of the organization "
              f"{seeding.get('event_catch_up_s', 0):.0f} s after the seeding ended"
              + ("" if seeding.get("events_stored", 0) >= seeding.get("events_expected", 0) else
                 f" (NOT caught up: {seeding.get('events_stored', 0):,} stored)") + ". "
              f"A seeded lead: {shape.get('contacts')} contacts, {shape.get('opportunities')} opportunities, "
              f"{shape.get('tasks')} tasks, {shape.get('bytes', 0):,} bytes of JSON.", "",
              "## Commands", "",
              "`$BASIC`/`$BENCH_AUTH` = `Basic base64(<bench org key>:)`, `$DEMO_KEY` = the demo key, `$TOKEN` = "
              "`bench/mint-internal-jwt.sh target/devstack/keys/privateKey.pem <org> <user>`; "
              "lead ids in `target/bench/lead-ids.txt`.", "", "```"]
    for name, command in commands.items():
        lines.append(f"# {name}\n{command}")
    if results.get("list_activities_plan"):
        lines += ["```", "", "GET /activity/?lead_id= statement's plan (`target/bench/list-activities-plan.txt`):", "",
                  "```", results["list_activities_plan"].strip()]
    lines += ["```", "", "pgbench script (`target/bench/pgbench-lead.sql`; plan in `target/bench/pgbench-plan.txt`):",
              "", "```", results.get("pgbench_query", "").strip(), "```", ""]
    (OUT / "summary.md").write_text("\n".join(lines))
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str))


def git_commit():
    answer = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return answer.stdout.strip() + ("+changes" if dirty else "")


def main():
    started = float(ENV.get("BENCH_STARTED_AT", time.time()))
    services_at_start()
    state = bench_organization()
    secrets[basic(state["api_key"])] = "BASIC"
    secrets[basic(DEMO_KEY)] = "BASIC_DEMO"
    secrets[DEMO_KEY] = "DEMO_KEY"
    ids = seed_leads(state)
    check_a_lead(state, ids[len(ids) // 2])
    token = subprocess.run([str(BENCH / "mint-internal-jwt.sh"), str(ROOT / "target/devstack/keys/privateKey.pem"),
                            state["organization_id"], state["user_id"]],
                           capture_output=True, text=True, check=True).stdout.strip()
    secrets[token] = "TOKEN"
    try:
        pgbench_reference(state["organization_id"], ids)
        if "leads" in LOADS:
            get_benchmarks(state, token)
            post_benchmark()
        if "comments" in LOADS:
            comment_benchmarks(state)
        if "search" in LOADS:
            search_bench.run(sys.modules[__name__])
        if "customfields" in LOADS:
            customfields_bench.run(sys.modules[__name__])
        if "webhooks" in LOADS:
            webhook_benchmark()
        if "activities" in LOADS:
            activities_bench.run(sys.modules[__name__], state)
        rss_after()
    finally:
        log_problems()
        write_summary(time.time() - started)
        try:
            sql("leadline_core", "drop schema if exists bench cascade")
        except RuntimeError:
            pass
    log(f"\nSummary: {OUT / 'summary.md'}")
    log((OUT / "summary.md").read_text())


if __name__ == "__main__":
    main()
