#!/usr/bin/env bash
# The analyzers' share of a real build of the 2,000-method synthetic consumer, as issue 12 measures it:
# `dotnet build -p:ReportAnalyzer=true` through the warm compiler server, the DATO analyzers' time
# against the Csc task's time, and the same build with every DATO rule suppressed (Roslyn then skips
# the analyzers), round after round so that the machine's load hits every variant alike. Every
# variant is built once before the measured rounds. Ends with each variant's median share.
#
# Compiler: as the environment says. Where UseSharedCompilation=false (this project's machines set
# it), every build starts a new csc process, which loads the analyzers and compiles their code just
# in time: that JIT time, and the slower first-tier code, is inside ReportAnalyzer's figures. With
# SERVER=1 the builds use a compiler server of their own instead (a pipe name no other build shares,
# stopped at the end), warmed by the first builds, as a developer's machine usually does.
#
#   benchmarks/analyzer-build-cost.sh [ROUNDS] [OTHER_GENERATOR_DLL | --readytorun [OTHER_GENERATOR_DLL]]
#
# OTHER_GENERATOR_DLL: a second build of DatoCms.ErrorCodes.Generators.dll (for example of an older
# commit, built with `dotnet build -c Release src/DatoCms.ErrorCodes.Generators -o DIR`) measured in
# the same rounds. --readytorun instead packs the package (Release) and measures, as "readytorun",
# the ReadyToRun copy from the .nupkg (tools/readytorun/linux-x64), the file the package's build
# files give the .NET SDK's compiler on linux-x64; "current" is then the IL assembly from the same
# .nupkg; a DLL after --readytorun (for example the ReadyToRun copy of an older package, unzipped from
# its .nupkg) is measured as "other" in the same rounds. Writes the consumer under
# ${WORK:-/tmp/dato-analyzer-cost}; prints one line per build.
set -euo pipefail
rounds=${1:-3}
other=${2:-}
third=${3:-}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-/tmp/dato-analyzer-cost}
mkdir -p "$work/consumer" "$work/current"

if [ "$other" = --readytorun ]; then
  # Exactly what a consumer restores: both assemblies out of one packed .nupkg.
  rm -rf "$work/pack" "$work/current" "$work/readytorun"
  dotnet pack -c Release "$repo/src/DatoCms.ErrorCodes.Package" -o "$work/pack" -p:PackageVersion=0.0.0-analyzer-cost > "$work/generator-build.log"
  unzip -q -j -o "$work/pack/DatoCms.ErrorCodes.Generators.0.0.0-analyzer-cost.nupkg" analyzers/dotnet/cs/DatoCms.ErrorCodes.Generators.dll -d "$work/current"
  unzip -q -j -o "$work/pack/DatoCms.ErrorCodes.Generators.0.0.0-analyzer-cost.nupkg" tools/readytorun/linux-x64/DatoCms.ErrorCodes.Generators.dll -d "$work/readytorun"
  other="$work/readytorun/DatoCms.ErrorCodes.Generators.dll"
  other_name=readytorun
else
  dotnet build -c Release "$repo/src/DatoCms.ErrorCodes.Generators" -o "$work/current" > "$work/generator-build.log"
  other_name=other
fi
dotnet run -c Release --project "$repo/benchmarks/DatoCms.ErrorCodes.Benchmarks" -- write-consumer "$work/consumer" > /dev/null

# Outside the repository, so that its Directory.Build.props (TreatWarningsAsErrors) does not apply.
cat > "$work/consumer/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include="\$(GeneratorDll)" />
    <AdditionalFiles Include="$repo/spec/datocms-cma-errors.md;$repo/spec/datocms-cma-errors.yaml" />
  </ItemGroup>
  <ItemGroup Condition="'\$(DatoOff)' == 'true'">
    <GlobalAnalyzerConfigFiles Include="$work/dato-off.globalconfig" />
  </ItemGroup>
</Project>
PROJECT
# Every rule the analyzers support (all of them must be off for Roslyn to skip an analyzer).
ids=$(grep -ohE '"DATO[0-9]+"' "$repo/src/DatoCms.ErrorCodes.Generators/Diagnostics/UsageDiagnosticDescriptors.cs" | tr -d '"' | sort -u)
{
  echo "is_global = true"
  for id in $ids; do echo "dotnet_diagnostic.$id.severity = none"; done
} > "$work/dato-off.globalconfig"

server="dato-analyzer-cost-$$"
stop_server() {
  # Only the server this script started: the one listening on its own pipe name.
  for pid in $(pgrep -f -- "-pipename:$server" || true); do kill "$pid" 2> /dev/null || true; done
}
trap stop_server EXIT

variants="current off"
[ -n "$other" ] && variants="$other_name current off"
[ -n "$third" ] && variants="$other_name other current off"
variant_args() {
  case $1 in
    readytorun) args=(-p:GeneratorDll="$other") ;;
    other) args=(-p:GeneratorDll="${third:-$other}") ;;
    current) args=(-p:GeneratorDll="$work/current/DatoCms.ErrorCodes.Generators.dll") ;;
    off) args=(-p:GeneratorDll="$work/current/DatoCms.ErrorCodes.Generators.dll" -p:DatoOff=true) ;;
  esac
  args+=(-nodeReuse:false)
  if [ "${SERVER:-0}" = 1 ]; then args+=(-p:UseSharedCompilation=true -p:SharedCompilationId="$server"); fi
}

cd "$work/consumer"
for variant in $variants; do # restore, start the server, load each variant's analyzers
  variant_args "$variant"
  dotnet build --no-incremental "${args[@]}" > /dev/null || true
done
: > "$work/shares.txt"
for round in $(seq 1 "$rounds"); do
  for variant in $variants; do
    variant_args "$variant"
    log="$work/build-$variant-$round.log"
    load=$(cut -d' ' -f1 /proc/loadavg)
    dotnet build --no-incremental -p:ReportAnalyzer=true "${args[@]}" -v:d -clp:PerformanceSummary > "$log" 2>&1 || true
    csc=$(grep -E "ms  Csc " "$log" | awk '{print $1}')
    dato=$(grep -E "^ +[0-9.<]+ +[0-9<]+ +DatoCms.ErrorCodes.Generators, Version" "$log" | head -1 | awk '{print $1}')
    all=$(grep "Total analyzer execution time" "$log" | grep -oE "[0-9.]+" | head -1)
    share=$(awk -v d="${dato#<}" -v c="$csc" 'BEGIN { if (c > 0) printf "%.1f %%", 100 * d * 1000 / c }')
    per=$(grep -E "DatoCms.ErrorCodes.Generators.Analyzers\." "$log" | awk '{ n = split($3, a, "."); printf "%s %s, ", a[n], $1 }')
    echo "round $round $variant: load $load, Csc $csc ms, DATO analyzers ${dato:-?} s (${share}), all analyzers ${all:-?} s; ${per%, }"
    [ -n "$share" ] && echo "$variant ${share% %}" >> "$work/shares.txt"
  done
done
for variant in $variants; do
  { grep "^$variant " "$work/shares.txt" || true; } | awk '{ print $2 }' | sort -n \
    | awk -v v="$variant" '{ a[NR] = $1 } END { if (NR) printf "%s: DATO share median %.1f %% (%.1f-%.1f %%) over %d rounds\n", v, (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR], NR }'
done
