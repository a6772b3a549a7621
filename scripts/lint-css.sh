#!/usr/bin/env bash
# Lints the stylesheets with stylelint (npm, installed by scripts/setup.sh):
# a syntax error, an unclosed block (which would silently nest every later
# rule) or an unknown property or value fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node_modules/.bin/stylelint --max-warnings 0 "style/**/*.css"
