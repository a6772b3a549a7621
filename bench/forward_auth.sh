#!/usr/bin/env bash
# Forward-auth gate benchmark (SQLite), one server, one run, wrk with 2
# threads and 8 connections: /health/live, then /forward-auth (Traefik/Caddy
# convention) with a valid session cookie for a protected host. Targets: the
# gate at least 40 % of /health/live's requests per second, p99 ≤ 5 ms, and
# no database lookup per request in the steady state (the gate's own
# counters on /metrics: lookups that went to the database). See
# bench/README.md.
#
#   bench/forward_auth.sh                            5 s per measurement
#   BENCH_GATE_SECONDS=2 bench/forward_auth.sh       smoke mode
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BENCH_BIN:-target/release/gatehouse}
PORT=${BENCH_GATE_PORT:-3295}
DATA_DIR=${BENCH_GATE_DATA_DIR:-bench/data-gate}
SECONDS_EACH=${BENCH_GATE_SECONDS:-5}
RESULTS_DIR=bench/results
. bench/server.sh

command -v wrk >/dev/null || die "wrk is required (scripts/setup.sh test installs it)"
bench_server forward-auth "$PORT" "$DATA_DIR"

curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"kind": "forward_auth", "name": "bench site", "hosts": ["*.bench.example"]}' \
  "$BASE/api/admin/v1/applications" || die "could not register the protected site"
COOKIE=$(curl -fsS -o /dev/null -D - -d 'username=benchadmin&password=bench-password-1' \
  "$BASE/api/auth/login" | sed -n 's/^[Ss]et-[Cc]ookie: \(gatehouse_session=[^;]*\).*/\1/p' | head -n 1)
[ -n "$COOKIE" ] || die "could not sign in"
GATE_HEADERS=(-H "Cookie: $COOKIE" -H "X-Forwarded-Proto: https" -H "X-Forwarded-Host: app.bench.example"
  -H "X-Forwarded-Uri: /dashboard?tab=1" -H "X-Forwarded-Method: GET")
status=$(curl -s -o /dev/null -w '%{http_code}' "${GATE_HEADERS[@]}" "$BASE/forward-auth")
[ "$status" = 200 ] || die "the gate answered $status, not 200"

lookups() {
  curl -fsS "$BASE/metrics" | sed -n "s/^gatehouse_forward_auth_lookups_total{result=\"$1\"} //p"
}
run_wrk() { wrk -t2 -c8 -d"${SECONDS_EACH}s" --latency "$@"; }

health=$(run_wrk "$BASE/health/live")
misses_before=$(lookups miss)
gate=$(run_wrk "${GATE_HEADERS[@]}" "$BASE/forward-auth")
misses_after=$(lookups miss)
hits=$(lookups hit)

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
REPORT=$RESULTS_DIR/forward-auth-latest.md
status=0
python3 - "$COMMIT" "$(cut -d' ' -f1-3 /proc/loadavg)" "$misses_before" "$misses_after" "$hits" \
  <(printf '%s' "$health") <(printf '%s' "$gate") >"$REPORT" <<'PY' || status=$?
import re, sys
commit, load, before, after, hits = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
health, gate = open(sys.argv[6]).read(), open(sys.argv[7]).read()
def rps(out): return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def p99_ms(out):
    value, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
def non_2xx(out):
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return int(m.group(1)) if m else 0
ratio = rps(gate) / rps(health)
checks = [
    ("gate / health (requests per second)", "≥ 40 %",
     f"{rps(gate):,.0f} / {rps(health):,.0f} = {ratio:.0%}", ratio >= 0.40 and non_2xx(gate) == 0),
    ("gate p99 latency, 8 connections", "≤ 5 ms", f"{p99_ms(gate):.2f} ms", p99_ms(gate) <= 5),
    ("database lookups during the gate run", "0",
     f"{after - before} (answered from memory: {hits:,})", after - before == 0),
]
print(f"# Forward-auth gate benchmark (commit {commit})\n")
print(f"Load average after the run: {load}.\n")
print("| measure | target | measured | result |")
print("|---|---|---|---|")
for name, target, measured, ok in checks:
    print(f"| {name} | {target} | {measured} | {'pass' if ok else 'FAIL'} |")
sys.exit(0 if all(ok for *_, ok in checks) else 1)
PY
cat "$REPORT"
exit $status
