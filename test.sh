#!/usr/bin/env bash
# Runs every HelloWork test: domain rules, integration on the real host, browser tests in Chromium.
# On a fresh Debian machine it first installs what the tests need (Chromium, a Japanese font).
# The last line it prints is "N passed, N failed" (", N skipped" when any were skipped);
# it exits non-zero when a test failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")"

export DEBIAN_FRONTEND=noninteractive
# The server clock runs in UTC, as in production; business dates must still come out in Japan time (R-TIME-1).
export TZ=UTC
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "test.sh: $*"; }
summary() { echo "$1 passed, $2 failed${3:+, $3 skipped}"; }

# 1. System packages (Chromium and a Japanese font for the browser tests, qpdf and poppler-utils for the PDF checks) and the
#    .NET SDK.
if ! bash scripts/system-packages.sh browser pdf </dev/null; then
  summary 0 0; exit 1
fi

# 2. A real PostgreSQL and Redis on loopback for the scale-out tests (installed and started when missing);
#    exports HELLOWORK_TEST_PG and HELLOWORK_TEST_REDIS. Without them those tests skip and say why.
if services=$(bash scripts/scaleout-services.sh </dev/null); then
  eval "$services"
else
  say "PostgreSQL/Redis could not be started: the scale-out tests will be skipped"
fi

# 3. Build once, then run every test project of the solution (Microsoft.Testing.Platform, see global.json).
if ! dotnet build HelloWork.Blazor.sln -nologo -v quiet </dev/null; then
  say "build failed"
  summary 0 0; exit 1
fi
results="TestResults/test-sh"
rm -rf "$results"
export TEST_SCREENSHOTS="${TEST_SCREENSHOTS:-$PWD/TestResults/screenshots}"
start=$(date +%s)
# Each async test has its own timeout (HelloWork.Tests/TestTimeouts.cs): a hung test fails alone, named, and every other result
# is still counted. The run's own limit is only a backstop for a hang outside any test (a fixture's start-up); reaching it ends
# the process and loses the results, so it sits far above the suite's normal time.
dotnet test --solution HelloWork.Blazor.sln --no-build --no-progress \
  --results-directory "$results" --report-xunit-trx --timeout 40m </dev/null
status=$?
say "tests took $(( $(date +%s) - start )) s; TRX in $results, screenshots in $TEST_SCREENSHOTS"

# 4. Count from the TRX files (one per test project).
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  count() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(count passed)))
  failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  skipped=$((skipped + $(count notExecuted)))
done
if [ "$files" -eq 0 ]; then
  say "no test results were written (dotnet test exit code $status)"
fi
# 5. Name every failed test with the first lines of its message, so the tail of a CI log says what broke.
if [ "$failed" -gt 0 ]; then
  say "failed tests:"
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    python3 - "$trx" <<'PY' || grep -o 'testName="[^"]*" [^>]*outcome="Failed"' "$trx"
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") in ("Passed", "NotExecuted"):
        continue
    message = r.findtext(".//t:Message", default="", namespaces=ns).strip().splitlines()
    print(f"  FAILED {r.get('testName')} ({r.get('duration')})")
    for line in message[:6]:
        print(f"    {line[:300]}")
    # Where in the test it broke: the frames of the test project itself (a timeout's message alone does not say which wait).
    stack = r.findtext(".//t:StackTrace", default="", namespaces=ns).splitlines()
    for line in [l.strip() for l in stack if "HelloWork.Tests" in l and ":line " in l][:4]:
        print(f"    {line[:300]}")
PY
  done
fi
skipped_part=""
[ "$skipped" -gt 0 ] && skipped_part=$skipped
summary "$passed" "$failed" "$skipped_part"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
