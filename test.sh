#!/usr/bin/env bash
# Runs every test in the solution: unit, integration (real SQLite files) and browser end-to-end (Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's Chromium for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install -y chromium', then this script again." >&2
    exit 1
  fi
fi

mkdir -p TestResults
log=TestResults/test-output.log
dotnet build EfficiencyDashboard.sln -c Debug -nologo -v quiet -clp:ErrorsOnly
# One test assembly at a time: the integration and browser tests start real servers that share two cores.
set +e
dotnet test EfficiencyDashboard.sln -c Debug --no-build -m:1 --results-directory TestResults --logger "trx" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
