#!/usr/bin/env bash
# Installs everything Gatehouse needs to build (and, with `test`, to test) on a
# fresh Debian 12 machine that reaches only the package registries.
# Idempotent: every step is skipped when its result is already present.
#   scripts/setup.sh          build toolchain (wasm std, cargo-leptos, wasm-bindgen, npm)
#   scripts/setup.sh test     + Chromium, PostgreSQL, Playwright packages
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.11
# Must equal the wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' Cargo.toml)
export PATH="/usr/bin:$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

need_apt=()
# mold: the linker .cargo/config.toml names for the server and test binaries.
for pkg in rustc-web cargo-web rust-web-src rust-web-llvm rust-web-clippy lld-22 mold pkg-config jq; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ "${1:-}" = "test" ]; then
  # nginx: the reverse proxy of the forward-auth tests; aiosmtpd: the SMTP
  # server on loopback that the mail tests read delivered messages from.
  for pkg in chromium postgresql wrk sqlite3 python3-venv nginx python3-aiosmtpd; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
  done
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The Debian compiler knows the wasm target but ships no std for it: build it once.
WASM_LIB=/usr/lib/rustlib/wasm32-unknown-unknown/lib
if ! ls "$WASM_LIB"/libstd-*.rlib >/dev/null 2>&1; then
  log "building the wasm32 standard library (about 2 minutes)"
  tmp=$(mktemp -d)
  (cd "$tmp" && /usr/bin/cargo new --lib --quiet wasmstd && cd wasmstd &&
    RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --quiet --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort)
  $SUDO mkdir -p "$WASM_LIB"
  find "$tmp/wasmstd/target/wasm32-unknown-unknown/release/deps" -name '*.rlib' ! -name 'libwasmstd-*' -exec $SUDO cp {} "$WASM_LIB/" \;
  rm -rf "$tmp"
fi

if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
  # Its own release profile (LTO, one codegen unit, opt-level 3) takes 23
  # minutes on 2 cores; unoptimised it builds in a fraction of that and does
  # the same work: it only drives cargo, wasm-bindgen and wasm-opt. The crates
  # whose loops it runs itself (the brotli and gzip encoders of --precompress)
  # stay optimised.
  log "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (a few minutes, once per machine)"
  cargo install --quiet cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked \
    --config 'profile.release.opt-level=0' --config 'profile.release.lto=false' \
    --config 'profile.release.codegen-units=256' --config 'profile.release.debug=false' \
    --config 'profile.release.incremental=false' \
    --config 'profile.release.package.brotli.opt-level=3' \
    --config 'profile.release.package.miniz_oxide.opt-level=3'
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file pins a crate version the registry here lacks.
  cargo install --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/stylelint ] ||
  [ ! -f node_modules/swagger-ui-dist/swagger-ui-bundle.js ]; then
  log "npm install (binaryen for wasm-opt, swagger-ui-dist for /api/doc/, stylelint)"
  npm install --no-audit --no-fund --silent
fi
if [ "${1:-}" = "test" ] && { [ ! -d end2end/node_modules/@playwright/test ] || [ ! -d end2end/node_modules/mailparser ]; }; then
  log "npm install in end2end/ (Playwright; browsers come from Debian)"
  (cd end2end && npm install --no-audit --no-fund --silent)
fi
log "toolchain ready"
