#!/usr/bin/env python3
"""Live-connections benchmark client: opens N server-sent-events streams
(one user each, personal tokens), measures the server's memory, then one
broadcast and when each stream received it. Standard library only.

Usage: live.py BASE ADMIN_TOKEN SERVER_PID N RESULT_JSON
"""
import asyncio
import json
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE, ADMIN, PID, N, OUT = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
HOST, PORT = BASE.removeprefix("http://").split(":")
PORT = int(PORT)
MARK = f"bench broadcast {time.time_ns()}"


def api(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + "/api/admin/v1" + path, data=data, method=method)
    req.add_header("Authorization", f"Bearer {ADMIN}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, json.load(r)


def rss_kb(field="VmRSS"):
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def rss_parts():
    """Anonymous memory vs mapped files (the SQLite database) vs shared memory."""
    return {k: round(rss_kb(k) / 1024, 1) for k in ("RssAnon", "RssFile", "RssShmem")}


def make_user(i):
    status, doc = api("POST", "/users", {"username": f"live-bench-{i:05d}"})
    assert status == 201, doc
    uid = doc["data"]["id"]
    status, doc = api("POST", f"/users/{uid}/tokens", {"name": "live bench", "scopes": []})
    assert status == 201, doc
    return doc["meta"]["secret"]


print(f"[live] creating {N} users with a personal token each", flush=True)
t = time.monotonic()
with ThreadPoolExecutor(8) as pool:
    tokens = list(pool.map(make_user, range(N)))
print(f"[live] created in {time.monotonic() - t:.1f} s", flush=True)

rss_idle = rss_kb()
hellos = 0
hello_done = None
received = {}
failures = []


async def stream(i, token, opening, all_open):
    global hellos
    async with opening:
        try:
            reader, writer = await asyncio.open_connection(HOST, PORT)
            writer.write(
                (f"GET /api/live HTTP/1.1\r\nHost: {HOST}:{PORT}\r\n"
                 f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n").encode())
            await writer.drain()
            status = await reader.readline()
            if b" 200 " not in status:
                failures.append(status.decode(errors="replace").strip())
                return
            while True:
                line = await reader.readline()
                if not line:
                    failures.append("stream ended before hello")
                    return
                if line.startswith(b"data:") and b'"hello"' in line:
                    break
        except OSError as e:
            failures.append(str(e))
            return
    hellos += 1
    if hellos == N:
        all_open.set()
    while True:
        line = await reader.readline()
        if not line:
            return
        if line.startswith(b"data:") and MARK.encode() in line:
            received[i] = time.monotonic()
            if len(received) == N:
                hello_done.set()


async def main():
    global hello_done
    opening = asyncio.Semaphore(200)
    all_open = asyncio.Event()
    hello_done = asyncio.Event()
    t = time.monotonic()
    tasks = [asyncio.create_task(stream(i, tok, opening, all_open)) for i, tok in enumerate(tokens)]
    try:
        await asyncio.wait_for(all_open.wait(), timeout=180)
    except asyncio.TimeoutError:
        pass
    open_secs = time.monotonic() - t
    print(f"[live] {hellos}/{N} streams open in {open_secs:.1f} s ({len(failures)} failures)", flush=True)
    await asyncio.sleep(3)  # let the server settle: buffers, allocator
    rss_open = rss_kb()
    parts_open = rss_parts()
    status, count = await asyncio.get_running_loop().run_in_executor(None, lambda: api("GET", "/connections?count=only"))
    listed = count["meta"]["count"]

    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    status, reply = await loop.run_in_executor(None, lambda: api("POST", "/messages/broadcast", {"body": MARK}))
    t_reply = time.monotonic() - t0
    try:
        await asyncio.wait_for(hello_done.wait(), timeout=30)
    except asyncio.TimeoutError:
        pass
    lat = sorted(v - t0 for v in received.values())
    rss_after = rss_kb()
    parts_after = rss_parts()
    result = {
        "streams": N,
        "open": hellos,
        "failures": len(failures),
        "first_failures": failures[:5],
        "open_secs": round(open_secs, 2),
        "listed": listed,
        "rss_idle_mb": round(rss_idle / 1024, 1),
        "rss_open_mb": round(rss_open / 1024, 1),
        "rss_after_broadcast_mb": round(rss_after / 1024, 1),
        "rss_parts_open_mb": parts_open,
        "rss_parts_after_mb": parts_after,
        "broadcast_count": reply.get("count"),
        "broadcast_reply_secs": round(t_reply, 3),
        "delivered": len(lat),
        "p50_secs": round(lat[len(lat) // 2], 3) if lat else None,
        "last_secs": round(lat[-1], 3) if lat else None,
    }
    json.dump(result, open(OUT, "w"), indent=2)
    print(json.dumps(result, indent=2), flush=True)
    for task in tasks:
        task.cancel()


asyncio.run(main())
