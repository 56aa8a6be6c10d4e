#!/usr/bin/env bash
# The fault run (docs/trust-faults.md): builds the portal in Release, starts the real process (dotnet HelloWork.Web.dll,
# SQLite in a temp folder, demo data), drives applications and messages through /api/v1/me over HTTP, kills the process with
# SIGKILL at random moments (20 times by default), restarts it, and checks after each restart that every acknowledged change is
# in the database and PRAGMA integrity_check is ok. Ends with one JSON line {"scenario":"fault",...}; exits 1 on any loss.
#
#   scripts/fault-run.sh [--kills N] [--seed S] [--workers W] [--min-up-ms MS] [--max-up-ms MS] [--keep]
#
# HELLOWORK_FAULT_SEED also sets the seed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh || exit 1
exec dotnet run -c Release --project HelloWork.Bench -- fault "$@"
