#!/usr/bin/env bash
# Release build of the WebAssembly panel (target/site, precompressed with
# brotli and gzip) and of the server binary, which embeds that site:
# target/release/gatehouse serves itself with nothing beside it.
#   BUILD_PROFILE=ci  the server in the `ci` profile (Cargo.toml): our crate
#                     unoptimised, target/ci/gatehouse (scripts/test.sh)
#   BUILD_TESTS=1     also compile the test harnesses (scripts/test.sh)
#
# The panel and the server library do not need each other, so they compile
# at the same time (one is mostly single-threaded where the other is not);
# only the binary, which embeds the panel (src/main.rs), waits for both.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's toolchain (it has the wasm32 std built by setup.sh) comes first.
export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
# The same features in every server build (and in scripts/test.sh), so that
# none of them rebuilds what another built.
SERVER=(--profile "${BUILD_PROFILE:-release}" --no-default-features --features ssr,embed-site)

# Swagger UI for /api/doc/, from npm (scripts/setup.sh): copied into the
# assets folder (not committed) so that cargo-leptos puts it into the site.
# Never loaded from the internet.
swagger=node_modules/swagger-ui-dist
if [ ! -f "$swagger/swagger-ui-bundle.js" ]; then
  echo "build.sh: $swagger is missing: run scripts/setup.sh" >&2
  exit 1
fi
mkdir -p public/api-doc
cp "$swagger/swagger-ui-bundle.js" "$swagger/swagger-ui.css" public/api-doc/

# 1. The panel (cargo-leptos: wasm, wasm-bindgen, wasm-opt, CSS, assets,
#    precompression) beside the server library and its dependencies.
cargo leptos build --release --frontend-only --precompress &
front=$!
server=0
cargo build "${SERVER[@]}" --lib || server=$?
panel=0
wait "$front" || panel=$?
[ "$panel" -eq 0 ] || { echo "build.sh: the panel (cargo leptos build) failed" >&2; exit "$panel"; }
[ "$server" -eq 0 ] || { echo "build.sh: the server library failed to build" >&2; exit "$server"; }

# 2. The binary, with the panel inside (and the test harnesses: the
#    library's unit tests, tests/it and the binary's, which cargo compiles
#    side by side).
if [ "${BUILD_TESTS:-}" = 1 ]; then
  cargo test "${SERVER[@]}" --tests --no-run
else
  cargo build "${SERVER[@]}" --bin gatehouse
fi
