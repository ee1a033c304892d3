#!/usr/bin/env bash
# Whole-process figures (issues 7 and 13), native and JIT side by side in one run, by hand (never in CI):
# - `run --json` on a level over a 1,000,000-point CSV with a 2,000-step budget that runs out, against
#   tests/perf/numpy_descent.py doing the same batch descent, and its peak memory;
# - `levels`; `replay` of 10,000 saved runs (the golden runs, copied); the game's first frame (play_in_pty.py).
# "native" is the NativeAOT file `dotnet publish -r linux-x64` makes; "JIT" is the framework-dependent build the
# dotnet tool package gives. Needs hyperfine and python3-numpy from Debian (apt-get install hyperfine python3-numpy),
# and clang and lld for the native publish.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/littlereddot-perf"
mkdir -p "$work"

if [ ! -f "$work/million.csv" ]; then
  /usr/bin/python3 - "$work/million.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("x,y\n")
    for _ in range(1_000_000):
        x = random.uniform(0, 10)
        f.write("%.6f,%.6f\n" % (x, 3 + 2 * x + random.gauss(0, 1)))
PY
fi
cat > "$work/million.level.json" <<'JSON'
{ "id": "million", "title": "A million points", "cost": "mse",
  "data": { "csv": "million.csv", "x": "x", "y": "y" },
  "beta0": { "min": -5, "max": 5 }, "beta1": { "min": -5, "max": 5 },
  "alpha": { "min": 1e-7, "max": 0.1 }, "budget": 2000, "tolerance": 1e-9, "par": 2000 }
JSON
rm -rf "$work/runs" && mkdir -p "$work/runs"
for i in $(seq 1 167); do
  for f in "$root"/tests/LittleRedDot.Cli.Tests/runs/*.run.json; do cp "$f" "$work/runs/$i-$(basename "$f")"; done
done
runs=$(ls "$work/runs" | wc -l)

dotnet publish "$root/src/LittleRedDot" -c Release -r linux-x64 -o "$work/native" >/dev/null
dotnet publish "$root/src/LittleRedDot" -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o "$work/jit" >/dev/null
native="$work/native/littlereddot"
jit="$work/jit/littlereddot"
numpy="/usr/bin/python3 $here/numpy_descent.py $work/million.csv 1e-6 -5 -5 2000 1e-9"
args="run $work/million.level.json --alpha 1e-6 --beta0 -5 --beta1 -5 --json"

echo "peak memory of the million-point run:"
/usr/bin/time -f "  native: %M KB" $native $args >/dev/null
/usr/bin/time -f "  JIT:    %M KB" $jit $args >/dev/null
/usr/bin/time -f "  numpy:  %M KB" $numpy >/dev/null
echo "first frame of the game:"
for i in 1 2 3; do echo -n "  native: "; /usr/bin/python3 "$root/tests/native/play_in_pty.py" "$native" | grep "first frame"; done
for i in 1 2 3; do echo -n "  JIT:    "; /usr/bin/python3 "$root/tests/native/play_in_pty.py" "$jit" | grep "first frame"; done
hyperfine --warmup 2 --runs 20 -N "$native levels" "$jit levels"
hyperfine --warmup 1 --runs 5 -N "$native replay $work/runs" "$jit replay $work/runs" --export-markdown /dev/null
echo "($runs run files)"
hyperfine --warmup 1 --runs 5 -N "$native $args" "$jit $args" "$numpy"
