#!/usr/bin/env python3
"""Bytes the gateway's threads allocated during a JFR recording, per request: far steadier than CPU time on a
machine shared with other work. Usage: jfr print --json --events jdk.ThreadAllocationStatistics FILE.jfr |
bench/gateway/jfr-alloc.py REQUESTS"""
import collections
import json
import sys

requests = int(sys.argv[1])
seen = collections.defaultdict(list)
for event in json.load(sys.stdin)["recording"]["events"]:
    values = event["values"]
    thread = values["thread"]["javaName"] if values.get("thread") else "?"
    seen[thread].append(values["allocated"])
per_thread = {name: max(v) - min(v) for name, v in seen.items() if len(v) > 1}
total = sum(per_thread.values())
print(f"allocated: {total / 1e6:.1f} MB for {requests} requests = {total / requests:.0f} bytes/request")
for name, allocated in sorted(per_thread.items(), key=lambda item: -item[1])[:4]:
    print(f"  {name}: {allocated / requests:.0f} bytes/request")
