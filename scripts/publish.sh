#!/usr/bin/env bash
# Publishes the portal as it is deployed: Release, for this machine's runtime (linux-x64 unless given), framework-dependent,
# compiled ahead of time (ReadyToRun, set in HelloWork.Web.csproj for a publish with a runtime identifier).
#   scripts/publish.sh [OUTPUT_FOLDER] [RUNTIME_IDENTIFIER]      default: publish/ and linux-x64
# Start it from its folder:  cd publish && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__HelloWork="Data Source=…" dotnet HelloWork.Web.dll
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-publish}"
rid="${2:-linux-x64}"
dotnet publish HelloWork.Web/HelloWork.Web.csproj -c Release -r "$rid" --self-contained false -nologo -v quiet -o "$out" </dev/null
echo "published to $out ($rid, ReadyToRun)"
