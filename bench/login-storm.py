#!/usr/bin/env python3
"""Login-storm benchmark client: N panel logins at once (each its own
account and client address, right passwords, so neither rate limit stops
them and every one needs a password hash), while an administrator pages
through the users list. Measures the server's memory, the list's latency
during the storm and how the logins were answered. Standard library only.

Usage: login-storm.py BASE ADMIN_TOKEN SERVER_PID N RESULT_JSON
"""
import asyncio
import json
import statistics
import sys
import threading
import time
import urllib.request

BASE, ADMIN, PID, N, OUT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
HOST, PORT = BASE.removeprefix("http://").split(":")
PORT = int(PORT)
PASSWORD = "storm-password-1"


def api(method, path, body=None, content_type="application/json"):
    data = None if body is None else body.encode()
    req = urllib.request.Request(BASE + "/api/admin/v1" + path, data=data, method=method)
    req.add_header("Authorization", f"Bearer {ADMIN}")
    if data is not None:
        req.add_header("Content-Type", content_type)
    with urllib.request.urlopen(req, timeout=300) as r:
        return r.status, json.load(r)


def rss_kb(field):
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


print(f"[storm] importing {N} users with a password each", flush=True)
t = time.monotonic()
rows = "\n".join(
    json.dumps({"username": f"storm-{i:04d}", "password": PASSWORD}) for i in range(N)
)
status, doc = api("POST", "/users/import?dry_run=false", rows + "\n", "application/jsonl")
assert status == 200, doc
print(f"[storm] imported in {time.monotonic() - t:.1f} s", flush=True)
rss_idle = rss_kb("VmRSS")


async def login(i, start):
    await start.wait()
    body = f"username=storm-{i:04d}&password={PASSWORD}"
    request = (
        f"POST /api/auth/login HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n"
        # Each login from its own address (the server trusts this proxy).
        f"X-Forwarded-For: 10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n{body}"
    )
    began = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection(HOST, PORT)
        writer.write(request.encode())
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 120)
        writer.close()
        status = int(line.split()[1]) if line else 0
    except (OSError, asyncio.TimeoutError, IndexError, ValueError):
        status = 0
    return status, time.monotonic() - began


async def storm():
    start = asyncio.Event()
    tasks = [asyncio.create_task(login(i, start)) for i in range(N)]
    await asyncio.sleep(0.1)
    start.set()
    return await asyncio.gather(*tasks)


# The administrator's list, one request after another, for as long as the
# storm lasts; memory sampled alongside.
done = threading.Event()
latencies, list_errors, rss_samples = [], [], []


def page_the_list():
    while not done.is_set():
        t = time.monotonic()
        try:
            status, _ = api("GET", "/users?page[first]=50")
            if status != 200:
                list_errors.append(status)
        except Exception as e:  # noqa: BLE001 - any failure is a failed request
            list_errors.append(str(e))
        latencies.append(time.monotonic() - t)


def sample_memory():
    while not done.is_set():
        rss_samples.append(rss_kb("VmRSS"))
        time.sleep(0.05)


threads = [threading.Thread(target=page_the_list), threading.Thread(target=sample_memory)]
for th in threads:
    th.start()
time.sleep(0.5)
print(f"[storm] {N} logins at once", flush=True)
t = time.monotonic()
results = asyncio.run(storm())
storm_secs = time.monotonic() - t
done.set()
for th in threads:
    th.join()

counts = {}
for status, _ in results:
    counts[str(status)] = counts.get(str(status), 0) + 1
lat_ms = sorted(x * 1000 for x in latencies)
p = lambda q: round(lat_ms[min(len(lat_ms) - 1, int(q * len(lat_ms)))], 1) if lat_ms else None
login_secs = sorted(s for _, s in results)
result = {
    "logins": N,
    "counts": counts,
    "storm_secs": round(storm_secs, 2),
    "login_p50_secs": round(statistics.median(login_secs), 2),
    "login_max_secs": round(login_secs[-1], 2),
    "rss_idle_mb": round(rss_idle / 1024, 1),
    "rss_max_sampled_mb": round(max(rss_samples) / 1024, 1),
    "rss_peak_mb": round(rss_kb("VmHWM") / 1024, 1),
    "list_requests": len(lat_ms),
    "list_errors": len(list_errors),
    "list_p50_ms": p(0.50),
    "list_p99_ms": p(0.99),
    "list_max_ms": round(lat_ms[-1], 1) if lat_ms else None,
}
json.dump(result, open(OUT, "w"), indent=2)
print(json.dumps(result, indent=2), flush=True)
