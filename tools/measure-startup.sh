#!/usr/bin/env bash
# Measures the portal's start-up time: process start -> first GET /health answering 200.
# Empty database (migrations + demo data) and existing database, RUNS times each (default 3).
# Usage: tools/measure-startup.sh [runs]   (builds HelloWork.Web first; prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dotnet build HelloWork.Web -nologo -v quiet >/dev/null
dll="$PWD/HelloWork.Web/bin/Debug/net10.0/HelloWork.Web.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))

# start_once <database file> -> prints "<ms to /health 200> <app's own 'Database ready' line>"
start_once() {
  local db=$1 log="$work/out.log" t0 t1 pid
  t0=$(date +%s%N)
  (cd HelloWork.Web && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__HelloWork="Data Source=$db" Logging__Folder="$work/logs" exec dotnet "$dll") >"$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the portal exited:"; cat "$log"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $(grep -o 'Database ready in [0-9]* ms (migrations [0-9]* ms, demo data seeded: [A-Za-z]*)' "$log" | head -n 1)"
}

echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | database | process start → /health 200 | portal's own log line |"
echo "|---|---|---|---|"
for i in $(seq "$runs"); do
  read -r ms rest < <(start_once "$work/empty-$i.db")
  echo "| $i | empty (migrations + demo data) | $ms ms | $rest |"
done
start_once "$work/existing.db" >/dev/null # create and seed it once
for i in $(seq "$runs"); do
  read -r ms rest < <(start_once "$work/existing.db")
  echo "| $i | existing | $ms ms | $rest |"
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
