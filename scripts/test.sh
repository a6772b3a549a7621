#!/usr/bin/env bash
# Runs every test: unit and integration tests on SQLite, the integration
# tests again on PostgreSQL, the README's examples, a schemathesis contract
# test of the admin API, and the Playwright suite in Chromium.
# Installs what is missing first (see scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/build.sh
export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
# Same profile and features as the release binary, so nothing builds twice.
CARGO_TEST=(cargo test --release --no-default-features --features ssr)

echo "== unit and integration tests (SQLite)"
"${CARGO_TEST[@]}"

echo "== integration tests (PostgreSQL)"
scripts/postgres.sh
GATEHOUSE_TEST_DATABASE_URL="postgres://gatehouse:gatehouse@127.0.0.1:5432/postgres" \
  "${CARGO_TEST[@]}" --tests

echo "== README scripting examples, as written"
scripts/readme-examples.sh

echo "== admin API contract test (schemathesis against /api/spec.json)"
scripts/contract-test.sh

echo "== end-to-end tests (Playwright, Chromium)"
(cd end2end && npx playwright test)
