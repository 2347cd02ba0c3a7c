#!/usr/bin/env bash
# `npm test`: every tier, in order of speed. Prepares MariaDB and Chromium first when missing.
#   lint (module boundaries) -> typecheck -> unit -> build -> integration on SQLite
#   -> integration on MariaDB -> browser (Playwright in Debian's Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# Some dependencies (@fastify/cookie) load ES modules with import(); Jest needs this to allow it.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"

passed=()
failed=()
step() {
  local name=$1
  shift
  echo
  echo "=== $name"
  local started=$SECONDS
  if "$@"; then
    passed+=("$name ($((SECONDS - started))s)")
  else
    failed+=("$name")
    summary
    exit 1
  fi
}
summary() {
  echo
  echo "=== tiers"
  for name in "${passed[@]}"; do echo "  ok    $name"; done
  for name in "${failed[@]}"; do echo "  FAIL  $name"; done
  echo "tiers: ${#passed[@]} passed, ${#failed[@]} failed"
}

# @nx/enforce-module-boundaries reads the cached project graph and quietly skips itself when
# there is none (a fresh clone): compute it first, and fail if the rule still reports skipping.
lint() {
  npx nx show projects >/dev/null
  local output
  output=$(npx eslint . --max-warnings 0 2>&1) || { echo "$output"; return 1; }
  echo "$output"
  if grep -q "rule will be skipped" <<<"$output"; then
    echo "module boundaries were not checked: no Nx project graph" >&2
    return 1
  fi
}

mysql_url=$(bash scripts/prepare-test-services.sh | tail -n 1)

step "lint (module boundaries)" lint
step "typecheck" npx nx run-many -t typecheck --output-style=static
step "unit" npx jest --selectProjects unit
step "build" npx nx run-many -t build --output-style=static
step "integration on SQLite" env TEST_DATABASE=sqlite npx jest --selectProjects integration
step "integration on MariaDB" env TEST_DATABASE=mysql TEST_MYSQL_URL="$mysql_url" npx jest --selectProjects integration
step "browser (Playwright + Chromium)" npx playwright test -c apps/admin-e2e/playwright.config.ts
summary
