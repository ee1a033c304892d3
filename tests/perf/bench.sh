#!/usr/bin/env bash
# The performance targets of issue 13, measured side by side in one run, by hand (never in CI), and printed as one
# Markdown table for the README:
#   levels                      native vs JIT                  target: native ≤ 30 ms median
#   run --json, 1,000,000 rows  native vs JIT vs numpy         target: native ≥ 100× numpy, peak memory ≤ 64 MB
#   replay of 10,000 run files  native vs JIT                  target: native ≤ 1 s
#   the game's first frame      native vs JIT (80×24 pty)      target: native ≤ 100 ms
# Times are hyperfine medians (whole process); peak memory is /usr/bin/time's maximum resident set size.
# "native" is the NativeAOT file `dotnet publish -r linux-x64` makes; "JIT" the framework-dependent build the dotnet
# tool package gives. Both are built once into the work folder (several minutes) and reused: NATIVE=FILE and JIT=FILE
# take ready-made ones, REBUILD=1 builds again. The measuring itself takes about two to three minutes on a quiet
# machine, most of it numpy's one run (numpy is measured once: it takes some 25 s of CPU). Needs hyperfine and python3-numpy from Debian (apt-get install hyperfine python3-numpy), and clang and lld
# for the native publish. Usage: tests/perf/bench.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${TMPDIR:-/tmp}/littlereddot-bench"
mkdir -p "$work"

# --- the programs -------------------------------------------------------------------------------------------------
if [ -z "${NATIVE:-}" ]; then
  if [ -n "${REBUILD:-}" ] || [ ! -x "$work/native/littlereddot" ]; then
    echo "building the native file (NativeAOT)..." >&2
    dotnet publish "$root/src/LittleRedDot" -c Release -r linux-x64 -o "$work/native" >"$work/native.log" 2>&1 || { cat "$work/native.log" >&2; exit 1; }
  fi
  NATIVE="$work/native/littlereddot"
fi
if [ -z "${JIT:-}" ]; then
  if [ -n "${REBUILD:-}" ] || [ ! -x "$work/jit/littlereddot" ]; then
    echo "building the JIT build (framework-dependent)..." >&2
    dotnet publish "$root/src/LittleRedDot" -c Release -r linux-x64 -p:PublishAot=false --self-contained false \
      -o "$work/jit" >"$work/jit.log" 2>&1 || { cat "$work/jit.log" >&2; exit 1; }
  fi
  JIT="$work/jit/littlereddot"
fi

# --- the data: a level over a million-row CSV, and 10,000 run files ----------------------------------------------
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
cat >"$work/million.level.json" <<'JSON'
{ "id": "million", "title": "A million points", "cost": "mse",
  "data": { "csv": "million.csv", "x": "x", "y": "y" },
  "beta0": { "min": -5, "max": 5 }, "beta1": { "min": -5, "max": 5 },
  "alpha": { "min": 1e-7, "max": 0.1 }, "budget": 2000, "tolerance": 1e-9, "par": 2000 }
JSON

# 100 distinct runs made by the program itself (every shipped level, five α across its range, from the start
# range's low corner), each saved 100 times under another name: 10,000 files that replay recomputes one by one.
runs="$work/runs"
if [ ! -f "$runs/.complete" ]; then
  rm -rf "$runs" "$work/made"
  mkdir -p "$runs" "$work/made"
  /usr/bin/python3 - "$root/levels" >"$work/choices.txt" <<'PY'
import glob, json, sys
for path in sorted(glob.glob(sys.argv[1] + "/*/*.level.json")):
    level = json.load(open(path, encoding="utf-8-sig"))
    lo, hi = level["alpha"]["min"], level["alpha"]["max"]
    start = []
    for name in ("beta0", "beta1"):
        p = level[name]
        if "min" in p:
            start += ["--" + name, repr(p["min"])]
    for i in range(5):
        alpha = lo * (hi / lo) ** (i / 4)
        print(level["id"], repr(min(max(alpha, lo), hi)), *start)
PY
  n=0
  while read -r id alpha rest; do
    n=$((n + 1))
    # shellcheck disable=SC2086 # rest holds the start options, word by word
    "$NATIVE" run "$id" --alpha "$alpha" $rest --player "bench$n" --save "$work/made/$n.run.json" >/dev/null
  done <"$work/choices.txt"
  made=$(ls "$work/made" | wc -l)
  copies=$(( (10000 + made - 1) / made ))
  for f in "$work"/made/*.run.json; do
    for i in $(seq 1 "$copies"); do cp "$f" "$runs/$i-$(basename "$f")"; done
  done
  ls "$runs" | sort | tail -n +10001 | while read -r extra; do rm "$runs/$extra"; done
  touch "$runs/.complete"
fi
files=$(ls "$runs" | wc -l)
"$NATIVE" replay "$runs" | tail -n 1 | grep -q "^$files files: $files verified" || { echo "the run files do not all verify" >&2; exit 1; }

# --- the measurements ---------------------------------------------------------------------------------------------
args="run $work/million.level.json --alpha 1e-6 --beta0 -5 --beta1 -5 --json"
numpy="/usr/bin/python3 $here/numpy_descent.py $work/million.csv 1e-6 -5 -5 2000 1e-9"
cd "$work"
echo "levels..." >&2
hyperfine -N --warmup 3 --runs 30 --export-json "$work/levels.json" "$NATIVE levels" "$JIT levels" >&2
echo "run --json on a million rows..." >&2
hyperfine -N --warmup 1 --runs 5 --export-json "$work/run.json" "$NATIVE $args" "$JIT $args" >&2
hyperfine -N --runs 1 --export-json "$work/numpy.json" "$numpy" >&2
echo "replay of $files run files..." >&2
hyperfine -N --warmup 1 --runs 5 --export-json "$work/replay.json" "$NATIVE replay $runs" "$JIT replay $runs" >&2
peak() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; }
peak_native=$(peak "$NATIVE" $args)
peak_jit=$(peak "$JIT" $args)
peak_numpy=$(peak $numpy)
echo "first frames..." >&2
frames() { for _ in 1 2 3 4 5 6 7; do /usr/bin/python3 "$root/tests/native/play_in_pty.py" "$1" | sed -n 's/^first frame after \([0-9]*\) ms$/\1/p'; done; }
frame_native=$(frames "$NATIVE" | sort -n | sed -n 4p)
frame_jit=$(frames "$JIT" | sort -n | sed -n 4p)

/usr/bin/python3 - "$work" "$files" "$peak_native" "$peak_jit" "$peak_numpy" "$frame_native" "$frame_jit" <<'PY'
import json, os, sys
work, files = sys.argv[1], int(sys.argv[2])
peak_native, peak_jit, peak_numpy, frame_native, frame_jit = (int(v) for v in sys.argv[3:8])
def results(name):
    return json.load(open(os.path.join(work, name)))["results"]
def medians(name):
    return [r["median"] for r in results(name)]
def ms(s): return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"
def cpu_of(name):  # mean user + system time: what the program itself spent, whatever else the machine ran
    return [r["user"] + r["system"] for r in results(name)]
def cpu(name):
    return [ms(t) for t in cpu_of(name)]
def mb(kb): return f"{kb / 1024:.1f} MB"
def mark(ok): return "met" if ok else "**missed**"
levels_n, levels_j = medians("levels.json")
cpu_levels, cpu_run, cpu_numpy, cpu_replay = cpu("levels.json"), cpu("run.json"), cpu("numpy.json"), cpu("replay.json")
run_n, run_j = medians("run.json")
(numpy,) = medians("numpy.json")
replay_n, replay_j = medians("replay.json")
rows = [
    ("what (median, whole process)", "native", "JIT", "numpy", "target", "native"),
    ("---",) * 6,
    ("`levels`", ms(levels_n), ms(levels_j), "—", "≤ 30 ms", mark(levels_n <= 0.030)),
    ("… CPU (user + system, mean)", *cpu_levels, "—", "", ""),
    ("`run --json`, 1,000,000-row CSV, 2,000 steps", ms(run_n), ms(run_j), ms(numpy), "—", ""),
    ("… CPU (user + system, mean)", *cpu_run, *cpu_numpy, "", ""),
    ("… that is, times faster than numpy (by CPU)", f"{numpy / run_n:.0f}× ({cpu_of('numpy.json')[0] / cpu_of('run.json')[0]:.0f}×)",
     f"{numpy / run_j:.0f}× ({cpu_of('numpy.json')[0] / cpu_of('run.json')[1]:.0f}×)", "1×", "≥ 100×", mark(numpy / run_n >= 100)),
    ("peak memory of that run", mb(peak_native), mb(peak_jit), mb(peak_numpy), "≤ 64 MB", mark(peak_native <= 64 * 1024)),
    (f"`replay` of {files:,} run files", ms(replay_n), ms(replay_j), "—", "≤ 1 s", mark(replay_n <= 1)),
    ("… CPU (user + system, mean)", *cpu_replay, "—", "", ""),
    ("the game's first frame, 80×24 pty (median of 7)", f"{frame_native} ms", f"{frame_jit} ms", "—", "≤ 100 ms", mark(frame_native <= 100)),
]
print()
for row in rows:
    print("| " + " | ".join(row) + " |")
load = os.getloadavg()
print(f"\nLoad average during the run: {load[0]:.1f} (2 cores: above 2, other work shared the machine).")
PY
