#!/usr/bin/env bash
# Installs what is missing, builds the release binary and panel, and serves
# Gatehouse on an embedded SQLite database in ./data (override with env vars,
# see README). Extra arguments go to `gatehouse` (default command: serve).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export GATEHOUSE_DATA_DIR="${GATEHOUSE_DATA_DIR:-$PWD/data}"
export GATEHOUSE_SITE_ROOT="${GATEHOUSE_SITE_ROOT:-$PWD/target/site}"
exec target/release/gatehouse "$@"
