#!/usr/bin/env bash
# Bytes transferred for a cold load of /login and of /users (logged in), in
# Chromium with an empty cache, against the release binary on a throwaway
# SQLite database. Needs scripts/build.sh and scripts/setup.sh test.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENCH_BIN:-target/release/gatehouse}
port=${BENCH_PORT:-3291}
dir=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-cold.XXXXXX")
export GATEHOUSE_LISTEN="127.0.0.1:$port" GATEHOUSE_DATA_DIR="$dir" RUST_LOG=warn
unset GATEHOUSE_SITE_ROOT DATABASE_URL GATEHOUSE_CONFIG GATEHOUSE_PUBLIC_URL
printf 'cold-load-password\n' | "$bin" create-admin --username admin --password-stdin >/dev/null
"$bin" serve >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/login" >/dev/null && break; sleep 0.1; done
node bench/cold-load.mjs "http://127.0.0.1:$port" admin cold-load-password
