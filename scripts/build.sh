#!/usr/bin/env bash
# Release build of the WebAssembly panel (target/site, precompressed with
# brotli and gzip) and then of the server binary, which embeds that site:
# target/release/gatehouse serves itself with nothing beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's toolchain (it has the wasm32 std built by setup.sh) comes first.
export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
# Swagger UI for /api/doc/, from npm (scripts/setup.sh): copied into the
# assets folder (not committed) so that cargo-leptos puts it into the site
# before the server embeds it. Never loaded from the internet.
swagger=node_modules/swagger-ui-dist
if [ -f "$swagger/swagger-ui-bundle.js" ]; then
  mkdir -p public/api-doc
  cp "$swagger/swagger-ui-bundle.js" "$swagger/swagger-ui.css" public/api-doc/
else
  echo "build.sh: $swagger is missing (run scripts/setup.sh); /api/doc/ will say how to install it" >&2
fi
# --precompress: cargo-leptos builds the site first, compresses it, and only
# then the server (build.rs embeds the site).
cargo leptos build --release --precompress
