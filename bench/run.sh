#!/usr/bin/env bash
# Gatehouse users-list and bulk-transfer benchmark (SQLite). See bench/README.md.
#
#   bench/run.sh                                      1,000,000 users, 10 s per scenario
#   BENCH_USERS=20000 BENCH_DURATION=3s bench/run.sh  smoke mode (under a minute)
#
# Environment (all optional):
#   BENCH_BIN          server binary (default target/release/gatehouse)
#   BENCH_USERS        seeded users (default 1000000, minimum 1000)
#   BENCH_IMPORT       users created by the import scenario (default 100000, max 200000)
#   BENCH_DURATION     wrk duration per scenario (default 10s)
#   BENCH_CONNECTIONS  wrk connections (default 8; wrk always uses 1 thread)
#   BENCH_PORT         port on 127.0.0.1 (default 3290)
#   BENCH_DATA_DIR     data directory, wiped every run (default bench/data)
#   BENCH_STRICT=1     exit 2 when a target is missed (default: report only)
#
# Only ever talks to 127.0.0.1. Stops by itself; the server is killed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${BENCH_BIN:-target/release/gatehouse}
USERS=${BENCH_USERS:-1000000}
IMPORT=${BENCH_IMPORT:-100000}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
PORT=${BENCH_PORT:-3290}
DATA_DIR=${BENCH_DATA_DIR:-bench/data}
STRICT=${BENCH_STRICT:-0}
RESULTS_DIR=bench/results
MARKER=.gatehouse-bench-data

log() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench] FAIL:\033[0m %s\n' "$*" >&2; exit 1; }
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- preconditions ------------------------------------------------------------
if [ ! -x "$BIN" ]; then
  echo "bench: $BIN is missing: run \`make build\` first (or set BENCH_BIN)." >&2
  exit 1
fi
[[ $USERS =~ ^[0-9]+$ ]] && [ "$USERS" -ge 1000 ] || die "BENCH_USERS must be an integer >= 1000 (got '$USERS')"
[[ $IMPORT =~ ^[0-9]+$ ]] && [ "$IMPORT" -ge 1 ] && [ "$IMPORT" -le 200000 ] ||
  die "BENCH_IMPORT must be an integer from 1 to 200000 (got '$IMPORT')"
[[ $PORT =~ ^[0-9]+$ ]] || die "BENCH_PORT must be a port number (got '$PORT')"

apt_install() {
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "installing $1 (apt-get install -y $1)"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null ||
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null; }
}
command -v wrk >/dev/null || apt_install wrk
command -v sqlite3 >/dev/null || apt_install sqlite3
for tool in curl python3 awk sort cut tr paste; do
  command -v "$tool" >/dev/null || die "$tool is required"
done
# The schema's search index is FTS5 with the trigram tokenizer (SQLite >= 3.34).
sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram');" 2>/dev/null ||
  die "the sqlite3 CLI lacks FTS5 trigram support (need SQLite >= 3.34, have $(sqlite3 --version | cut -d' ' -f1))"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "something already listens on 127.0.0.1:$PORT (set BENCH_PORT)"
fi

# Only this directory's settings count: no config file or foreign database.
unset GATEHOUSE_CONFIG DATABASE_URL GATEHOUSE_LISTEN GATEHOUSE_PUBLIC_URL
export GATEHOUSE_DATA_DIR=$DATA_DIR
DB=$DATA_DIR/gatehouse.db
BASE=http://127.0.0.1:$PORT

# --- fresh data directory -------------------------------------------------------
case "$(cd "$(dirname "$DATA_DIR")" 2>/dev/null && pwd)/$(basename "$DATA_DIR")" in
  / | "$PWD" | "$HOME") die "refusing to use $DATA_DIR as the data directory" ;;
esac
if [ -d "$DATA_DIR" ] && [ -n "$(ls -A "$DATA_DIR")" ] && [ ! -e "$DATA_DIR/$MARKER" ]; then
  die "$DATA_DIR is not empty and was not made by this script; not wiping it"
fi
rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR" "$RESULTS_DIR"
touch "$DATA_DIR/$MARKER"
SETUP_LOG=$DATA_DIR/setup.log
SERVER_LOG=$DATA_DIR/server.log

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_BEFORE%% *}" 'BEGIN { exit !(l > 1.0) }'; then
  log "WARNING: load average is $LOAD_BEFORE: other work will skew the figures"
fi
log "users: $USERS, duration: $DURATION per scenario, wrk -t1 -c$CONNECTIONS, import: $IMPORT, data: $DATA_DIR"
log "binary: $BIN; load average: $LOAD_BEFORE"
"$BIN" migrate >>"$SETUP_LOG" 2>&1 || { cat "$SETUP_LOG" >&2; die "gatehouse migrate failed"; }

# The administrator comes first so that its (real) Argon2id hash can be reused
# for every seeded user: one hash, computed by the server's own code.
printf 'bench-password-1\n' | "$BIN" create-admin --username benchadmin --password-stdin >>"$SETUP_LOG" 2>&1 ||
  { cat "$SETUP_LOG" >&2; die "gatehouse create-admin failed"; }
HASH=$(sqlite3 "$DB" "SELECT password_hash FROM users WHERE username = 'benchadmin';")
[[ $HASH == '$argon2'* ]] || die "unexpected admin password hash: '$HASH'"

log "seeding $USERS users"
t0=$(now)
SEED_NOW_MS=$(date +%s%3N)
bench/seed.sh "$DB" "$USERS" "$HASH" "$SEED_NOW_MS"
t1=$(now)
SEED_SECS=$(elapsed "$t0" "$t1")
log "seeded in ${SEED_SECS} s"
t0=$(now)
sqlite3 "$DB" "ANALYZE; PRAGMA optimize;"
ANALYZE_SECS=$(elapsed "$t0" "$(now)")
log "ANALYZE + PRAGMA optimize in ${ANALYZE_SECS} s"

# The seeded rows must be counted by the trigger-maintained totals.
COUNTED=$(sqlite3 "$DB" "SELECT sum(n) FROM user_counts;")
[ "$COUNTED" = "$((USERS + 1))" ] || die "user_counts says $COUNTED users, expected $((USERS + 1))"

TOKEN=$("$BIN" token create --user benchadmin --name bench 2>>"$SETUP_LOG" | tail -n 1)
[[ $TOKEN == gh_* ]] || { cat "$SETUP_LOG" >&2; die "could not create a token"; }

# The 90%-th user in id order: the cursor of the deep page.
DEEP_OFFSET=$((USERS * 9 / 10 - 1))
CURSOR=$(sqlite3 "$DB" "SELECT id FROM users ORDER BY id LIMIT 1 OFFSET $DEEP_OFFSET;")
[ ${#CURSOR} -eq 26 ] || die "no deep cursor (got '$CURSOR')"

# --- server ---------------------------------------------------------------------
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

GATEHOUSE_LISTEN=127.0.0.1:$PORT "$BIN" serve >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
log "server pid $SERVER_PID on 127.0.0.1:$PORT (log: $SERVER_LOG)"
t0=$(now)
deadline=$((SECONDS + 60))
until curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/admin/v1/users?page%5Bfirst%5D=1" 2>/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$SERVER_LOG" >&2; die "the server exited during start-up"; }
  [ "$SECONDS" -lt "$deadline" ] || { tail -n 30 "$SERVER_LOG" >&2; die "the server did not answer within 60 s"; }
  sleep 0.2
done
log "server ready in $(elapsed "$t0" "$(now)") s"
RSS_START_KB=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status")

# --- scenarios ------------------------------------------------------------------
API=/api/admin/v1/users
declare -a NAMES PATHS EXPECT
# Indices of the scenarios in the arrays below.
I_FIRST=0 I_SEEN=1 I_NAME=2 I_DEEP=3 I_SEARCH=4
NAMES=("first page" "first page, sort=-last_seen_at" "first page, sort=username"
       "deep page (90%)" "search (10 hits)")
PATHS=("$API?page%5Bfirst%5D=50"
       "$API?sort=-last_seen_at&page%5Bfirst%5D=50"
       "$API?sort=username&page%5Bfirst%5D=50"
       "$API?page%5Bfirst%5D=50&page%5Bafter%5D=$CURSOR"
       "$API?filter%5Bsearch%5D=zebrafinch&page%5Bfirst%5D=50")
# Expected number of items and meta.count (every list counts the admin too),
# and the sort whose first page the items must be exactly ("-": none checked).
EXPECT=("50 $((USERS + 1)) -" "50 $((USERS + 1)) -last_seen_at" "50 $((USERS + 1)) username"
        "50 $((USERS + 1)) -" "10 10 -")

# The ids of a sort's first 50 users, straight from the database, in the
# order the server documents ("never seen" counts as 0, ties by id).
expected_ids() {
  local order
  case $1 in
    -last_seen_at) order="coalesce(last_seen_at, 0) DESC, id DESC" ;;
    username) order="username ASC" ;;
    *) die "no expected order for sort '$1'" ;;
  esac
  sqlite3 "$DB" "SELECT id FROM users ORDER BY $order LIMIT 50;" | paste -sd, -
}

# Checks one response: status 200, the expected items and meta.count, for
# the deep page that it really starts after the cursor, and for a sorted
# page that it holds exactly the database's first users in that order.
check() {
  local name=$1 path=$2 items=$3 count=$4 sort=${5:--} body status ids=""
  [ "$sort" = - ] || ids=$(expected_ids "$sort")
  body=$(mktemp)
  status=$(curl -sS -o "$body" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$path") ||
    { rm -f "$body"; die "$name: request failed"; }
  if [ "$status" != 200 ]; then
    head -c 500 "$body" >&2; echo >&2; rm -f "$body"
    die "$name: HTTP $status for $path"
  fi
  python3 - "$body" "$name" "$items" "$count" "$CURSOR" "$ids" <<'PY' || { rm -f "$body"; die "$name: unexpected response body"; }
import json, sys
path, name, items, count, cursor = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
expected_ids = [i for i in sys.argv[6].split(",") if i]
doc = json.load(open(path))
data = doc.get("data")
problems = []
if not isinstance(data, list):
    problems.append("no data array")
elif len(data) != items:
    problems.append(f"{len(data)} items, expected {items}")
meta_count = (doc.get("meta") or {}).get("count")
if meta_count is None:
    problems.append("meta.count missing")
elif meta_count != count:
    problems.append(f"meta.count is {meta_count}, expected {count}")
if name.startswith("deep") and isinstance(data, list) and data and data[0].get("id", "") <= cursor:
    problems.append(f"first id {data[0].get('id')} is not after the cursor {cursor}")
if name.startswith("search") and isinstance(data, list):
    bad = [d["id"] for d in data if "zebrafinch" not in json.dumps(d).lower()]
    if bad:
        problems.append(f"items not matching the search: {bad[:3]}")
if expected_ids and isinstance(data, list):
    got = [d.get("id") for d in data]
    if got != expected_ids:
        first = next((i for i, (a, b) in enumerate(zip(got, expected_ids)) if a != b), min(len(got), len(expected_ids)))
        problems.append(f"not the database's first page in this order (first difference at item {first})")
if problems:
    print(f"{name}: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
PY
  rm -f "$body"
}

# The server's own CPU time (utime + stime, in clock ticks) so far: its
# difference over a scenario divided by the requests is a cost per request
# that other work on the machine skews far less than req/s.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
CLK_TCK=$(getconf CLK_TCK)

declare -a RPS P50 P99 ERRS CPU_US
for i in "${!NAMES[@]}"; do
  name=${NAMES[$i]}
  read -r items count sort <<<"${EXPECT[$i]}"
  check "$name" "${PATHS[$i]}" "$items" "$count" "$sort"
  log "wrk: $name  ${PATHS[$i]}"
  ticks0=$(server_ticks)
  out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/report.lua \
    -H "Authorization: Bearer $TOKEN" "$BASE${PATHS[$i]}") || die "$name: wrk failed"
  ticks1=$(server_ticks)
  printf '%s\n' "$out" | grep -v '^BENCH_RESULT' | sed 's/^/    /'
  line=$(printf '%s\n' "$out" | grep '^BENCH_RESULT') || die "$name: wrk printed no result"
  val() { printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  RPS[$i]=$(val rps)
  P50[$i]=$(awk -v u="$(val p50_us)" 'BEGIN { printf "%.2f", u / 1000 }')
  P99[$i]=$(awk -v u="$(val p99_us)" 'BEGIN { printf "%.2f", u / 1000 }')
  ERRS[$i]=$(( $(val connect) + $(val read) + $(val write) + $(val status) + $(val timeout) ))
  CPU_US[$i]=$(awk -v t="$((ticks1 - ticks0))" -v hz="$CLK_TCK" -v n="$(val requests)" \
    'BEGIN { printf "%.0f", (n > 0) ? t / hz * 1e6 / n : 0 }')
  [ "$(val status)" = 0 ] || log "WARNING: $name: $(val status) responses were not 2xx/3xx"
done

# Memory after the scenarios: VmHWM is the peak resident size so far. RssFile
# is mostly the database mapped with mmap (shared with the page cache; every
# pooled connection maps the file), RssAnon the process's own heap.
mem() { awk '/^(VmHWM|VmRSS|RssAnon|RssFile):/ { printf "%s=%d ", $1, $2 / 1024 }' "/proc/$SERVER_PID/status" | tr -d ':'; }
kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the run (see $SERVER_LOG)"
MEM_SCENARIOS=$(mem)

# --- bulk transfers (bench/transfer.sh) ---------------------------------------------
# The export runs before anything else reads the whole table (the unselective
# search below does), so its memory figures start from the state the list
# scenarios left. The import comes last: it adds users.
TRANSFER=$DATA_DIR/transfer.txt
: >"$TRANSFER"
transfer() {
  BENCH_BASE=$BASE BENCH_TOKEN=$TOKEN BENCH_SERVER_PID=$SERVER_PID BENCH_DB=$DB \
  BENCH_TOTAL=$1 BENCH_HASH=$HASH BENCH_IMPORT=$IMPORT BENCH_WORK_DIR=$DATA_DIR \
  BENCH_TRANSFER_OUT=$TRANSFER bench/transfer.sh "$2" || die "$2 scenario failed"
}
tv() { sed -n "s/^$1=//p" "$TRANSFER" | tail -n 1; }
LOAD_EXPORT=$(cut -d' ' -f1-3 /proc/loadavg)
transfer "$((USERS + 1))" export
MEM_EXPORT=$(mem)

# One request with a term that matches every user: not a target, but shows
# what an unselective search costs (count + sort of all matches).
broad_ms() {
  curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "$BASE$1" |
    awk '{ if ($1 != 200) { print "HTTP " $1 } else { printf "%.1f", $2 * 1000 } }'
}
BROAD=$(broad_ms "$API?filter%5Bsearch%5D=example&page%5Bfirst%5D=50")
BROAD_NOCOUNT=$(broad_ms "$API?filter%5Bsearch%5D=example&page%5Bfirst%5D=50&count=false")

kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the run (see $SERVER_LOG)"
MEM_BROAD=$(mem)

LOAD_IMPORT=$(cut -d' ' -f1-3 /proc/loadavg)
transfer "$((USERS + 1))" import
kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during the run (see $SERVER_LOG)"
MEM_END=$(mem)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
stop_server
# After a clean shutdown the WAL is checkpointed into the main file.
DB_BYTES=$(( $(stat -c %s "$DB") + $(stat -c %s "$DB-wal" 2>/dev/null || echo 0) ))

# --- report ---------------------------------------------------------------------
verdict() { if [ "$1" = 1 ]; then echo "PASS"; else echo "MISS"; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
T_FIRST=$(awk -v r="${RPS[$I_FIRST]}" 'BEGIN { print (r >= 5000) ? 1 : 0 }')
T_SEEN=$(awk -v d="${RPS[$I_SEEN]}" -v f="${RPS[$I_FIRST]}" 'BEGIN { print (d >= 0.8 * f) ? 1 : 0 }')
T_DEEP=$(awk -v d="${RPS[$I_DEEP]}" -v f="${RPS[$I_FIRST]}" 'BEGIN { print (d >= 0.8 * f) ? 1 : 0 }')
T_SEARCH=$(awk -v p="${P50[$I_SEARCH]}" 'BEGIN { print (p <= 20) ? 1 : 0 }')
SEEN_RATIO=$(ratio "${RPS[$I_SEEN]}" "${RPS[$I_FIRST]}")
NAME_RATIO=$(ratio "${RPS[$I_NAME]}" "${RPS[$I_FIRST]}")
DEEP_RATIO=$(ratio "${RPS[$I_DEEP]}" "${RPS[$I_FIRST]}")
TARGETS=("≥ 5,000 req/s: $(verdict "$T_FIRST")"
         "≥ 0.8 × first (${SEEN_RATIO}×): $(verdict "$T_SEEN")"
         "none (${NAME_RATIO}× first)"
         "≥ 0.8 × first (${DEEP_RATIO}×): $(verdict "$T_DEEP")"
         "p50 ≤ 20 ms: $(verdict "$T_SEARCH")")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }

# Transfers. The RSS growth judged is the larger of the sampled peak and the
# kernel's exact peak (VmHWM, reset right before the export) when available.
EXPORT_SECS=$(tv export_secs)
IMPORT_SECS=$(tv import_secs)
EXPORT_GROWTH=$(awk -v s="$(tv export_rss_growth_mb)" -v h="$(tv export_hwm_growth_mb)" \
  'BEGIN { g = s; if (h != "" && h + 0 > g + 0) g = h; printf "%.1f", g }')
T_EXPORT=$(awk -v s="$EXPORT_SECS" 'BEGIN { print (s <= 10) ? 1 : 0 }')
T_EXPORT_MEM=$(awk -v g="$EXPORT_GROWTH" 'BEGIN { print (g < 50) ? 1 : 0 }')
T_IMPORT=$(awk -v s="$IMPORT_SECS" 'BEGIN { print (s <= 20) ? 1 : 0 }')
SCALE_NOTE=""
if [ "$USERS" != 1000000 ] || [ "$IMPORT" != 100000 ]; then
  SCALE_NOTE=" (targets are set for 1,000,000 users and a 100,000-user import; this run used $USERS and $IMPORT)"
fi

{
  echo "# Gatehouse users-list and bulk-transfer benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src migrations Cargo.toml 2>/dev/null || echo ' (+ local changes)')"
  echo "- machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "- users: $USERS (+1 admin); wrk -t1 -c$CONNECTIONS -d$DURATION; SQLite $(sqlite3 --version | cut -d' ' -f1) CLI for seeding"
  echo "- seeding: ${SEED_SECS} s, ANALYZE: ${ANALYZE_SECS} s; database file: $(mb "$DB_BYTES")"
  if [ -n "${BENCH_BIN:-}" ]; then
    echo "- binary: $BIN ($(stat -c %y "$BIN" | cut -d. -f1); set with BENCH_BIN: the commit above is the work tree's, the binary's may differ)"
  else
    echo "- binary: $BIN ($(stat -c %y "$BIN" | cut -d. -f1))"
  fi
  echo "- load average (1/5/15 min): before the run $LOAD_BEFORE, before the export $LOAD_EXPORT, before the import $LOAD_IMPORT, after $LOAD_AFTER (other work on the machine skews every figure)"
  echo "- server memory (MB): after start-up VmRSS=$((RSS_START_KB / 1024)); after the ${#NAMES[@]} list scenarios ${MEM_SCENARIOS% }; after the export ${MEM_EXPORT% }; after the unselective search ${MEM_BROAD% }; after the import ${MEM_END% }"
  echo
  echo "| scenario | req/s | p50 (ms) | p99 (ms) | server CPU/req (µs) | errors | target |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for i in "${!NAMES[@]}"; do
    printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "${NAMES[$i]}" "${RPS[$i]}" "${P50[$i]}" "${P99[$i]}" "${CPU_US[$i]}" "${ERRS[$i]}" "${TARGETS[$i]}"
  done
  echo
  echo "Unselective search \`filter[search]=example\` (matches every user), one request: ${BROAD} ms; with \`count=false\`: ${BROAD_NOCOUNT} ms (informational, no target)."
  echo
  echo "## Bulk transfers$SCALE_NOTE"
  echo
  echo "| scenario | target | measured | pass |"
  echo "|---|---|---|---|"
  printf '| export %s users as CSV (`GET /users/export?format=csv`) | ≤ 10 s | %s s (%s rows/s, %s, %s lines incl. header) | %s |\n' \
    "$((USERS + 1))" "$EXPORT_SECS" "$(tv export_rows_per_s)" "$(mb "$(tv export_bytes)")" "$(tv export_lines)" "$(verdict "$T_EXPORT")"
  printf '| server RSS growth during the export | < 50 MB | %s MB (sampled peak %s MB over %s samples, VmHWM %s MB; anonymous %s MB, file-backed %s MB; baseline VmRSS %s MB) | %s |\n' \
    "$EXPORT_GROWTH" "$(tv export_rss_growth_mb)" "$(tv export_rss_samples)" "$(tv export_hwm_growth_mb)" \
    "$(tv export_anon_growth_mb)" "$(tv export_file_growth_mb)" "$(tv export_rss_base_mb)" "$(verdict "$T_EXPORT_MEM")"
  printf '| import %s users, pre-hashed Argon2id (`POST /users/import`, CSV) | ≤ 20 s | %s s (%s rows/s, %s uploaded; created %s; database %s → %s users) | %s |\n' \
    "$IMPORT" "$IMPORT_SECS" "$(tv import_rows_per_s)" "$(mb "$(tv import_bytes)")" "$(tv import_created)" \
    "$(tv import_db_before)" "$(tv import_db_after)" "$(verdict "$T_IMPORT")"
  printf '| sorted first page `sort=-last_seen_at` vs default order | ≥ 0.8 × | %s× (%.0f vs %.0f req/s) | %s |\n' \
    "$SEEN_RATIO" "${RPS[$I_SEEN]}" "${RPS[$I_FIRST]}" "$(verdict "$T_SEEN")"
  echo
  echo "Server memory during the import (informational): VmRSS growth $(tv import_rss_growth_mb) MB sampled, VmHWM $(tv import_hwm_growth_mb) MB; anonymous $(tv import_anon_growth_mb) MB, file-backed $(tv import_file_growth_mb) MB."
} >"$RESULTS_DIR/latest.md"

echo
cat "$RESULTS_DIR/latest.md"
echo
log "written to $RESULTS_DIR/latest.md"

if [ "$STRICT" = 1 ] && [ "$T_FIRST$T_SEEN$T_DEEP$T_SEARCH$T_EXPORT$T_EXPORT_MEM$T_IMPORT" != 1111111 ]; then
  exit 2
fi
for e in "${ERRS[@]}"; do
  [ "$e" = 0 ] || die "wrk reported errors (see the table)"
done
