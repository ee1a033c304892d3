#!/usr/bin/env bash
# Whole-process comparison (issue 7): `littlereddot run` on a level over a 1,000,000-point CSV with a
# 2,000-step budget that runs out, against tests/perf/numpy_descent.py doing the same batch descent.
# Needs hyperfine and python3-numpy from Debian (apt-get install hyperfine python3-numpy).
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

# The shipped artifact: Release, ReadyToRun (what a tool install or a publish gives the room).
dotnet publish "$root/src/LittleRedDot" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/bin" >/dev/null
app="$work/bin/littlereddot"
args="run $work/million.level.json --alpha 1e-6 --beta0 -5 --beta1 -5"

echo "peak memory:"
/usr/bin/time -f "  littlereddot run --json: %M KB" "$app" $args --json >/dev/null
/usr/bin/time -f "  numpy:                   %M KB" /usr/bin/python3 "$here/numpy_descent.py" "$work/million.csv" 1e-6 -5 -5 2000 1e-9 >/dev/null
hyperfine --warmup 1 --runs 5 -N \
  "$app $args" \
  "$app $args --json" \
  "/usr/bin/python3 $here/numpy_descent.py $work/million.csv 1e-6 -5 -5 2000 1e-9"
