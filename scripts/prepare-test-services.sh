#!/usr/bin/env bash
# Makes a fresh machine ready for every test tier: a running MariaDB with a test account and
# database, Debian's Chromium for Playwright and Debian's HAProxy for the many-hosts test.
# Idempotent and quick when all is in place.
# Prints the MySQL URL for the integration tier as its last line.
set -euo pipefail

log() { echo "[prepare] $*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

apt_updated=""
# apt's hundreds of lines go to a log of their own, shown only when the install fails: on a fresh
# machine they would otherwise open CI's output and push the test results out of sight.
apt_install() {
  command -v apt-get >/dev/null || { log "no apt-get here: install $* yourself"; return 1; }
  local apt_log
  apt_log=$(mktemp)
  if { [[ -n $apt_updated ]] || as_root apt-get update -qq; } >"$apt_log" 2>&1 &&
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >>"$apt_log" 2>&1; then
    apt_updated=1
    log "installed $*"
    rm -f "$apt_log"
  else
    tail -n 40 "$apt_log" >&2
    log "installing $* failed (the whole log: $apt_log)"
    return 1
  fi
}

ensure_chromium() {
  if [[ -n ${CHROMIUM_PATH:-} && -x ${CHROMIUM_PATH} ]] || [[ -x /usr/bin/chromium ]]; then return; fi
  log "installing Debian's chromium for the browser tests"
  apt_install chromium
}

# Only the binary: the many-hosts test runs it in the foreground with a configuration of its own.
ensure_haproxy() {
  if [[ -n ${HAPROXY_PATH:-} && -x ${HAPROXY_PATH} ]] || command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]]; then return; fi
  log "installing Debian's haproxy for the many-hosts test"
  apt_install haproxy
}

ensure_mariadb() {
  if ! command -v mariadbd >/dev/null && ! [[ -x /usr/sbin/mariadbd ]]; then
    log "installing mariadb-server"
    apt_install mariadb-server
  fi
  if ! mariadb-admin ping --silent >/dev/null 2>&1; then
    log "starting MariaDB"
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >&2 \
      || as_root service mariadb start >&2
    mariadb-admin ping --wait=30 --connect-timeout=2 >/dev/null
  fi
  # A dedicated account that may only create and drop the test databases (keyhouse_test*).
  as_root mariadb -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'keyhouse_test'@'localhost' IDENTIFIED BY 'keyhouse_test';
CREATE USER IF NOT EXISTS 'keyhouse_test'@'127.0.0.1' IDENTIFIED BY 'keyhouse_test';
GRANT ALL PRIVILEGES ON `keyhouse\_test%`.* TO 'keyhouse_test'@'localhost';
GRANT ALL PRIVILEGES ON `keyhouse\_test%`.* TO 'keyhouse_test'@'127.0.0.1';
CREATE DATABASE IF NOT EXISTS keyhouse_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SQL
}

ensure_chromium
ensure_haproxy
if [[ -n ${TEST_MYSQL_URL:-} ]]; then
  echo "$TEST_MYSQL_URL"
else
  ensure_mariadb
  echo "mysql://keyhouse_test:keyhouse_test@127.0.0.1:3306/keyhouse_test"
fi
