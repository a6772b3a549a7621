#!/usr/bin/env bash
# Live-connections benchmark (SQLite): hold BENCH_LIVE_STREAMS server-sent-events
# streams open, measure the server's memory, broadcast to all of them and time
# the last delivery. Targets: RSS <= 200 MB with 5,000 streams; last delivery
# <= 2 s after the broadcast request. See bench/README.md.
#
#   bench/live.sh                          5,000 streams
#   BENCH_LIVE_STREAMS=500 bench/live.sh   smoke mode
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BENCH_BIN:-target/release/gatehouse}
STREAMS=${BENCH_LIVE_STREAMS:-5000}
PORT=${BENCH_LIVE_PORT:-3291}
DATA_DIR=${BENCH_LIVE_DATA_DIR:-bench/data-live}
STRICT=${BENCH_STRICT:-0}
RESULTS_DIR=bench/results
. bench/server.sh

[[ $STREAMS =~ ^[0-9]+$ ]] && [ "$STREAMS" -ge 1 ] || die "BENCH_LIVE_STREAMS must be a positive integer"
# Each stream is a socket on both ends of this machine.
need=$((STREAMS * 2 + 200))
if [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$need" 2>/dev/null || die "open-file limit $(ulimit -n) < $need and cannot be raised"
fi
# One user may hold at most live.max_streams_per_user streams; here each
# stream is its own user, and the instance cap must fit them all.
BENCH_SERVER_CONFIG=$(printf '[live]\nmax_streams = %d' "$((STREAMS + 100))")
bench_server live "$PORT" "$DATA_DIR"

RESULT=$DATA_DIR/live.json
python3 bench/live.py "$BASE" "$TOKEN" "$SERVER_PID" "$STREAMS" "$RESULT"

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
REPORT=$RESULTS_DIR/live-latest.md
status=0
python3 - "$RESULT" "$STREAMS" "$COMMIT" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$REPORT" <<'PY' || status=$?
import json, sys
r = json.load(open(sys.argv[1]))
streams, commit, load = int(sys.argv[2]), sys.argv[3], sys.argv[4]
rss_ok = r["rss_open_mb"] <= 200 and r["rss_after_broadcast_mb"] <= 200
lat_ok = r["last_secs"] is not None and r["last_secs"] <= 2 and r["delivered"] == streams
open_ok = r["open"] == streams and r["listed"] == streams
verdict = lambda ok: "pass" if ok else "FAIL"
print(f"# Live connections benchmark ({streams} streams, commit {commit})\n")
print(f"Load average after the run: {load}.\n")
print("| measure | target | measured | result |")
print("|---|---|---|---|")
print(f"| streams open (hello received) / listed by `GET /connections` | {streams} | {r['open']} / {r['listed']} in {r['open_secs']} s | {verdict(open_ok)} |")
print(f"| server RSS with every stream open | ≤ 200 MB | {r['rss_open_mb']} MB (idle before: {r['rss_idle_mb']} MB) | {verdict(r['rss_open_mb'] <= 200)} |")
print(f"| server RSS after the broadcast | ≤ 200 MB | {r['rss_after_broadcast_mb']} MB | {verdict(r['rss_after_broadcast_mb'] <= 200)} |")
print(f"| broadcast: last delivery after the request | ≤ 2 s | {r['last_secs']} s (median {r['p50_secs']} s; {r['delivered']} delivered; reply `count` {r['broadcast_count']} after {r['broadcast_reply_secs']} s) | {verdict(lat_ok)} |")
sys.exit(0 if (rss_ok and lat_ok and open_ok) else 2)
PY
cat "$REPORT"
cp "$REPORT" "$RESULTS_DIR/live-$STREAMS-$COMMIT.md"
if [ "$status" -ne 0 ] && [ "$STRICT" = 1 ]; then exit 2; fi
