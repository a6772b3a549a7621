#!/usr/bin/env bash
# Login-storm benchmark (SQLite): BENCH_STORM_LOGINS panel logins at once,
# each with its own account and address, while an administrator pages
# through the users list. Targets: server RSS < 300 MB, the list's p99 ≤ 250 ms
# during the storm, every login answered (200, or 503 with Retry-After when
# no hashing slot freed up in time; never an error or a dropped connection).
# See bench/README.md.
#
#   bench/login-storm.sh                          600 logins
#   BENCH_STORM_LOGINS=100 bench/login-storm.sh   smoke mode
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BENCH_BIN:-target/release/gatehouse}
LOGINS=${BENCH_STORM_LOGINS:-600}
PORT=${BENCH_STORM_PORT:-3292}
DATA_DIR=${BENCH_STORM_DATA_DIR:-bench/data-storm}
STRICT=${BENCH_STRICT:-0}
RESULTS_DIR=bench/results
. bench/server.sh

[[ $LOGINS =~ ^[0-9]+$ ]] && [ "$LOGINS" -ge 1 ] || die "BENCH_STORM_LOGINS must be a positive integer"
need=$((LOGINS * 2 + 200))
if [ "$(ulimit -n)" -lt "$need" ]; then
  ulimit -n "$need" 2>/dev/null || die "open-file limit $(ulimit -n) < $need and cannot be raised"
fi
# The client plays many addresses through X-Forwarded-For, so that the
# per-address limit lets the logins through to the hashing pool.
BENCH_SERVER_CONFIG=$(printf '[admin_api]\ntrusted_proxies = ["127.0.0.1/32"]')
bench_server storm "$PORT" "$DATA_DIR"

RESULT=$DATA_DIR/storm.json
python3 bench/login-storm.py "$BASE" "$TOKEN" "$SERVER_PID" "$LOGINS" "$RESULT"

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
REPORT=$RESULTS_DIR/login-storm-latest.md
status=0
python3 - "$RESULT" "$COMMIT" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$REPORT" <<'PY' || status=$?
import json, sys
r = json.load(open(sys.argv[1]))
commit, load = sys.argv[2], sys.argv[3]
counts = r["counts"]
answered = counts.get("200", 0) + counts.get("503", 0)
rss_ok = r["rss_max_sampled_mb"] < 300 and r["rss_peak_mb"] < 300
list_ok = r["list_p99_ms"] is not None and r["list_p99_ms"] <= 250 and r["list_errors"] == 0
answers_ok = answered == r["logins"]
verdict = lambda ok: "pass" if ok else "FAIL"
print(f"# Login-storm benchmark ({r['logins']} logins at once, commit {commit})\n")
print(f"Load average after the run: {load}.\n")
print("| measure | target | measured | result |")
print("|---|---|---|---|")
print(f"| server RSS during the storm (sampled every 50 ms / process peak) | < 300 MB | {r['rss_max_sampled_mb']} / {r['rss_peak_mb']} MB (idle before: {r['rss_idle_mb']} MB) | {verdict(rss_ok)} |")
print(f"| users list during the storm, p50 / p99 / max | p99 ≤ 250 ms | {r['list_p50_ms']} / {r['list_p99_ms']} / {r['list_max_ms']} ms over {r['list_requests']} requests, {r['list_errors']} failed | {verdict(list_ok)} |")
print(f"| logins answered 200 / 503 / other | all 200 or 503 | {counts.get('200', 0)} / {counts.get('503', 0)} / {r['logins'] - answered} ({json.dumps(counts)}); storm {r['storm_secs']} s, a login's p50 {r['login_p50_secs']} s, max {r['login_max_secs']} s | {verdict(answers_ok)} |")
sys.exit(0 if (rss_ok and list_ok and answers_ok) else 2)
PY
cat "$REPORT"
cp "$REPORT" "$RESULTS_DIR/login-storm-$LOGINS-$COMMIT.md"
if [ "$status" -ne 0 ] && [ "$STRICT" = 1 ]; then exit 2; fi
