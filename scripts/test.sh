#!/usr/bin/env bash
# Runs every test: the stylesheet lint, unit and integration tests on SQLite,
# the integration tests again on PostgreSQL, the README's examples, a
# schemathesis contract test of the admin API, and the Playwright suite in
# Chromium. Installs what is missing first (see scripts/setup.sh).
# Prints a table of the stages and their wall times at the end, also when a
# stage fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stages.sh

stage "setup (toolchain, packages)" scripts/setup.sh test
stage "stylesheet lint" scripts/lint-css.sh
# The server and its tests in the `ci` profile (Cargo.toml); the panel as shipped.
export BUILD_PROFILE=ci
BUILD_TESTS=1 stage "build (panel + server + tests)" scripts/build.sh

export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
# Same profile, features and environment as scripts/build.sh, which has
# compiled every test harness already: nothing is compiled twice. --tests:
# the library's unit tests, the binary's and the one integration-test binary
# (no doctests).
CARGO_TEST=(cargo test --profile "$BUILD_PROFILE" --no-default-features --features ssr,embed-site)
# One test at a time: each integration test starts its own server on its own
# Tokio runtime, and two of them rendering Leptos pages at the same moment in
# one process can leave a page render waiting forever (seen as a request that
# never gets an answer; the harness now fails it after 30 s). One server per
# process, as in production, does not: 57,000 concurrent renders of /login
# and /setup under wrk stalled none. Sequential, the suite takes about 45 s
# on SQLite instead of 22 s.
export RUST_TEST_THREADS=1

stage "unit + integration tests (SQLite)" "${CARGO_TEST[@]}" --tests
stage "start PostgreSQL" scripts/postgres.sh
GATEHOUSE_TEST_DATABASE_URL="postgres://gatehouse:gatehouse@127.0.0.1:5432/postgres" \
  stage "integration tests (PostgreSQL)" "${CARGO_TEST[@]}" --test it
stage "README scripting examples" scripts/readme-examples.sh
stage "admin API contract test (schemathesis)" scripts/contract-test.sh
stage "end-to-end tests (Playwright, Chromium)" bash -c 'cd end2end && npx playwright test'
