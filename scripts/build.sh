#!/usr/bin/env bash
# Release build of the server binary and the WebAssembly panel (target/site).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's toolchain (it has the wasm32 std built by setup.sh) comes first.
export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"
cargo leptos build --release
