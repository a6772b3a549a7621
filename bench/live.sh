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
MARKER=.gatehouse-bench-data

log() { printf '\033[1m[live]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[live] FAIL:\033[0m %s\n' "$*" >&2; exit 1; }

[ -x "$BIN" ] || die "$BIN is missing: run \`make build\` first (or set BENCH_BIN)"
[[ $STREAMS =~ ^[0-9]+$ ]] && [ "$STREAMS" -ge 1 ] || die "BENCH_LIVE_STREAMS must be a positive integer"
command -v python3 >/dev/null || die "python3 is required"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "something already listens on 127.0.0.1:$PORT (set BENCH_LIVE_PORT)"
fi
# Each stream is a socket on both ends of this machine.
need=$((STREAMS * 2 + 200))
if [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$need" 2>/dev/null || die "open-file limit $(ulimit -n) < $need and cannot be raised"
fi

unset GATEHOUSE_CONFIG DATABASE_URL GATEHOUSE_LISTEN GATEHOUSE_PUBLIC_URL
export GATEHOUSE_DATA_DIR=$DATA_DIR
if [ -d "$DATA_DIR" ] && [ -n "$(ls -A "$DATA_DIR")" ] && [ ! -e "$DATA_DIR/$MARKER" ]; then
  die "$DATA_DIR is not empty and was not made by this script; not wiping it"
fi
rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR" "$RESULTS_DIR"
touch "$DATA_DIR/$MARKER"
SETUP_LOG=$DATA_DIR/setup.log
SERVER_LOG=$DATA_DIR/server.log

"$BIN" migrate >>"$SETUP_LOG" 2>&1 || { cat "$SETUP_LOG" >&2; die "gatehouse migrate failed"; }
printf 'bench-password-1\n' | "$BIN" create-admin --username benchadmin --password-stdin >>"$SETUP_LOG" 2>&1 ||
  { cat "$SETUP_LOG" >&2; die "gatehouse create-admin failed"; }
TOKEN=$("$BIN" token create --user benchadmin --name bench 2>>"$SETUP_LOG" | tail -n 1)
[[ $TOKEN == gh_* ]] || { cat "$SETUP_LOG" >&2; die "could not create a token"; }

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

GATEHOUSE_LISTEN=127.0.0.1:$PORT "$BIN" serve >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
BASE=http://127.0.0.1:$PORT
deadline=$((SECONDS + 60))
until curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/admin/v1/connections?count=only" 2>/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$SERVER_LOG" >&2; die "the server exited during start-up"; }
  [ "$SECONDS" -lt "$deadline" ] || die "the server did not answer within 60 s"
  sleep 0.2
done
log "server pid $SERVER_PID on $BASE; load average $(cut -d' ' -f1-3 /proc/loadavg)"

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
