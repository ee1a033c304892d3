#!/usr/bin/env bash
# The native file alone (issue 13): copied into an empty folder and run with no `dotnet` on PATH and a clean
# environment, it lists the packs, replays every golden run bit for bit, checks the shipped levels and plays
# (in a pseudo-terminal, quit with Ctrl+Q). Usage: tests/native/smoke.sh PATH/TO/littlereddot
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
binary="$(realpath "$1")"

box="$(mktemp -d)"
trap 'rm -rf "$box"' EXIT
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
echo "native smoke test: all passed"
