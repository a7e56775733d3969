#!/usr/bin/env bash
# Renders processes/customer-case.bpmn to docs/customer-case.svg for the README.
# Needs Debian's Chromium (apt-get install chromium) and node/npm.
# Usage: docs/render-process-diagram.sh [IN.bpmn] [OUT.svg] [OUT.png]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
in="$(realpath "${1:-$repo/processes/customer-case.bpmn}")"
out="$(realpath -m "${2:-$repo/docs/customer-case.svg}")"
png="${3:+$(realpath -m "$3")}"

# npm packages go to a throwaway dir, never into the repo.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$repo/docs/render-process-diagram.mjs" "$work/"
cd "$work"
# playwright-core never fetches a browser; the variable is a belt-and-braces guard.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund \
  bpmn-js@17 playwright-core >/dev/null
node render-process-diagram.mjs "$in" "$out" ${png:+"$png"}
echo "wrote $out${png:+ and $png}"
