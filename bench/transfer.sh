#!/usr/bin/env bash
# Gatehouse bulk-transfer benchmark: full CSV export and a large CSV import,
# against a server that bench/run.sh has seeded and started. See bench/README.md.
#
#   bench/transfer.sh export   GET /users/export?format=csv of every user:
#                              time, line count, server RSS sampled every 100 ms
#   bench/transfer.sh import   POST /users/import of BENCH_IMPORT new users with
#                              a pre-hashed (Argon2id) password_hash each: time,
#                              `created`, and the database's count afterwards
#
# Environment (run.sh sets all of these):
#   BENCH_BASE           http://127.0.0.1:PORT
#   BENCH_TOKEN          admin API token
#   BENCH_SERVER_PID     pid of the server (its /proc/<pid>/status is sampled)
#   BENCH_DB             the server's SQLite file (read with the sqlite3 CLI)
#   BENCH_TOTAL          users in the database now (seeded + admin)
#   BENCH_HASH           password_hash given to every imported user (import only)
#   BENCH_IMPORT         users to import (import only; 1..200000)
#   BENCH_WORK_DIR       where the exported file and the import file are written
#   BENCH_TRANSFER_OUT   file that receives the figures as key=value lines
#
# Only ever talks to BENCH_BASE (127.0.0.1). Exits 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[bench] FAIL:\033[0m %s\n' "$*" >&2; exit 1; }

MODE=${1:?usage: transfer.sh export|import}
BASE=${BENCH_BASE:?}
TOKEN=${BENCH_TOKEN:?}
PID=${BENCH_SERVER_PID:?}
DB=${BENCH_DB:?}
TOTAL=${BENCH_TOTAL:?}
WORK=${BENCH_WORK_DIR:?}
OUT=${BENCH_TRANSFER_OUT:?}
API=$BASE/api/admin/v1/users

kill -0 "$PID" 2>/dev/null || die "no server with pid $PID"
emit() { printf '%s=%s\n' "$1" "$2" >>"$OUT"; }

# --- server memory ----------------------------------------------------------------
# One line "VmRSS RssAnon RssFile" (kB) from /proc/<pid>/status, with bash
# builtins only so that sampling costs next to nothing.
mem_kb() {
  local k v _ rss=0 anon=0 file=0
  while read -r k v _; do
    case $k in
      VmRSS:) rss=$v ;;
      RssAnon:) anon=$v ;;
      RssFile:) file=$v ;;
    esac
  done <"/proc/$PID/status"
  echo "$rss $anon $file"
}

# Samples every ~100 ms into $1 until killed (or until the server is gone).
sample_mem() {
  while [ -r "/proc/$PID/status" ]; do
    mem_kb >>"$1" 2>/dev/null || break
    sleep 0.1
  done
}

SAMPLER_PID=""
stop_sampler() {
  if [ -n "$SAMPLER_PID" ]; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
  fi
  SAMPLER_PID=""
}
trap stop_sampler EXIT

# start_sampling PREFIX: records the baseline, resets the kernel's peak-RSS
# counter (VmHWM) where allowed, and starts the sampler.
start_sampling() {
  SAMPLES=$WORK/$1-rss.samples
  : >"$SAMPLES"
  read -r BASE_RSS BASE_ANON BASE_FILE <<<"$(mem_kb)"
  # Writing 5 to clear_refs resets VmHWM to the current RSS: afterwards VmHWM
  # is the exact peak, spikes shorter than the sampling interval included.
  HWM_RESET=0
  if (echo 5 >"/proc/$PID/clear_refs") 2>/dev/null; then HWM_RESET=1; fi
  sample_mem "$SAMPLES" &
  SAMPLER_PID=$!
}

# stop_sampling PREFIX: stops the sampler and emits PREFIX_rss_* figures (MB).
stop_sampling() {
  local p=$1 hwm=""
  stop_sampler
  mem_kb >>"$SAMPLES"
  if [ "$HWM_RESET" = 1 ]; then
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status")
  fi
  awk -v r="$BASE_RSS" -v a="$BASE_ANON" -v f="$BASE_FILE" -v hwm="$hwm" -v p="$p" '
    { if ($1 > mr) mr = $1; if ($2 > ma) ma = $2; if ($3 > mf) mf = $3; n++ }
    END {
      printf "%s_rss_samples=%d\n", p, n
      printf "%s_rss_base_mb=%.1f\n", p, r / 1024
      printf "%s_rss_peak_mb=%.1f\n", p, mr / 1024
      printf "%s_rss_growth_mb=%.1f\n", p, (mr - r) / 1024
      printf "%s_anon_base_mb=%.1f\n", p, a / 1024
      printf "%s_anon_growth_mb=%.1f\n", p, (ma - a) / 1024
      printf "%s_file_growth_mb=%.1f\n", p, (mf - f) / 1024
      if (hwm != "") printf "%s_hwm_growth_mb=%.1f\n", p, (hwm - r) / 1024
      else printf "%s_hwm_growth_mb=\n", p
    }' "$SAMPLES" >>"$OUT"
}

# --- export -------------------------------------------------------------------------
do_export() {
  local file=$WORK/export.csv meta status secs bytes lines crlf header ids
  rm -f "$file"
  log "export: GET /users/export?format=csv ($TOTAL users) -> $file"
  start_sampling export
  meta=$(curl -sS -o "$file" -w '%{http_code} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $TOKEN" "$API/export?format=csv") ||
    { stop_sampling export; die "export: curl failed (transfer cut short?)"; }
  stop_sampling export
  read -r status secs bytes <<<"$meta"
  [ "$status" = 200 ] || { head -c 500 "$file" >&2; echo >&2; die "export: HTTP $status"; }
  kill -0 "$PID" 2>/dev/null || die "export: the server died"

  # Every user once, plus the header; CRLF line ends; ids unique (the keyset
  # batches neither overlap nor skip).
  lines=$(wc -l <"$file")
  crlf=$(tr -cd '\r' <"$file" | wc -c)
  header=$(head -n 1 "$file" | tr -d '\r')
  [ "$header" = "id,username,display_name,email,admin,can_request_admin,status,created_at,last_seen_at,locked_at,deactivated_at" ] ||
    die "export: unexpected header '$header'"
  [ "$lines" = "$((TOTAL + 1))" ] || die "export: $lines lines, expected $((TOTAL + 1)) (users + header)"
  [ "$crlf" = "$lines" ] || die "export: $crlf CRLF line ends for $lines lines"
  ids=$(tail -n +2 "$file" | cut -d, -f1 | sort -u | wc -l)
  [ "$ids" = "$TOTAL" ] || die "export: $ids distinct ids, expected $TOTAL"
  grep -q '^[0-9A-Z]\{26\},benchadmin,' "$file" || die "export: the administrator is missing"

  emit export_status "$status"
  emit export_secs "$(awk -v s="$secs" 'BEGIN { printf "%.2f", s }')"
  emit export_bytes "$bytes"
  emit export_lines "$lines"
  emit export_rows_per_s "$(awk -v n="$TOTAL" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')"
  log "export: $lines lines, $bytes bytes in ${secs} s"
}

# --- import -------------------------------------------------------------------------
do_import() {
  local n=${BENCH_IMPORT:?} hash=${BENCH_HASH:?} file=$WORK/import.csv resp=$WORK/import-response.json
  local taken meta status secs bytes before after range counted stored
  [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 200000 ] || die "BENCH_IMPORT must be 1..200000 (got '$n')"
  [[ $hash == '$argon2id$'* ]] || die "import: BENCH_HASH is not an Argon2id PHC string"
  # imp0000001...: never a seeded name (user...) nor the admin's.
  taken=$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE username >= 'imp' AND username < 'imq';")
  [ "$taken" = 0 ] || die "import: $taken users named imp... exist already"
  before=$(sqlite3 "$DB" "SELECT count(*) FROM users;")
  [ "$before" = "$TOTAL" ] || die "import: the database has $before users, expected $TOTAL"

  # The hash holds commas (m=...,t=...,p=...): quoted, as RFC 4180 wants.
  awk -v n="$n" -v h="$hash" 'BEGIN {
    print "username,display_name,email,admin,password_hash"
    for (i = 1; i <= n; i++) printf "imp%07d,Imported %d,imp%d@example.org,false,\"%s\"\n", i, i, i, h
  }' >"$file"
  log "import: POST /users/import of $n users ($(wc -c <"$file") bytes, pre-hashed Argon2id)"
  start_sampling import
  # Expect: (empty) so that curl sends the body at once instead of waiting
  # for a 100 Continue.
  meta=$(curl -sS -o "$resp" -w '%{http_code} %{time_total} %{size_upload}' \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' -H 'Expect:' \
    --data-binary @"$file" "$API/import?dry_run=false&on_conflict=fail") ||
    { stop_sampling import; die "import: curl failed"; }
  stop_sampling import
  read -r status secs bytes <<<"$meta"
  [ "$status" = 200 ] || { head -c 1000 "$resp" >&2; echo >&2; die "import: HTTP $status"; }
  python3 - "$resp" "$n" <<'PY' || die "import: unexpected response (see $resp)"
import json, sys
doc = json.load(open(sys.argv[1]))
a = doc["data"]["attributes"]
n = int(sys.argv[2])
problems = []
if a.get("created") != n:
    problems.append(f"created={a.get('created')}, expected {n}")
if a.get("applied") is not True:
    problems.append(f"applied={a.get('applied')}")
for k in ("rejected", "updated", "skipped"):
    if a.get(k, 0) != 0:
        problems.append(f"{k}={a.get(k)}")
if problems:
    print("import: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
PY
  after=$(sqlite3 "$DB" "SELECT count(*) FROM users;")
  range=$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE username >= 'imp' AND username < 'imq';")
  counted=$(sqlite3 "$DB" "SELECT sum(n) FROM user_counts;")
  [ "$range" = "$n" ] || die "import: $range users named imp... in the database, expected $n"
  [ "$after" = "$((before + n))" ] || die "import: $after users in the database, expected $((before + n))"
  [ "$counted" = "$after" ] || die "import: user_counts says $counted, the table has $after"
  stored=$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE username IN ('imp0000001', printf('imp%07d', $n)) AND password_hash = '${hash//\'/\'\'}';")
  [ "$stored" = 2 ] || die "import: the imported users do not carry the given password_hash"

  emit import_status "$status"
  emit import_secs "$(awk -v s="$secs" 'BEGIN { printf "%.2f", s }')"
  emit import_bytes "$bytes"
  emit import_created "$n"
  emit import_db_before "$before"
  emit import_db_after "$after"
  emit import_rows_per_s "$(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')"
  log "import: created $n users in ${secs} s; database now $after users"
}

case $MODE in
  export) do_export ;;
  import) do_import ;;
  *) die "usage: transfer.sh export|import" ;;
esac
