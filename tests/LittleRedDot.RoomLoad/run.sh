#!/usr/bin/env bash
# The room's load benchmark, by hand (never in CI): starts `serve` (Release) on a loopback port, sends
# CLIENTS simulated players' runs at once (at most RUNS submissions, at most SECONDS), prints verified
# submissions per second and latency percentiles, then stops the server by its pid.
# Usage: tests/LittleRedDot.RoomLoad/run.sh [DB] [CLIENTS] [RUNS] [SECONDS]
#   DB: a SQLite file (default: a new one under /tmp) or a PostgreSQL connection string.
#   SERVE=path/to/littlereddot runs that binary (the native publish, say) instead of the Release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=${1:-/tmp/littlereddot-load-$$.db}
clients=${2:-100}
runs=${3:-20000}
seconds=${4:-60}
port=5056
pack=levels/01-the-article

serve=${SERVE:-src/LittleRedDot/bin/Release/net10.0/littlereddot}
[ -n "${SERVE:-}" ] || dotnet build -c Release src/LittleRedDot -v q -nologo >/dev/null
dotnet build -c Release tests/LittleRedDot.RoomLoad -v q -nologo >/dev/null

# Every simulated player comes from 127.0.0.1: the per-client limit is lifted for this run only.
export LITTLEREDDOT__SERVE__REQUESTSPERSECOND=1000000 LITTLEREDDOT__SERVE__BURST=1000000
state=$(mktemp -d)
XDG_STATE_HOME=$state XDG_DATA_HOME=$state XDG_CONFIG_HOME=$state \
  "$serve" serve "$pack" --urls "http://127.0.0.1:$port" --db "$db" --admin-token load >"$state/serve.out" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$state"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/board" >/dev/null 2>&1 && break
  sleep 0.2
done
head -3 "$state/serve.out"
tests/LittleRedDot.RoomLoad/bin/Release/net10.0/LittleRedDot.RoomLoad "http://127.0.0.1:$port" "$pack" "$clients" "$runs" "$seconds"
