#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the room's storage tests, from Debian's
# packages. PostgreSQL refuses to run as root, so the cluster belongs to the `postgres` user.
# Prints the admin connection string the tests take in LITTLEREDDOT_TEST_POSTGRES.
# Usage: .ci/postgres.sh start [PORT] | stop
set -euo pipefail
dir=/tmp/littlereddot-pg-${2:-55432}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
  echo "postgres.sh: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    url="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
      echo "$url"  # already running (started earlier by this script)
      exit 0
    fi
    # A fresh cluster each time: one left behind by a killed session may be half-written.
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=on" start >/dev/null
    echo "$url"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
esac
