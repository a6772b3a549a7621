#!/usr/bin/env bash
# Release build of the server binary and the WebAssembly panel (target/site).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's toolchain (it has the wasm32 std built by setup.sh) comes first.
export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
cargo leptos build --release
# Swagger UI for /api/doc/, from npm (scripts/setup.sh): served by the binary
# from the site root, never from the internet and never committed.
swagger=node_modules/swagger-ui-dist
if [ -f "$swagger/swagger-ui-bundle.js" ]; then
  mkdir -p target/site/api-doc
  cp "$swagger/swagger-ui-bundle.js" "$swagger/swagger-ui.css" target/site/api-doc/
else
  echo "build.sh: $swagger is missing (run scripts/setup.sh); /api/doc/ will say how to install it" >&2
fi
