#!/usr/bin/env bash
# Proves the xunit example in src/LittleRedDot.Content/README.md (issue 13): packs LittleRedDot.Engine and
# LittleRedDot.Content into a local folder, makes a fresh xunit project in a temporary folder that depends on
# the package from that folder (no project reference), pastes the README's project lines and code block in, and
# runs it over the shipped levels and the golden runs (must pass), then over one tampered run (must fail).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet pack "$root/src/LittleRedDot.Engine" -c Release -o "$work/feed" >/dev/null
dotnet pack "$root/src/LittleRedDot.Content" -c Release -o "$work/feed" >/dev/null
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")"
# The README names the version to reference: it must be the one packed.
grep -q "Include=\"LittleRedDot.Content\" Version=\"$version\"" "$root/src/LittleRedDot.Content/README.md" \
  || { echo "src/LittleRedDot.Content/README.md does not reference version $version" >&2; exit 1; }

mkdir -p "$work/grading"
cd "$work/grading"
cat > Grading.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
$(awk '/^```xml$/ { inside = 1; next } /^```$/ { inside = 0 } inside' "$root/src/LittleRedDot.Content/README.md")
  <ItemGroup>
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
    <PackageReference Include="xunit" Version="2.9.3" />
    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
  </ItemGroup>
  <ItemGroup>
    <Using Include="Xunit" />
  </ItemGroup>
</Project>
XML
# The package feed first, then whatever feed the machine restores from; nothing of the repository is referenced.
cat > nuget.config <<XML
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
# The README's C# block, verbatim.
awk '/^```csharp$/ { inside = 1; next } /^```$/ { inside = 0 } inside' "$root/src/LittleRedDot.Content/README.md" > SubmittedRuns.cs
cp -r "$root/levels" levels
mkdir submissions
cp "$root"/tests/LittleRedDot.Cli.Tests/runs/*.run.json submissions/

dotnet test > "$work/pass.log" 2>&1 || { cat "$work/pass.log"; echo "the README example failed on the golden runs" >&2; exit 1; }
grep -E 'Passed!|passed' "$work/pass.log" | tail -n 1

# A tampered run must make the same test fail, with the file named.
first="$(ls submissions/*.run.json | head -n 1)"
sed -i 's/"player": "[^"]*"/"player": "mallory"/' "$first"
if dotnet test > "$work/fail.log" 2>&1; then
  echo "the README example passed with a tampered run" >&2
  exit 1
fi
grep -q "$(basename "$first")" "$work/fail.log"
echo "README example: passes on the golden runs, fails naming the tampered $(basename "$first")"
