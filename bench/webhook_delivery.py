#!/usr/bin/env python3
"""Webhook delivery under a write load of leads (issue 10): commit -> delivery p50/p99 and deliveries per second.

Usage: webhook_delivery.py <gateway url> <api key> [seconds, default 20] [connections, default 32] [postgres url]
Starts a receiver on a free loopback port (the development stack allows http and loopback receivers), subscribes the
key's organization to lead.created there, drives POST /lead/ with wrk (post-lead.lua) for `seconds`, then waits until
every created lead's delivery has arrived (or nothing arrived for 30 s). The latency of a delivery is its arrival at
the receiver minus the event's date_created, which crm-core stamps in the transaction that commits the lead (the
outbox): commit -> Kafka -> events-service stores it with its delivery row -> claimed -> POSTed. Same machine, same
clock. With the stack's PostgreSQL url, also each stage's share (webhook_stages.py) before the subscription is deleted
at the end. Prints one JSON object; bench.py runs it for BENCH_LOADS=webhooks.
"""
import base64
import http.client
import json
import re
import subprocess
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import webhook_stages

BENCH = Path(__file__).resolve().parent
QUIET_FOR = 30.0  # stop waiting for stragglers after this long without a delivery


class Receiver(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.arrivals = {}  # webhook-id -> (arrived at, epoch s; event date_created, epoch s)
        self.duplicates = 0
        self.last_arrival = time.time()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the sender pools connections

    def do_POST(self):
        arrived = time.time()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()
        event = json.loads(body)["event"]
        created = datetime.fromisoformat(event["date_created"]).timestamp()
        server = self.server
        with server.lock:
            webhook_id = self.headers.get("webhook-id")
            if webhook_id in server.arrivals:
                server.duplicates += 1
            else:
                server.arrivals[webhook_id] = (arrived, created)
            server.last_arrival = arrived

    def log_message(self, *args):
        pass


def call(gateway, key, method, path, body=None):
    parsed = urlparse(gateway)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    auth = "Basic " + base64.b64encode((key + ":").encode()).decode()
    connection.request(method, "/api/v1" + path, json.dumps(body) if body is not None else None,
                       {"Authorization": auth, "Content-Type": "application/json"})
    response = connection.getresponse()
    answer = response.read()
    connection.close()
    return response.status, json.loads(answer) if answer else None


def percentile(values, q):
    return values[min(len(values) - 1, int(q * len(values)))] if values else None


def run(gateway, key, seconds, connections, db_url=None):
    receiver = Receiver()
    stages = None
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    status, subscription = call(gateway, key, "POST", "/webhook/",
                                {"url": url, "events": [{"object_type": "lead", "action": "created"}]})
    if status != 201:
        raise RuntimeError(f"POST /webhook/ answered {status}: {subscription}")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "10s", "--latency",
               "-H", "Authorization: Basic " + base64.b64encode((key + ":").encode()).decode(),
               "-s", str(BENCH / "post-lead.lua"), gateway.rstrip("/") + "/api/v1/lead/"]
    try:
        load_started = time.time()
        answer = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 120)
        load_ended = time.time()
        requests = int(re.search(r"(\d+) requests in", answer.stdout).group(1))
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", answer.stdout)
        # wrk does not count the requests in flight when it stops (up to `connections` more leads exist)
        leads = requests - (int(non_2xx.group(1)) if non_2xx else 0)
        while True:
            with receiver.lock:
                delivered, quiet = len(receiver.arrivals), time.time() - receiver.last_arrival
            if delivered >= leads or quiet > QUIET_FOR:
                break
            time.sleep(0.5)
        if db_url:
            time.sleep(1.0)  # the last attempts are recorded just after their answers arrived
            with receiver.lock:
                arrived_at = {webhook_id: arrived for webhook_id, (arrived, _) in receiver.arrivals.items()}
            stages = webhook_stages.measure(db_url, subscription["id"], arrived_at)
    finally:
        call(gateway, key, "DELETE", f"/webhook/{subscription['id']}/")
        receiver.shutdown()
    with receiver.lock:
        arrivals = list(receiver.arrivals.values())
        duplicates = receiver.duplicates
    latencies = sorted((arrived - created) * 1000 for arrived, created in arrivals)
    during_load = sum(1 for arrived, _ in arrivals if load_started <= arrived <= load_ended)
    last = max((arrived for arrived, _ in arrivals), default=load_ended)
    return {
        "leads_per_s": leads / (load_ended - load_started),
        "leads": leads,
        "delivered": len(arrivals),
        "missing": max(0, leads - len(arrivals)),
        "duplicates": duplicates,
        # throughput while the load ran, and overall (until the last delivery arrived)
        "deliveries_per_s_during_load": during_load / (load_ended - load_started),
        "deliveries_per_s_overall": len(arrivals) / max(0.001, last - load_started),
        "drained_s_after_load": max(0.0, last - load_ended),
        "p50_ms": percentile(latencies, 0.50),
        "p90_ms": percentile(latencies, 0.90),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": latencies[-1] if latencies else None,
        # where the time went, from the rows' timestamps (webhook_stages.py), when a database url was given
        "stages": stages,
        "wrk": answer.stdout,
        "command": " ".join(command),
    }


if __name__ == "__main__":
    args = sys.argv[1:]
    print(json.dumps(run(args[0], args[1], float(args[2]) if len(args) > 2 else 20.0,
                         int(args[3]) if len(args) > 3 else 32, args[4] if len(args) > 4 else None), indent=2))
