#!/usr/bin/env bash
# Runs the README's "Scripting the admin API" commands, exactly as written
# (only BASE points at a throwaway server), and checks what they printed.
# Needs the release binary (scripts/build.sh) and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# BUILD_PROFILE: the profile scripts/build.sh built with (release by default).
bin="$repo/target/${BUILD_PROFILE:-release}/gatehouse"
# A free port unless told: a fixed one may be held by another server (whose
# answers would then be checked instead of this one's).
port=${README_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}

dir=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-readme.XXXXXX")
export GATEHOUSE_LISTEN="127.0.0.1:$port" GATEHOUSE_DATA_DIR="$dir" RUST_LOG=warn
unset DATABASE_URL GATEHOUSE_CONFIG GATEHOUSE_PUBLIC_URL
export ADMIN_PASSWORD="readme-admin-password"
printf '%s\n' "$ADMIN_PASSWORD" | "$bin" create-admin --username admin --password-stdin >/dev/null
"$bin" serve >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/login" >/dev/null && break
  sleep 0.2
done

# The block between "```sh" and "```" under the section heading.
script=$(awk '/^### Scripting the admin API/{s=1} s&&/^```sh$/{c=1;next} c&&/^```$/{exit} c' README.md)
[ -n "$script" ] || { echo "readme-examples: no script block found" >&2; exit 1; }
script=${script//BASE=http:\/\/127.0.0.1:3000/BASE=http://127.0.0.1:$port}

out=$(bash -euo pipefail -c "$script" 2>&1) || {
  echo "$out"
  echo "readme-examples: the README's commands failed" >&2
  exit 1
}
echo "$out"
# Step 3 printed the list's meta, step 4 an id, step 5 every username.
grep -q '"count"' <<<"$out" || { echo "readme-examples: no list printed" >&2; exit 1; }
grep -Eq '^"[0-9A-Z]{26}"$' <<<"$out" || { echo "readme-examples: no user created" >&2; exit 1; }
grep -qx 'alice' <<<"$out" || { echo "readme-examples: paging did not reach alice" >&2; exit 1; }
grep -qx 'admin' <<<"$out" || { echo "readme-examples: paging did not list admin" >&2; exit 1; }
echo "readme-examples: ok"
