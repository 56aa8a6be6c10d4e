#!/usr/bin/env bash
# Every benchmark scenario's --quick version in order, each in its own process: builds HelloWork.Bench and
# HelloWork.Web once in Release (and publishes it for startup), regenerates bench-out/bench-quick.db (20,000 offers), then runs the scenarios. Prints each
# scenario's JSON line (the last line of its output; the whole output is in bench-out/quick-<scenario>.log), its time, and the
# total time with the machine's load average. Goal: all of it in under 15 minutes. Usage: scripts/bench-quick.sh [scenario ...]
set -uo pipefail
cd "$(dirname "$0")/.."
scenarios=("$@")
if [ ${#scenarios[@]} -eq 0 ]; then
  # writes adds rows, so it runs after the read scenarios that use the same database.
  scenarios=(generate applicants search figures export writes startup pdf live circuits)
fi
# circuits drives the system Chromium; every scenario needs the .NET SDK.
case " ${scenarios[*]} " in
  *" circuits "*) bash scripts/system-packages.sh browser || exit 1 ;;
  *) bash scripts/system-packages.sh || exit 1 ;;
esac
mkdir -p bench-out
start=$(date +%s)
echo "Building HelloWork.Bench and HelloWork.Web (Release) ..."
# The bench goes to its own folder so that a long run from HelloWork.Bench/bin (e.g. generate --offers 1000000) keeps its files.
if ! dotnet build -c Release -nologo -v quiet -o bench-out/quick-bin HelloWork.Bench/HelloWork.Bench.csproj > bench-out/quick-build.log 2>&1; then
  cat bench-out/quick-build.log; exit 1
fi
if ! dotnet build -c Release -nologo -v quiet HelloWork.Web/HelloWork.Web.csproj >> bench-out/quick-build.log 2>&1; then
  cat bench-out/quick-build.log; exit 1
fi
# startup also measures the portal as deployed (published, ReadyToRun).
case " ${scenarios[*]} " in
  *" startup "*) if ! bash scripts/publish.sh bench-out/publish >> bench-out/quick-build.log 2>&1; then cat bench-out/quick-build.log; exit 1; fi ;;
esac
built=$(date +%s)
echo "  build $((built - start)) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
bench=bench-out/quick-bin/HelloWork.Bench.dll
failed=0
declare -a summary
for s in "${scenarios[@]}"; do
  extra=()
  case "$s" in startup|circuits) extra=(--no-build) ;; esac
  t0=$(date +%s.%N)
  dotnet "$bench" "$s" --quick "${extra[@]}" > "bench-out/quick-$s.log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  secs=$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")
  json=$(grep '^{"scenario"' "bench-out/quick-$s.log" | tail -1)
  [ $rc -ne 0 ] && failed=$((failed + 1))
  line=$(printf '%-10s %7s s  exit %d  load %s' "$s" "$secs" "$rc" "$(cut -d' ' -f1 /proc/loadavg)")
  summary+=("$line")
  echo "$line"
  echo "  ${json:-(no JSON line: see bench-out/quick-$s.log)}"
done
end=$(date +%s)
total=$((end - start))
run=$((end - built))
echo
printf '%s\n' "${summary[@]}"
echo "scenarios $((run / 60)) min $((run % 60)) s; with the build $((total / 60)) min $((total % 60)) s; ${#scenarios[@]} scenarios, $failed failed; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "{\"scenario\":\"all-quick\",\"seconds\":$run,\"seconds_with_build\":$total,\"scenarios\":${#scenarios[@]},\"failed\":$failed,\"cores\":$(nproc),\"load_avg_1m\":$(cut -d' ' -f1 /proc/loadavg)}"
[ $failed -eq 0 ]
