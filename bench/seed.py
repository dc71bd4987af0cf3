#!/usr/bin/env python3
"""Seeds one organization through the public API: per lead a POST /lead/ with two nested contacts, then a
POST /opportunity/ and a POST /task/ (an open task) with the lead's id.

Usage: seed.py <base url> <authorization header value> <first index> <count> [connections, default 32]
Each connection is one thread with a kept-alive HTTP/1.1 connection; the first non-2xx answer stops the seeding
with its body. Prints progress every 10 s to stderr and the totals as one JSON object to stdout.
"""
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse


def lead_body(i):
    return {
        "name": f"Bench Lead {i}",
        "url": f"https://lead-{i}.bench.example",
        "description": "Seeded by bench/seed.py",
        "contacts": [
            {"name": f"Ada Bench {i}", "title": "CEO",
             "emails": [{"email": f"ada.{i}@lead-{i}.bench.example", "type": "office"}],
             "phones": [{"phone": "+14155550100", "type": "office"}]},
            {"name": f"Bob Bench {i}", "title": "CTO",
             "emails": [{"email": f"bob.{i}@lead-{i}.bench.example", "type": "office"}]},
        ],
    }


def opportunity_body(lead_id, i):
    return {"lead_id": lead_id, "value": 100 * (i % 1000 + 1), "value_period": "one_time", "confidence": 50,
            "note": "Seeded by bench/seed.py"}


def task_body(lead_id):
    return {"lead_id": lead_id, "text": "Call back", "date": "2027-01-15"}


class Client:
    def __init__(self, url, authorization):
        parsed = urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.headers = {"Authorization": authorization, "Content-Type": "application/json"}
        self.connection = None

    def post(self, path, body):
        payload = json.dumps(body)
        for attempt in (1, 2):  # one retry on a connection the server closed between requests
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request("POST", path, payload, self.headers)
                response = self.connection.getresponse()
                answer = response.read()
            except (ConnectionError, http.client.RemoteDisconnected, http.client.CannotSendRequest) as e:
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise RuntimeError(f"POST {path}: {e}") from e
                continue
            if response.status not in (200, 201):
                raise RuntimeError(f"POST {path} answered {response.status}: {answer[:500]!r}")
            return json.loads(answer)


def seed(url, authorization, first, count, connections=32, progress=sys.stderr):
    next_index = [first]
    done = [0]
    failures = []
    lock = threading.Lock()
    end = first + count

    def worker():
        client = Client(url, authorization)
        while not failures:
            with lock:
                i = next_index[0]
                if i >= end:
                    return
                next_index[0] += 1
            try:
                lead = client.post("/api/v1/lead/", lead_body(i))
                client.post("/api/v1/opportunity/", opportunity_body(lead["id"], i))
                client.post("/api/v1/task/", task_body(lead["id"]))
            except Exception as e:
                failures.append(str(e))
                return
            with lock:
                done[0] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(max(1, min(connections, count)))]
    for thread in threads:
        thread.start()
    last_report = started
    while any(thread.is_alive() for thread in threads):
        time.sleep(0.2)
        now = time.monotonic()
        if now - last_report >= 10:
            last_report = now
            rate = done[0] / (now - started)
            left = (count - done[0]) / rate if rate else float("inf")
            print(f"  seeded {done[0]}/{count} leads, {rate:.0f} leads/s ({3 * rate:.0f} requests/s), "
                  f"~{left:.0f} s left", file=progress, flush=True)
    took = time.monotonic() - started
    if failures:
        raise RuntimeError(f"seeding stopped after {done[0]} leads: {failures[0]}")
    return {"leads": done[0], "seconds": took, "leads_per_s": done[0] / took if took else 0,
            "requests_per_s": 3 * done[0] / took if took else 0}


def main():
    url, authorization, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    connections = int(sys.argv[5]) if len(sys.argv) > 5 else 32
    print(json.dumps(seed(url, authorization, first, count, connections)))


if __name__ == "__main__":
    main()
