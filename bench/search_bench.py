"""BENCH_LOADS=search (issue 12): search over one organization of BENCH_SEARCH_LEADS (default 1,000,000) leads.

The leads (each with one contact holding a name, an email and a phone) are seeded by COPY straight into crm-core's
database (psql \\copy from a generated CSV; the API would take hours), into an organization of their own ("Search
Bench Org") so the other figures keep their seed. Their stored documents are minimal (id, name, dates, status),
which is all these searches read with _fields=id,name. Then, each beside the same run's pgbench reference:
  - GET /lead/?query=name:"<a seeded name>"
  - GET /lead/?query=<3 letters> (free text: lead names and urls, contacts' names, emails, phones, urls)
  - GET /lead/?query=date_updated>=<a mark> sort:date_updated, first page and _skip=1000 (the incremental sync)
  - POST /data/search/ with 3 clauses besides object_type, one a has_related (contacts' emails)
each as wrk p50/p99 through the gateway at the run's connections and at 1, with the statement's EXPLAIN (ANALYZE, BUFFERS) when the bench runs its
own PostgreSQL: log_min_duration_statement=0 is switched on (a reload reaches the pooled connections) for one
request, the statement and its logged parameters are read back from the server log and explained through psql.
"""
import json
import random
import re
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

WORDS = ["acme", "globex", "initech", "umbrella", "stark", "wayne", "hooli", "vandelay", "wonka", "tyrell", "cyberdyne",
         "soylent", "oscorp", "massive", "dynamic", "north", "south", "blue", "river", "summit", "pixel", "quantum",
         "alpha", "omega", "green", "atlas", "nova", "delta", "prime", "zenith"]
SUFFIXES = ["Inc", "LLC", "GmbH", "Corp", "Ltd", "Group", "Labs", "Partners"]
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
CHUNK = 100_000
# the incremental sync's later pages (Close's clients page the query by _skip)
SKIPS = (100, 1000, 5000)
# every figure's title, for the summary
TITLES = {}


def run(b):
    """`b` is bench.py (its helpers: sql, log, http_json, measure_wrk, warm, results, commands, ENV, OUT, ...)."""
    org, key, total = seeded_organization(b, "search")
    name = b.sql("leadline_core", f"select name from lead where organization_id = '{org}' "
                                  f"order by id offset {total // 2} limit 1")
    mark = (START + timedelta(days=600)).strftime("%Y-%m-%dT%H:%M:%S")
    gets = {
        "search-name": f'name:"{name}"',
        "search-free-text-3": "umb",
        "search-updated-since": f'date_updated>="{mark}" sort:date_updated',
    }
    auth = ["-H", f"Authorization: {b.basic(key)}"]
    seconds = b.seconds_of(b.DURATION)
    for figure, query in gets.items():
        path = "/api/v1/lead/?_fields=id,name&query=" + quote(query, safe="")
        measure(b, figure, f"GET /lead/?query={query}", [*auth, b.GATEWAY + path], key, ("GET", path, None), seconds)
    for skip in SKIPS:
        path = f"/api/v1/lead/?_fields=id,name&_skip={skip}&query=" + quote(gets["search-updated-since"], safe="")
        measure(b, f"search-updated-since-skip-{skip}", f"the same, _skip={skip}", [*auth, b.GATEWAY + path], key,
                ("GET", path, None), seconds)
    body = {"query": {"type": "and", "queries": [
        {"type": "object_type", "object_type": "lead"},
        {"type": "text", "value": "north", "mode": "full_words"},
        {"type": "field_condition", "field": {"type": "regular_field", "object_type": "lead", "field_name": "date_updated"},
         "condition": {"type": "moment_range", "on_or_after": {"type": "fixed_utc", "value": mark + "Z"}, "before": None}},
        {"type": "has_related", "this_object_type": "lead", "related_object_type": "contact",
         "related_query": {"type": "field_condition",
                           "field": {"type": "regular_field", "object_type": "contact", "field_name": "name"},
                           "condition": {"type": "text", "value": "ann", "mode": "phrase"}}}]},
        "_fields": {"lead": ["id", "name"]}, "_limit": 100}
    body_file = b.OUT / "search-body.json"
    body_file.write_text(json.dumps(body))
    measure(b, "search-data-search-3", "POST /data/search/ (text, moment_range, has_related contact)",
            [*auth, "-s", str(b.BENCH / "post-search.lua"), b.GATEWAY, "--", str(body_file)], key,
            ("POST", "/api/v1/data/search/", body), seconds)


def seeded_organization(b, load):
    """The organization of BENCH_SEARCH_LEADS leads seeded by COPY (on first use), for this load and others
    (customfields_bench.py): (organization id, api key, number of leads)."""
    total = int(b.ENV.get("BENCH_SEARCH_LEADS", "1000000"))
    state = organization(b)
    org, key = state["organization_id"], state["api_key"]
    b.secrets[b.basic(key)] = "BASIC_SEARCH"
    present = int(b.sql("leadline_core", f"select count(*) from lead where organization_id = '{org}'"))
    b.log(f"\n== {load}: {total:,} leads in {org} ({present:,} present), seeded by COPY")
    if present < total:
        started = time.time()
        seed(b, org, present, total)
        b.sql("leadline_core", "analyze lead; analyze contact")
        seconds = time.time() - started
        b.log(f"  seeded {total - present:,} leads and contacts in {seconds:.0f} s")
        b.results["search_seeding"] = {"leads": total, "seeded": total - present, "seconds": seconds}
    return org, key, total


def organization(b):
    path = Path(str(b.STATE_FILE) + ".search.json")
    if path.is_file():
        state = json.loads(path.read_text())
        status, _, _ = b.http_json("GET", b.GATEWAY + "/api/v1/me/", b.basic(state["api_key"]))
        if status == 200 and state.get("db_url") == b.DB_URL:
            return state
    status, answer, _ = b.http_json("POST", b.GATEWAY + "/admin/v1/organizations", "Bearer " + b.OPERATOR_TOKEN, {
        "name": "Search Bench Org", "user": {"email": "search@leadline.test", "first_name": "Search", "last_name": "Bench"}})
    if status != 201:
        raise RuntimeError(f"creating the search organization answered {status}: {answer}")
    state = {"db_url": b.DB_URL, "organization_id": answer["organization"]["id"], "api_key": answer["api_key"]}
    path.write_text(json.dumps(state, indent=2))
    return state


def seed(b, org, start, total):
    if not b.SAFE_ID.match(org):
        raise RuntimeError(f"unexpected organization id {org}")
    status = b.sql("leadline_core", f"select id from lead_status where organization_id = '{org}' order by position limit 1")
    rng = random.Random(start)
    for chunk in range(start, total, CHUNK):
        leads, contacts = [], []
        for n in range(chunk, min(total, chunk + CHUNK)):
            lead_id, contact_id = f"lead_search{n:08d}{org[5:17]}", f"cont_search{n:08d}{org[5:17]}"
            name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {rng.choice(SUFFIXES)} {n}"
            at = (START + timedelta(minutes=n)).isoformat()
            person = f"{rng.choice(['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Finn'])} {rng.choice(WORDS).title()}"
            email = f"{person.split()[0].lower()}.{n}@{rng.choice(WORDS)}.example"
            phone = f"+1415{n % 10_000_000:07d}"
            doc = json.dumps({"id": lead_id, "name": name, "organization_id": org, "status_id": status,
                              "date_created": at, "date_updated": at})
            leads.append([lead_id, org, name, f"https://{rng.choice(WORDS)}{n}.example", status, at, at, doc])
            contact_doc = json.dumps({"id": contact_id, "lead_id": lead_id, "name": person})
            contacts.append([contact_id, org, lead_id, person,
                             json.dumps({"items": [{"email": email, "type": "office"}]}),
                             json.dumps({"items": [{"phone": phone, "type": "office"}]}), at, at, contact_doc])
        copy(b, "lead (id, organization_id, name, url, status_id, date_created, date_updated, doc)", leads)
        copy(b, "contact (id, organization_id, lead_id, name, emails, phones, date_created, date_updated, doc)", contacts)
        b.log(f"  {min(total, chunk + CHUNK):,} leads")


def copy(b, target, rows):
    text = "\n".join(",".join(csv_field(value) for value in row) for row in rows) + "\n"
    answer = subprocess.run(["psql", b.psql_url("leadline_core"), "-XAtq", "-v", "ON_ERROR_STOP=1", "-c",
                             f"\\copy {target} from stdin (format csv)"], input=text, capture_output=True, text=True,
                            timeout=1800)
    if answer.returncode != 0:
        raise RuntimeError(f"copy into {target} failed: {answer.stderr.strip()}")


def csv_field(value):
    return '"' + str(value).replace('"', '""') + '"'


def measure(b, figure, title, wrk_args, key, request, seconds):
    """The figure at the run's connections (after a warm-up) and at 1 connection (`<figure>-1conn`)."""
    TITLES[figure] = title
    b.log(f"\n== {title}, {b.CONNECTIONS} connections")
    try:
        plan = explain(b, key, request)
    except RuntimeError as problem:  # the load still shows how the request fares
        plan = None
        b.log(f"  no plan: {problem}")
    if plan:
        (b.OUT / f"{figure}-plan.txt").write_text(plan + "\n")
        b.log(f"  plan: target/bench/{figure}-plan.txt")
    b.warm(min(10.0, b.seconds_of(b.WARMUP)), b.CONNECTIONS, wrk_args)
    b.measure_wrk(figure, seconds, b.CONNECTIONS, wrk_args)
    b.log(f"== {title}, 1 connection")
    b.measure_wrk(figure + "-1conn", seconds, 1, wrk_args)


def summary_lines(b):
    """The search figures as rows of the summary's table (figure, p50/p99 at N and at 1 connection, target)."""
    lines = []
    for figure, title in TITLES.items():
        many, one = b.results.get(figure), b.results.get(figure + "-1conn")
        if not many:
            continue
        first_page = "skip" not in figure
        ok = many["p99_ms"] <= 50 and not many["errors"]
        lines.append(f"| search: {title} | {many.get('req_s') or 0:,.0f} req/s | {many['p50_ms']:.2f} / {many['p99_ms']:.2f} ms"
                     f" ({b.CONNECTIONS} conn.); " + (f"{one['p50_ms']:.2f} / {one['p99_ms']:.2f} ms (1 conn.)"
                                                       if one else "") + " | | "
                     + ("p99 ≤ 50 ms (first page) | " + ("met" if ok else "missed") if first_page else "(reported) | ")
                     + (f" {many['errors']:,} errors" if many["errors"] else "") + " |")
    return lines


def explain(b, key, request, database="leadline_core", marker=""):
    """EXPLAIN (ANALYZE, BUFFERS) of the statement the request ran in `database` (the longest one containing
    `marker`), from the bench's own server log."""
    log_path = b.ENV.get("BENCH_PG_LOG")
    if not log_path or not Path(log_path).is_file():
        return None
    log_file = Path(log_path)
    offset = log_file.stat().st_size
    # ALTER SYSTEM refuses a transaction block, so each statement goes alone
    b.sql("postgres", "alter system set log_min_duration_statement = 0")
    b.sql("postgres", "select pg_reload_conf()")
    try:
        time.sleep(0.5)  # the reload reaches every backend asynchronously; the bench (not a test) may wait
        method, path, body = request
        status, _, _ = b.http_json(method, b.GATEWAY + path, b.basic(key), body)
        if status != 200:
            raise RuntimeError(f"{method} {path} answered {status}")
    finally:
        b.sql("postgres", "alter system reset log_min_duration_statement")
        b.sql("postgres", "select pg_reload_conf()")
    with log_file.open(errors="replace") as handle:
        handle.seek(offset)
        lines = handle.read()
    # "execute <name>: <sql>" then "DETAIL:  parameters: $1 = '...', ..."; the longest statement is the page's
    found = re.findall(r"execute [^:]*: (select .*?)\n(?:.*?DETAIL:\s+parameters: (.*?)\n)?", lines, re.S)
    found = [pair for pair in found if marker in pair[0]]
    if not found:
        return None
    statement, parameters = max(found, key=lambda pair: len(pair[0]))
    values = dict(re.findall(r"(\$\d+) = ('(?:[^']|'')*'|NULL)", parameters or ""))
    for number in sorted(values, key=lambda name: -int(name[1:])):
        statement = statement.replace(number, values[number])
    return b.sql(database, "explain (analyze, buffers) " + statement)
