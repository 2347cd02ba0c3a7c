#!/usr/bin/env bash
# `npm test`: every tier, in order of speed. Prepares MariaDB, Chromium and HAProxy first when missing.
#   lint (module boundaries) -> typecheck -> unit -> build
#   -> integration on SQLite and on MariaDB, side by side -> browser (Playwright in Debian's Chromium)
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
  local status=0
  run_tier "$1" "$2" 1 "${@:3}" || status=$?
  record "$status" "$1"
  stop_if_failed
}

# The integration tiers run once more if they hung (never if a test failed): one CI run hung on
# MariaDB with no test failing and could not be reproduced, so a hang is reported in full and
# then given a second chance, where every test must pass again.
#
# side_by_side NAME DEADLINE COMMAND -- NAME DEADLINE COMMAND: two such tiers at once, one per
# core (each Jest runs one test file at a time), their outputs printed one after the other.
side_by_side() {
  local split
  for ((split = 1; split <= $#; split++)); do [[ ${!split} == -- ]] && break; done
  local first=("${@:1:split-1}") second=("${@:split+1}")
  local first_log second_log first_status=0 second_status=0
  first_log=$(mktemp)
  second_log=$(mktemp)
  in_background "$first_log" "${first[0]}" "${first[1]}" 2 "${first[@]:2}" &
  local first_pid=$!
  in_background "$second_log" "${second[0]}" "${second[1]}" 2 "${second[@]:2}" &
  local second_pid=$!
  background=("$first_pid" "$second_pid")
  wait "$first_pid" || first_status=$?
  wait "$second_pid" || second_status=$?
  background=()
  cat "$first_log" "$second_log"
  rm -f "$first_log" "$second_log"
  record "$first_status" "${first[0]}"
  record "$second_status" "${second[0]}"
  stop_if_failed
}

# in_background LOG NAME DEADLINE ATTEMPTS COMMAND...: run_tier in a shell started with `&`,
# with its own progress file and its output in LOG; a TERM from the main shell stops its tier.
in_background() {
  local log=$1
  shift
  progress_file=$(mktemp)
  export JEST_PROGRESS_FILE=$progress_file
  tier=""
  trap 'rm -f "$progress_file"; [[ -z $tier ]] || kill -TERM -- "-$tier" 2>/dev/null' EXIT
  trap 'exit 130' INT TERM
  run_tier "$@" >"$log" 2>&1
}

# record STATUS NAME: adds a finished tier to the summary.
record() {
  if (($1 == 0)); then passed+=("$(cat "$results/$2")"); else failed+=("$2"); fi
}

stop_if_failed() {
  ((${#failed[@]} == 0)) && return
  summary
  exit 1
}

# run_tier NAME DEADLINE ATTEMPTS COMMAND...: its summary line goes to $results/NAME.
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
      echo "$name ($((SECONDS - started))s$note)" >"$results/$name"
      return 0
    fi
    if ((status != HUNG || attempt >= attempts)); then return 1; fi
    echo "!!! $name: running it once more after the hang above"
  done
}

# within's answer for a command stopped at its deadline.
HUNG=124
results=$(mktemp -d)
progress_file=$(mktemp)
export JEST_PROGRESS_FILE=$progress_file
tier=""
background=()
# An interrupted run takes the running tiers (each in its own process group, see within) down with it.
trap 'rm -rf "$progress_file" "$results"; [[ -z $tier ]] || kill -TERM -- "-$tier" 2>/dev/null; ((${#background[@]} == 0)) || kill -TERM "${background[@]}" 2>/dev/null' EXIT
trap 'exit 130' INT TERM

within() {
  local deadline=$1
  shift
  : >"$JEST_PROGRESS_FILE"
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
  echo "!!! still running after ${deadline}s: stopped. Last test started: $(cat "$JEST_PROGRESS_FILE")"
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

# Deadlines: about 1.5 to 2 times or more what each tier takes on a quiet two-core machine (the two
# integration runs side by side about 600 to 730 s, browser about 550 s), and all of them together,
# second chances included, well inside CI's 90 minutes.
step "lint (module boundaries)" 240 lint
step "typecheck" 240 npx nx run-many -t typecheck --output-style=static
step "unit" 240 npx jest --selectProjects unit
step "build" 240 npx nx run-many -t build --output-style=static
# What the integration tiers start (TEST_BUILD_DIR, see apps/api/test/support/server-process.ts).
test_build=tmp/test-build
rm -rf "$test_build" && mkdir -p tmp && cp -r dist "$test_build"
export TEST_BUILD_DIR="$PWD/$test_build"
side_by_side \
  "integration on SQLite" 1200 env TEST_DATABASE=sqlite TEST_PORT_BLOCKS=0 npx jest --selectProjects integration -- \
  "integration on MariaDB" 1200 env TEST_DATABASE=mysql TEST_MYSQL_URL="$mysql_url" TEST_PORT_BLOCKS=60 npx jest --selectProjects integration
step "browser (Playwright + Chromium)" 1200 npx playwright test -c apps/admin-e2e/playwright.config.ts
summary
