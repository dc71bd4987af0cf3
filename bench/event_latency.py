#!/usr/bin/env python3
"""Time from POST /lead/ answering until its lead.created event is visible in GET /event/?lead_id=.

Usage: event_latency.py <gateway url> <api key> [seconds, default 20] [samplers, default 4]
Each sampler posts a lead on one kept-alive connection, then polls /event/ every 5 ms on another until the event
shows, and starts over until the time is up; the poll interval bounds the resolution. bench.py runs it during the
POST /lead/ load, so the figure is the latency under that load. Prints one JSON object.
"""
import base64
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlparse

POLL_INTERVAL = 0.005
GIVE_UP_AFTER = 10.0


def percentile(sorted_values, q):
    if not sorted_values:
        return None
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def sample(url, key, seconds, samplers=4):
    """@return (latencies in ms, lost events): every sampler's POST-to-visible times until `seconds` have passed"""
    parsed = urlparse(url)
    auth = "Basic " + base64.b64encode((key + ":").encode()).decode()
    headers = {"Authorization": auth, "Content-Type": "application/json"}
    latencies, lost, failures = [], [], []
    end = time.monotonic() + seconds

    def run(sampler):
        writer = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        reader = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        n = 0
        try:
            while time.monotonic() < end:
                n += 1
                body = json.dumps({"name": f"Latency {sampler}-{n}",
                                   "contacts": [{"name": "Latency Contact"}]})
                writer.request("POST", "/api/v1/lead/", body, headers)
                response = writer.getresponse()
                answer = response.read()
                if response.status != 200:
                    raise RuntimeError(f"POST /lead/ answered {response.status}: {answer[:300]!r}")
                lead_id = json.loads(answer)["id"]
                answered = time.perf_counter()
                while True:
                    reader.request("GET", f"/api/v1/event/?lead_id={lead_id}&object_type=lead&_limit=1",
                                   headers=headers)
                    response = reader.getresponse()
                    answer = response.read()
                    if response.status != 200:
                        raise RuntimeError(f"GET /event/ answered {response.status}: {answer[:300]!r}")
                    if json.loads(answer)["data"]:
                        latencies.append((time.perf_counter() - answered) * 1000)
                        break
                    if time.perf_counter() - answered > GIVE_UP_AFTER:
                        lost.append(lead_id)
                        break
                    time.sleep(POLL_INTERVAL)
        except Exception as e:  # reported by the caller: a bench must say what went wrong, not hang
            failures.append(f"sampler {sampler}: {e}")
        finally:
            writer.close()
            reader.close()

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(samplers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + GIVE_UP_AFTER + 60)
    if failures and not latencies:
        raise RuntimeError("; ".join(failures))
    return sorted(latencies), lost, failures


def summary(latencies, lost, failures):
    return {
        "samples": len(latencies),
        "lost": len(lost),
        "failures": failures,
        "p50_ms": percentile(latencies, 0.50),
        "p90_ms": percentile(latencies, 0.90),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": latencies[-1] if latencies else None,
    }


def main():
    url, key = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 20
    samplers = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    print(json.dumps(summary(*sample(url, key, seconds, samplers))))


if __name__ == "__main__":
    main()
