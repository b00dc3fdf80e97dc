#!/usr/bin/env bash
# Runs every test project of the solution against the real models (fetched first, checked by sha256)
# and ends with one line: "tests: N passed, M failed[, K skipped]". Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/fetch-models.sh || { echo "tests: 0 passed, 1 failed (model fetch failed)"; exit 1; }

log=$(mktemp)
dotnet test EdgeCloud.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") f += $(i+1)
      if ($i == "Passed:") p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { print p+0, f+0, s+0 }' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the run broke (build error or crashed test host) without a failing test to count
fi

line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
