"""BENCH_LOADS=customfields (issue 11): listing leads filtered by a custom field over BENCH_SEARCH_LEADS (default
1,000,000) leads of one organization.

The leads are search_bench.py's (the same organization and COPY seeding, reused, not repeated). This load adds one
number field "Bench Score" through the API and gives every lead a value 0–999 by SQL (UPDATEs of 100,000 leads still
without one: the values column and the stored document together, as the API would store them). Then, each as
wrk p50/p99 through the gateway beside the same run's pgbench reference, with the statement's EXPLAIN (ANALYZE,
BUFFERS) (search_bench's explain: it must show an index, lead_custom or the organization's):
  - GET /lead/?custom.<id>=<value>&_fields=id,name (equality: jsonb containment, GIN index lead_custom)
  - GET /lead/?custom.<id>__gte=990&_fields=id,name (a range: key existence through the index, then the path test)
"""
import time

import search_bench

FIELD_NAME = "Bench Score"
SCORE_BATCH = 100_000


def run(b):
    """`b` is bench.py (its helpers: sql, log, http_json, basic, measure_wrk, ...)."""
    org, key, total = search_bench.seeded_organization(b, "customfields")
    field = score_field(b, key)
    started = time.time()
    filled = score_leads(b, org, field)
    if filled > 0:
        b.sql("leadline_core", "analyze lead")
        b.log(f"  gave {filled:,} leads a {FIELD_NAME} in {time.time() - started:.0f} s")
    b.results["customfields_leads"] = {"leads": total, "field": field, "valued_now": filled}
    auth = ["-H", f"Authorization: {b.basic(key)}"]
    seconds = b.seconds_of(b.DURATION)
    for figure, title, query in [
        ("customfield-equals", f"GET /lead/?custom.<{FIELD_NAME}>=421", f"custom.{field}=421"),
        ("customfield-range", f"GET /lead/?custom.<{FIELD_NAME}>__gte=990", f"custom.{field}__gte=990"),
    ]:
        path = "/api/v1/lead/?_fields=id,name&" + query
        search_bench.measure(b, figure, title, [*auth, b.GATEWAY + path], key, ("GET", path, None), seconds)


def score_leads(b, org, field):
    """Gives every lead of the organization without one a score 0-999 (from its id, so a rerun gives the same), in
    batches: one UPDATE of a million leads (and their GIN entries) could outlast bench.sql's 600 s psql timeout and
    would then roll back whole; each batch commits, and a rerun goes on with the leads still without a score.
    hashtext is widened to bigint first: abs() of the int4 minimum is an "integer out of range" error."""
    filled = 0
    while True:
        batch = int(b.sql("leadline_core", f"""
            with unscored as (
                select id from lead where organization_id = '{org}' and not custom ? '{field}' limit {SCORE_BATCH}),
            scored as (
                update lead l set custom = l.custom || jsonb_build_object('{field}', abs(hashtext(l.id)::bigint) % 1000),
                                  doc = l.doc || jsonb_build_object('custom.{field}', abs(hashtext(l.id)::bigint) % 1000)
                from unscored where l.id = unscored.id returning 1)
            select count(*) from scored"""))
        filled += batch
        if batch == 0:
            return filled


def score_field(b, key):
    """The organization's number field for the bench, created once through the API."""
    status, answer, _ = b.http_json("GET", b.GATEWAY + "/api/v1/custom_field/lead/?_limit=100", b.basic(key))
    if status != 200:
        raise RuntimeError(f"listing lead custom fields answered {status}: {answer}")
    for field in answer["data"]:
        if field["name"] == FIELD_NAME:
            return checked(b, field["id"])
    status, answer, _ = b.http_json("POST", b.GATEWAY + "/api/v1/custom_field/lead/", b.basic(key),
                                    {"name": FIELD_NAME, "type": "number"})
    if status != 200:
        raise RuntimeError(f"creating the bench custom field answered {status}: {answer}")
    return checked(b, answer["id"])


def checked(b, field_id):
    if not b.SAFE_ID.match(field_id):
        raise RuntimeError(f"unexpected custom field id {field_id}")
    return field_id
