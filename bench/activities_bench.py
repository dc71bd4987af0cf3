"""BENCH_LOADS=activities (issue 8): the activities of one lead, and note writes.

One seeded lead (the first of lead-ids.txt) gets BENCH_LEAD_ACTIVITIES (default 10,000) notes: one real note through
the API (so the lead is known to activities-service and the row is exactly what a write stores), then copies of that
row by one INSERT ... SELECT in activities-service's database, each with its own id and a date one minute earlier
than the previous (a lead's history over a week), document included. Kept between runs like the other seeds. Then,
each beside the same run's pgbench reference:
  - GET /activity/?lead_id=<that lead> (first page of 100, newest first), wrk p50/p99 through the gateway, with the
    statement's EXPLAIN (ANALYZE, BUFFERS) (search_bench.explain, the bench's own PostgreSQL);
  - POST /activity/note/ on a random seeded lead (get-random-lead.lua with a body), req/s.
"""

LEAD_ACTIVITIES_DEFAULT = 10_000
NOTE_BODY = '{"lead_id": "LEAD", "note_html": "<p>Bench <b>note</b>: called, left a voicemail</p>"}'


def run(b, state):
    """`b` is bench.py (its helpers: sql, log, http_json, measure_wrk, warm, results, commands, ENV, OUT, ...)."""
    import search_bench  # the one statement-capturing EXPLAIN of the bench

    wanted = int(b.ENV.get("BENCH_LEAD_ACTIVITIES", str(LEAD_ACTIVITIES_DEFAULT)))
    org, key = state["organization_id"], state["api_key"]
    lead = (b.OUT / "lead-ids.txt").read_text().split("\n")[0].strip()
    if not (b.SAFE_ID.match(org) and b.SAFE_ID.match(lead)):
        raise RuntimeError(f"unexpected ids {org!r} {lead!r}")
    seed(b, org, key, lead, wanted)
    auth = ["-H", f"Authorization: {b.basic(key)}"]
    seconds = b.seconds_of(b.DURATION)

    path = f"/api/v1/activity/?lead_id={lead}&_limit=100"
    status, page, size = b.http_json("GET", b.GATEWAY + path, b.basic(key))
    if status != 200 or len(page["data"]) != 100 or not page["has_more"]:
        raise RuntimeError(f"GET {path} answered {status} with {len((page or {}).get('data') or [])} activities")
    b.results["activity_page"] = {"bytes": size, "lead_id": lead}
    b.log(f"\n== GET /activity/?lead_id=<lead with {wanted:,} activities>&_limit=100 through the gateway, "
          f"{b.CONNECTIONS} connections ({size:,} bytes a page)")
    plan = search_bench.explain(b, key, ("GET", path, None), "leadline_activities", "from activity")
    if plan:
        (b.OUT / "list-activities-plan.txt").write_text(plan + "\n")
        b.results["list_activities_plan"] = plan
        b.log("  plan: target/bench/list-activities-plan.txt")
    reading = [*auth, b.GATEWAY + path]
    b.warm(min(10.0, b.seconds_of(b.WARMUP)), b.CONNECTIONS, reading)
    b.measure_wrk("list-activities-gateway", seconds, b.CONNECTIONS, reading)

    posting = [*auth, "-s", str(b.BENCH / "get-random-lead.lua"), b.GATEWAY, "--", str(b.OUT / "lead-ids.txt"),
               "/api/v1/activity/note/", "", NOTE_BODY]
    b.log(f"\n== POST /activity/note/ on a random seeded lead through the gateway, {b.CONNECTIONS} connections")
    b.warm(b.seconds_of(b.POST_WARMUP), b.CONNECTIONS, posting)  # a write path compiles far more code than a read
    b.measure_wrk("post-note-gateway", seconds, b.CONNECTIONS, posting)


def seed(b, org, key, lead, wanted):
    present = int(b.sql("leadline_activities", f"select count(*) from activity where organization_id = '{org}' "
                                               f"and lead_id = '{lead}'"))
    b.log(f"\n== activities: {wanted:,} on lead {lead} ({present:,} present)")
    if present >= wanted:
        return
    status, note, _ = b.http_json("POST", b.GATEWAY + "/api/v1/activity/note/", b.basic(key), {
        "lead_id": lead, "title": "Bench", "note_html": "<p>Called, <b>left a voicemail</b>; will try on Monday.</p>"})
    if status != 200:
        raise RuntimeError(f"POST /activity/note/ answered {status}: {note}")
    copies = wanted - present - 1
    # each copy: a new id and its own dates (one minute apart, older than the template), in the columns and the doc
    b.sql("leadline_activities", f"""
        insert into activity
        select (jsonb_populate_record(null::activity, to_jsonb(t) || jsonb_build_object(
                    'id', c.id, 'date_created', c.at, 'date_updated', c.at, 'activity_at', c.at,
                    'doc', t.doc || jsonb_build_object('id', c.id, 'date_created', c.wire, 'date_updated', c.wire,
                                                       'activity_at', c.wire)))).*
        from activity t,
             lateral (select n, 'acti_bench' || md5(t.id || n) as id,
                             t.date_created - n * interval '1 minute' as at from generate_series(1, {copies}) n) c0,
             lateral (select c0.id, c0.at,
                             to_char(c0.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"') as wire) c
        where t.id = '{note["id"]}' and t.organization_id = '{org}'""")
    b.sql("leadline_activities", "vacuum analyze activity")  # visibility map set: index-only scans can skip the heap
    b.log(f"  seeded {copies + 1:,} notes (1 through the API, {copies:,} copies by INSERT ... SELECT)")
