#!/usr/bin/env python3
"""Where a webhook delivery's time goes (issue 10), stage by stage, from the timestamps the rows already hold.

Usage: webhook_stages.py <postgres url of the stack's server> <subscription id> [arrivals.json]
(webhook_delivery.py calls measure() itself before it deletes the subscription, whose deliveries go with it.)

Per delivery of the subscription (first attempt only, so retries do not blur the figures):
  write -> relay      outbox_event.sent_at - created_at (leadline_core): the relay's transaction start (it marks the
                      rows sent with now()) minus the writing transaction's start; the write's own commit is inside
  relay -> stored     event.received_at - outbox_event.sent_at: Kafka produce and ack, the consumer's fetch and its
                      wait for the previous poll, until events-service's storing transaction starts
  stored -> claimed   attempt start (webhook_attempt.attempted_at - latency_ms) - webhook_delivery.date_created (the
                      storing transaction's start): the storing transaction itself, its commit, the worker's wake-up,
                      its claim, and the wait for a free slot of the subscription
  attempt -> arrival  the receiver's arrival time - attempt start (needs the arrivals: webhook-id -> epoch seconds)
  attempt             latency_ms: the whole HTTP exchange as the sender measured it
  total               arrival (or the attempt's end) - the event's date_created
Prints p50/p90/p99/max in ms per stage as JSON. One clock: everything runs on the same machine.
"""
import json
import subprocess
import sys
from urllib.parse import urlparse

STAGES = ["write_to_relay", "relay_to_stored", "stored_to_claimed", "attempt_to_arrival", "attempt", "total"]


def rows(db_url, database, query):
    url = urlparse(db_url)._replace(path="/" + database).geturl()
    answer = subprocess.run(["psql", url, "-XAtq", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
                            capture_output=True, text=True, timeout=300)
    if answer.returncode != 0:
        raise RuntimeError(f"psql on {database} failed: {answer.stderr.strip()}")
    return [line.split("\t") for line in answer.stdout.splitlines() if line]


def percentiles(values):
    values = sorted(values)
    if not values:
        return None
    pick = lambda q: round(values[min(len(values) - 1, int(q * len(values)))], 1)  # noqa: E731
    return {"n": len(values), "p50": pick(0.50), "p90": pick(0.90), "p99": pick(0.99), "max": round(values[-1], 1)}


def measure(db_url, subscription_id, arrivals=None):
    """arrivals: delivery id (webhook-id) -> arrival at the receiver, epoch seconds"""
    if not all(c.isalnum() or c == "_" for c in subscription_id):
        raise ValueError(subscription_id)
    deliveries = rows(db_url, "leadline_events", f"""
        select d.id, d.event_id, d.organization_id, extract(epoch from e.date_created), extract(epoch from e.received_at),
               extract(epoch from d.date_created), extract(epoch from a.attempted_at) - a.latency_ms / 1000.0,
               a.latency_ms
        from webhook_delivery d
        join event e on e.id = d.event_id
        join lateral (select attempted_at, latency_ms from webhook_attempt where delivery_id = d.id
                      order by attempted_at, id limit 1) a on true
        where d.webhook_id = '{subscription_id}'""")
    if not deliveries:
        return {}
    organization = deliveries[0][2]
    since = min(float(row[3]) for row in deliveries) - 60
    outbox = {event_id: (float(created), float(sent)) for event_id, created, sent in rows(db_url, "leadline_core", f"""
        select event_id, extract(epoch from created_at), extract(epoch from sent_at) from outbox_event
        where organization_id = '{organization}' and created_at >= to_timestamp({since}) and sent_at is not null""")}
    stages = {stage: [] for stage in STAGES}
    for delivery_id, event_id, _, created, received, scheduled, attempt_start, latency in deliveries:
        created, received, scheduled, attempt_start = map(float, (created, received, scheduled, attempt_start))
        if event_id in outbox:
            written, sent = outbox[event_id]
            stages["write_to_relay"].append((sent - written) * 1000)
            stages["relay_to_stored"].append((received - sent) * 1000)
        stages["stored_to_claimed"].append((attempt_start - scheduled) * 1000)
        stages["attempt"].append(float(latency))
        arrived = (arrivals or {}).get(delivery_id)
        if arrived is not None:
            stages["attempt_to_arrival"].append((arrived - attempt_start) * 1000)
        end = arrived if arrived is not None else attempt_start + float(latency) / 1000
        stages["total"].append((end - created) * 1000)
    return {stage: percentiles(values) for stage, values in stages.items()}


def table(stages):
    lines = ["| Stage | n | p50 | p90 | p99 | max (ms) |", "|---|---|---|---|---|---|"]
    for stage in STAGES:
        figures = stages.get(stage)
        if figures:
            lines.append(f"| {stage.replace('_', ' ')} | {figures['n']} | {figures['p50']} | {figures['p90']} | "
                         f"{figures['p99']} | {figures['max']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    arrivals = json.loads(open(sys.argv[3]).read()) if len(sys.argv) > 3 else None
    measured = measure(sys.argv[1], sys.argv[2], arrivals)
    print(json.dumps(measured, indent=2))
    print(table(measured), file=sys.stderr)
