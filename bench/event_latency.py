#!/usr/bin/env python3
"""Time from POST /lead/ answering until its lead.created event is visible in GET /event/?lead_id=.

Usage: event_latency.py <gateway url> <api key> [samples]
Polls every 5 ms on a kept-alive connection; the poll interval bounds the resolution.
"""
import base64
import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlparse


def main():
    url, key = sys.argv[1], sys.argv[2]
    samples = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    parsed = urlparse(url)
    auth = "Basic " + base64.b64encode((key + ":").encode()).decode()
    headers = {"Authorization": auth, "Content-Type": "application/json"}
    writer = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    reader = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    latencies = []
    for i in range(samples):
        writer.request("POST", "/api/v1/lead/", json.dumps({"name": f"Latency {i}"}), headers)
        response = writer.getresponse()
        lead_id = json.loads(response.read())["id"]
        committed = time.perf_counter()
        deadline = committed + 10
        while True:
            reader.request("GET", f"/api/v1/event/?lead_id={lead_id}&object_type=lead", headers=headers)
            data = json.loads(reader.getresponse().read())["data"]
            if data:
                latencies.append((time.perf_counter() - committed) * 1000)
                break
            if time.perf_counter() > deadline:
                print(f"event of {lead_id} not visible after 10 s", file=sys.stderr)
                sys.exit(1)
            time.sleep(0.005)
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"event visible after commit over {samples} leads: p50 {p(0.5):.1f} ms, p90 {p(0.9):.1f} ms, "
          f"p99 {p(0.99):.1f} ms, max {latencies[-1]:.1f} ms, mean {statistics.mean(latencies):.1f} ms")


if __name__ == "__main__":
    main()
