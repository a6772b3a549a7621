# Sourced by the benchmarks that need a fresh server of their own:
#   bench_server NAME PORT DATA_DIR
# checks the port, wipes DATA_DIR (only one made by a benchmark), migrates,
# creates the administrator `benchadmin` (password bench-password-1) with a
# token in $TOKEN, starts "$BIN serve" (extra environment from the caller)
# and waits until it answers; BENCH_SERVER_CONFIG (TOML text), when set, is
# its configuration file. Sets SERVER_PID, SERVER_LOG and BASE; the server is
# stopped when the calling script exits.
MARKER=.gatehouse-bench-data

log() { printf '\033[1m[%s]\033[0m %s\n' "$BENCH_NAME" "$*"; }
die() { printf '\033[1;31m[%s] FAIL:\033[0m %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }

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

bench_server() {
  BENCH_NAME=$1
  local port=$2 data_dir=$3
  [ -x "$BIN" ] || die "$BIN is missing: run \`make build\` first (or set BENCH_BIN)"
  command -v python3 >/dev/null || die "python3 is required"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "something already listens on 127.0.0.1:$port"
  fi
  unset GATEHOUSE_CONFIG DATABASE_URL GATEHOUSE_LISTEN GATEHOUSE_PUBLIC_URL
  export GATEHOUSE_DATA_DIR=$data_dir
  if [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir")" ] && [ ! -e "$data_dir/$MARKER" ]; then
    die "$data_dir is not empty and was not made by this script; not wiping it"
  fi
  rm -rf "$data_dir"
  mkdir -p "$data_dir" bench/results
  touch "$data_dir/$MARKER"
  if [ -n "${BENCH_SERVER_CONFIG:-}" ]; then
    printf '%s\n' "$BENCH_SERVER_CONFIG" >"$data_dir/config.toml"
    export GATEHOUSE_CONFIG=$data_dir/config.toml
  fi
  local setup_log=$data_dir/setup.log
  SERVER_LOG=$data_dir/server.log

  "$BIN" migrate >>"$setup_log" 2>&1 || { cat "$setup_log" >&2; die "gatehouse migrate failed"; }
  printf 'bench-password-1\n' | "$BIN" create-admin --username benchadmin --password-stdin >>"$setup_log" 2>&1 ||
    { cat "$setup_log" >&2; die "gatehouse create-admin failed"; }
  TOKEN=$("$BIN" token create --user benchadmin --name bench 2>>"$setup_log" | tail -n 1)
  [[ $TOKEN == gh_* ]] || { cat "$setup_log" >&2; die "could not create a token"; }

  trap stop_server EXIT
  trap 'exit 130' INT TERM
  GATEHOUSE_LISTEN=127.0.0.1:$port "$BIN" serve >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  BASE=http://127.0.0.1:$port
  local deadline=$((SECONDS + 60))
  until curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BASE/api/admin/v1/connections?count=only" 2>/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$SERVER_LOG" >&2; die "the server exited during start-up"; }
    [ "$SECONDS" -lt "$deadline" ] || die "the server did not answer within 60 s"
    sleep 0.2
  done
  log "server pid $SERVER_PID on $BASE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
