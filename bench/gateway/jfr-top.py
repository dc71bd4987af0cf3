#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples: top frames (self) and methods on the stack (inclusive), by share.
Usage: jfr print --json --events jdk.ExecutionSample FILE.jfr | bench/gateway/jfr-top.py [N]"""
import collections
import json
import sys

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 25
events = json.load(sys.stdin)["recording"]["events"]
top = collections.Counter()
inclusive = collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"] if event["values"].get("stackTrace") else []
    names = [f'{f["method"]["type"]["name"]}.{f["method"]["name"]}' for f in frames]
    if names:
        top[names[0]] += 1
    for name in set(names):
        inclusive[name] += 1
total = len(events) or 1
print(f"{len(events)} samples\n-- top frames (self)")
for name, count in top.most_common(limit):
    print(f"{100 * count / total:5.1f}%  {name}")
print("-- on the stack (inclusive)")
for name, count in inclusive.most_common(limit * 3):
    print(f"{100 * count / total:5.1f}%  {name}")
