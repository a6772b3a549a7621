#!/usr/bin/env bash
# Starts a throwaway Gatehouse for the end-to-end tests (Playwright's webServer).
# Needs scripts/build.sh first: target/release/gatehouse, which carries the panel.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

PORT=${E2E_PORT:-3210}
# BUILD_PROFILE: the profile scripts/build.sh built with (release by default).
bin="$repo/target/${BUILD_PROFILE:-release}/gatehouse"
if [ ! -x "$bin" ]; then
  echo "start-server.sh: build first with scripts/build.sh" >&2
  exit 1
fi

# A fresh database every run (a temp dir; the OS cleans /tmp).
dir=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-e2e.XXXXXX")
export GATEHOUSE_LISTEN="127.0.0.1:$PORT"
export GATEHOUSE_DATA_DIR="$dir"
# E2E_SITE_ROOT: another compiled panel to serve (for diagnosis); normally
# the one embedded in the binary.
if [ -n "${E2E_SITE_ROOT:-}" ]; then export GATEHOUSE_SITE_ROOT="$E2E_SITE_ROOT"; else unset GATEHOUSE_SITE_ROOT; fi
export RUST_LOG="${RUST_LOG:-warn}"
# Slow background jobs down enough for a spec to watch their progress.
export GATEHOUSE_JOBS_BATCH_PAUSE_MS=500
# Nothing from the caller's environment may point the server elsewhere.
unset DATABASE_URL GATEHOUSE_CONFIG GATEHOUSE_PUBLIC_URL LEPTOS_SITE_ROOT

# A provisioning file, applied at start (tests/provisioning.spec.ts reloads it).
cat > "$dir/provisioning.toml" <<'TOML'
[[orgs]]
name = "Provisioned Org"

[[users]]
username = "provisioned-user"
display_name = "Provisioned User"
memberships = [{ org = "Provisioned Org", role = "editor" }]
TOML
export GATEHOUSE_PROVISIONING_FILE="$dir/provisioning.toml"

echo "start-server.sh: data in $dir, serving on http://127.0.0.1:$PORT" >&2
# The binary runs alone in that directory: the panel it serves is the one
# inside it, as on a machine it was copied to.
cp "$bin" "$dir/gatehouse"
cd "$dir"
printf 'admin-password-1\n' | ./gatehouse create-admin --username admin --password-stdin
exec ./gatehouse serve
