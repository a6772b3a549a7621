#!/usr/bin/env bash
# OpenID Connect benchmark (SQLite), one server, one run: UserInfo with a
# valid access token against /health/live of the same process (target: at
# least 25 % of its requests per second), authorization-code exchanges per
# second (target ≥ 1,000) and refreshes per second (target ≥ 1,000), each
# request spending a fresh single-use code or refresh token. See bench/README.md.
#
#   bench/oidc.sh                          5 s per measurement
#   BENCH_OIDC_SECONDS=2 bench/oidc.sh     smoke mode
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BENCH_BIN:-target/release/gatehouse}
PORT=${BENCH_OIDC_PORT:-3293}
DATA_DIR=${BENCH_OIDC_DATA_DIR:-bench/data-oidc}
SECONDS_EACH=${BENCH_OIDC_SECONDS:-5}
RESULTS_DIR=bench/results
. bench/server.sh

command -v wrk >/dev/null || die "wrk is required (scripts/setup.sh bench installs it)"
BENCH_SERVER_CONFIG=$(printf '[server]\npublic_url = "http://127.0.0.1:%s"' "$PORT")
bench_server oidc "$PORT" "$DATA_DIR"

RESULT=$DATA_DIR/oidc.json
python3 bench/oidc.py "$BASE" "$TOKEN" "$SECONDS_EACH" "$DATA_DIR" >"$RESULT"

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
REPORT=$RESULTS_DIR/oidc-latest.md
status=0
python3 - "$RESULT" "$COMMIT" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$REPORT" <<'PY' || status=$?
import json, sys
r = json.load(open(sys.argv[1]))
commit, load = sys.argv[2], sys.argv[3]
ex, rf = r["exchange"], r["refresh"]
checks = [
    ("UserInfo / health (requests per second)", "≥ 25 %",
     f"{r['userinfo_rps']:,.0f} / {r['health_live_rps']:,.0f} = {r['userinfo_ratio']:.0%}", r["userinfo_ratio"] >= 0.25),
    ("authorization_code exchanges", "≥ 1,000 /s",
     f"{ex['per_second']:,.0f} /s (p50 {ex['p50_ms']:.1f} ms, p99 {ex['p99_ms']:.1f} ms, {ex['failed']} failed, ran out: {ex['ran_out']})",
     ex["per_second"] >= 1000 and ex["ran_out"] == 0 and ex["failed"] == 0),
    ("refresh_token exchanges", "≥ 1,000 /s",
     f"{rf['per_second']:,.0f} /s (p50 {rf['p50_ms']:.1f} ms, p99 {rf['p99_ms']:.1f} ms, {rf['failed']} failed, ran out: {rf['ran_out']})",
     rf["per_second"] >= 1000 and rf["ran_out"] == 0 and rf["failed"] == 0),
]
print(f"# OpenID Connect benchmark (commit {commit})\n")
print(f"Load average after the run: {load}.\n")
print("| measure | target | measured | result |")
print("|---|---|---|---|")
for name, target, measured, ok in checks:
    print(f"| {name} | {target} | {measured} | {'pass' if ok else 'FAIL'} |")
sys.exit(0 if all(ok for *_, ok in checks) else 1)
PY
cat "$REPORT"
exit $status
