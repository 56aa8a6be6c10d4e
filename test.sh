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

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else say "need root (or sudo) to run: $*"; return 1
  fi
}

# 1. System packages the tests need (Playwright's own browser download cannot reach the internet here; PDF tools).
packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v qpdf >/dev/null 2>&1 || packages+=(qpdf)                   # the PDF checks (issue 7): qpdf --check
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)      # pdffonts and pdftoppm
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then
  packages+=(fonts-ipaexfont-gothic) # Japanese text in screenshots instead of empty boxes
fi
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]}"
  if ! as_root apt-get update -q || ! as_root apt-get -o DPkg::Lock::Timeout=300 install -y -q "${packages[@]}" </dev/null; then
    say "could not install ${packages[*]}"
    summary 0 0; exit 1
  fi
fi
if ! command -v dotnet >/dev/null 2>&1; then
  say "the .NET SDK is missing (see global.json for the version)"
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
dotnet test --solution HelloWork.Blazor.sln --no-build --no-progress \
  --results-directory "$results" --report-xunit-trx --timeout 14m </dev/null
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
skipped_part=""
[ "$skipped" -gt 0 ] && skipped_part=$skipped
summary "$passed" "$failed" "$skipped_part"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$status" -ne 0 ]; then
  exit 1
fi
