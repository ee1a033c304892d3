#!/usr/bin/env bash
# Makes every downloadable file of a release into one folder (default ./release) with SHA256SUMS (issue 13):
#   littlereddot-linux-x64            NativeAOT: one native file, no .NET needed
#   littlereddot-linux-arm64          NativeAOT, cross-linked — only where clang, lld and an arm64 sysroot exist
#   littlereddot-osx-x64, -osx-arm64  self-contained single file (the runtime inside; NativeAOT cannot
#   littlereddot-win-x64.exe          cross-compile between operating systems, so these are not native code)
# Needs the .NET SDK, clang, lld and SQLite's static library, linked into the native files (Debian: apt-get install
# clang lld libsqlite3-dev); for linux-arm64 also Debian's gcc-aarch64-linux-gnu, whose arm64 C library and start
# files clang links against, and the arm64 SQLite (dpkg --add-architecture arm64; apt-get update;
# apt-get install libsqlite3-dev:arm64).
# Usage: build/release.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/release}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

publish() { # RID, then extra properties
  local rid="$1"
  shift
  echo "== $rid" >&2
  dotnet publish "$root/src/LittleRedDot" -c Release -r "$rid" -o "$work/$rid" "$@" >"$work/$rid.log" 2>&1 \
    || { cat "$work/$rid.log" >&2; exit 1; }
}

publish linux-x64
cp "$work/linux-x64/littlereddot" "$out/littlereddot-linux-x64"

if [ -d /usr/aarch64-linux-gnu/lib ] && [ -f /usr/lib/aarch64-linux-gnu/libsqlite3.a ] && command -v clang >/dev/null && command -v ld.lld >/dev/null; then
  publish linux-arm64 -p:LinkerFlavor=lld -p:ObjCopyName=llvm-objcopy
  cp "$work/linux-arm64/littlereddot" "$out/littlereddot-linux-arm64"
else
  echo "== linux-arm64 skipped: needs clang, lld, gcc-aarch64-linux-gnu (the arm64 C library) and libsqlite3-dev:arm64" >&2
fi

# Not NativeAOT: the runtime and the program in one self-extracting file (native libraries included).
single_file=(-p:PublishAot=false -p:PublishSingleFile=true --self-contained true
  -p:IncludeNativeLibrariesForSelfExtract=true -p:EnableCompressionInSingleFile=true -p:DebugType=none)
for rid in osx-x64 osx-arm64; do
  publish "$rid" "${single_file[@]}"
  cp "$work/$rid/littlereddot" "$out/littlereddot-$rid"
done
publish win-x64 "${single_file[@]}"
cp "$work/win-x64/littlereddot.exe" "$out/littlereddot-win-x64.exe"

chmod +x "$out"/littlereddot-*
(cd "$out" && sha256sum littlereddot-* > SHA256SUMS)
cat "$out/SHA256SUMS"
if command -v file >/dev/null; then (cd "$out" && file littlereddot-*); fi
