#!/usr/bin/env bash
# Installs what is missing, builds the release binary (panel inside), and serves
# Gatehouse on an embedded SQLite database in ./data (override with env vars,
# see README). Extra arguments go to `gatehouse` (default command: serve).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
export GATEHOUSE_DATA_DIR="${GATEHOUSE_DATA_DIR:-$PWD/data}"
# The panel is embedded in the binary (GATEHOUSE_SITE_ROOT serves another).
exec target/release/gatehouse "$@"
