#!/usr/bin/env bash
# The analyzers judged on code their authors never saw: 96 application-shaped snippets (54 of them
# correct code) written on 2026-12-03 by someone who read only the README and docs/diagnostics,
# each with the rules it should get written down before the first build (expected.tsv, and an
# "EXPECT:" line at the top of each file). Packs the package from this checkout under a version no
# cache holds, builds the snippets as a consumer of it, and prints the per-rule table.
#
#   benchmarks/held-out-analyzer-trial/run.sh        (writes under ${WORK:-/tmp/dato-held-out})
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${WORK:-/tmp/dato-held-out}
version=0.0.0-held-out-$(date +%s)
rm -rf "$work"
mkdir -p "$work/feed" "$work/consumer"
dotnet pack -c Release "$repo/src/DatoCms.ErrorCodes.Package" -o "$work/feed" -p:Version="$version" > "$work/pack.log"
cp -r "$here/Snippets" "$here/Common" "$here/.editorconfig" "$work/consumer/"
cat > "$work/consumer/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="held-out" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
cat > "$work/consumer/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Library</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>\$(NoWarn);CS1998;CS0168;CS0219;CS8321</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="DatoCms.ErrorCodes.Generators" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.0" />
    <PackageReference Include="Microsoft.Extensions.Http" Version="10.0.0" />
    <PackageReference Include="Polly.Core" Version="8.9.1" />
  </ItemGroup>
</Project>
PROJECT
dotnet build "$work/consumer" -p:TreatWarningsAsErrors=false > "$work/build.txt" || { tail -20 "$work/build.txt"; exit 1; }
python3 "$here/score.py" "$here/expected.tsv" "$work/build.txt"
