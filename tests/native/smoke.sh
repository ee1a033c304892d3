#!/usr/bin/env bash
# The native file alone (issue 13): copied into an empty folder and run with no `dotnet` on PATH and a clean
# environment, it lists the packs, replays every golden run bit for bit, checks the shipped levels and plays
# (in a pseudo-terminal, quit with Ctrl+Q), and hosts a room on a SQLite file (SQLite is linked in: no .so beside
# it), takes one run submitted to it, shows the board and stops on SIGTERM. Usage: tests/native/smoke.sh PATH/TO/littlereddot
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="$(realpath "$1")"

box="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -KILL "$server"; fi
  rm -rf "$box"
}
trap cleanup EXIT
mkdir -p "$box/bin" "$box/home" "$box/runs"
cp "$binary" "$box/bin/littlereddot"
cp "$root"/tests/LittleRedDot.Cli.Tests/runs/*.run.json "$box/runs/"

if ldd "$box/bin/littlereddot" | grep -Eq 'coreclr|hostfxr|hostpolicy'; then
  echo "the native file links the .NET runtime" >&2
  exit 1
fi

# No dotnet anywhere it could look: PATH holds only the empty folder beside it; HOME and XDG folders are fresh.
alone() {
  (cd "$box" && env -i PATH="$box/bin" HOME="$box/home" LANG=C.UTF-8 "$@")
}

echo "== levels"
alone "$box/bin/littlereddot" levels
echo "== replay of every golden run"
runs=$(ls "$box"/runs/*.run.json | wc -l)
alone "$box/bin/littlereddot" replay "$box/runs" | tee "$box/replay.txt" | tail -n 1
grep -qx "$runs files: $runs verified, 0 did not verify, 0 unreadable or malformed" "$box/replay.txt"
echo "== check-levels"
alone "$box/bin/littlereddot" check-levels | tail -n 1
echo "== play in a pseudo-terminal"
alone /usr/bin/python3 "$here/play_in_pty.py" "$box/bin/littlereddot"
echo "== serve on a SQLite file, one run submitted, the board, SIGTERM"
if ls "$box/bin" | grep -qv '^littlereddot$'; then
  echo "something besides the native file is in its folder" >&2
  exit 1
fi
port=$((20000 + RANDOM % 30000))
(cd "$box" && exec env -i PATH="$box/bin" HOME="$box/home" LANG=C.UTF-8 "$box/bin/littlereddot" serve 01-the-article \
  --urls "http://127.0.0.1:$port" --db "$box/room.db" --admin-token smoke-token >"$box/serve.out" 2>"$box/serve.err") &
server=$!
for _ in $(seq 1 200); do # at most 20 s for the room to listen
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$box/serve.err" >&2; echo "serve exited before it listened" >&2; exit 1; fi
  sleep 0.1
done
alone "$box/bin/littlereddot" run article-01-the-little-red-dot --alpha 0.01 --beta1 -5 --player smoke \
  --submit "http://127.0.0.1:$port" | tail -n 2
alone "$box/bin/littlereddot" board "http://127.0.0.1:$port" --format csv | tee "$box/board.csv"
tail -n +2 "$box/board.csv" | grep -q smoke
test -s "$box/room.db"
kill -TERM "$server"
for _ in $(seq 1 100); do # at most 10 s to finish and exit
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 0.1
done
if kill -0 "$server" 2>/dev/null; then echo "serve did not stop within 10 s of SIGTERM" >&2; exit 1; fi
wait "$server" || { echo "serve exited $? on SIGTERM; expected 0" >&2; exit 1; }
server=""
echo "native smoke test: all passed"
