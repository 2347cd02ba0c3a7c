#!/usr/bin/env bash
# `npm test`: every tier, in order of speed. Prepares MariaDB and Chromium first when missing.
#   lint (module boundaries) -> typecheck -> unit -> build -> integration on SQLite
#   -> integration on MariaDB -> browser (Playwright in Debian's Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# npm's warnings (a machine-wide nodedir setting, engines of optional dependencies) repeat at
# every npx call and bury the results.
export npm_config_loglevel=error
# Some dependencies (@fastify/cookie) load ES modules with import(); Jest needs this to allow it.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings=ExperimentalWarning"

passed=()
failed=()
# step NAME DEADLINE_SECONDS COMMAND...: a tier that outlives its deadline (several times its
# usual length) is stopped and reported with what it was doing, instead of eating CI's time.
step() {
  run_tier "$1" "$2" 1 "${@:3}"
}

# The same for the integration tiers, which run once more if they hung (never if a test failed):
# one CI run hung on MariaDB with no test failing and could not be reproduced, so a hang is
# reported in full and then given a second chance, where every test must pass again.
step_hang_retried() {
  run_tier "$1" "$2" 2 "${@:3}"
}

run_tier() {
  local name=$1 deadline=$2 attempts=$3
  shift 3
  echo
  echo "=== $name"
  local started=$SECONDS attempt status
  for ((attempt = 1; ; attempt++)); do
    status=0
    within "$deadline" "$@" || status=$?
    if ((status == 0)); then
      local note=""
      ((attempt == 1)) || note=", after a hang"
      passed+=("$name ($((SECONDS - started))s$note)")
      return
    fi
    if ((status != HUNG || attempt >= attempts)); then break; fi
    echo "!!! $name: running it once more after the hang above"
  done
  failed+=("$name")
  summary
  exit 1
}

# within's answer for a command stopped at its deadline.
HUNG=124
progress_file=$(mktemp)
export JEST_PROGRESS_FILE=$progress_file
tier=""
# An interrupted run takes the running tier (its own process group, see within) down with it.
trap 'rm -f "$progress_file"; [[ -z $tier ]] || kill -TERM -- "-$tier" 2>/dev/null' EXIT
trap 'exit 130' INT TERM

within() {
  local deadline=$1
  shift
  : >"$progress_file"
  # Job control gives the tier its own process group: every process it started stops with it.
  set -m
  "$@" &
  tier=$!
  set +m
  local waited=0 status=0
  while kill -0 "$tier" 2>/dev/null; do
    if ((waited >= deadline)); then
      hung "$deadline"
      tier=""
      return "$HUNG"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  wait "$tier" || status=$?
  tier=""
  return "$status"
}

hung() {
  local deadline=$1
  echo
  echo "!!! still running after ${deadline}s: stopped. Last test started: $(cat "$progress_file")"
  echo "--- processes"
  ps --ppid 2 -p 2 --deselect -o pid,ppid,pgid,stat,etime,wchan:24,args --forest | cut -c1-220
  echo "--- database sessions"
  mariadb -uroot --connect-timeout=5 -e 'SHOW FULL PROCESSLIST' 2>&1 | cut -c1-220
  kill -TERM -- "-$tier" 2>/dev/null
  sleep 5
  kill -KILL -- "-$tier" 2>/dev/null
  wait "$tier" 2>/dev/null
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

# Deadlines: two to ten times what each tier takes on a quiet two-core machine (integration about
# 300 to 400 s, browser about 330 s), and all of them together, second chances included, well
# inside CI's 90 minutes. On a machine under heavy other load the SQLite tier ran past 600 s.
step "lint (module boundaries)" 240 lint
step "typecheck" 240 npx nx run-many -t typecheck --output-style=static
step "unit" 240 npx jest --selectProjects unit
step "build" 240 npx nx run-many -t build --output-style=static
step_hang_retried "integration on SQLite" 900 env TEST_DATABASE=sqlite npx jest --selectProjects integration
step_hang_retried "integration on MariaDB" 900 env TEST_DATABASE=mysql TEST_MYSQL_URL="$mysql_url" npx jest --selectProjects integration
step "browser (Playwright + Chromium)" 900 npx playwright test -c apps/admin-e2e/playwright.config.ts
summary
