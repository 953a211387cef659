#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh
cd build
set +e
ctest --output-on-failure --timeout 900 -j 2 2>&1 | tee ctest.log
rc=${PIPESTATUS[0]}
set -e
# One closing line in the plain shape CI reads.
passed=$(grep -c "Test *#[0-9]*: .* Passed" ctest.log || true)
failed=$(grep -cE "Test *#[0-9]*: .*(\*\*\*Failed|\*\*\*Exception|\*\*\*Timeout|Not Run)" ctest.log || true)
echo "${passed} passed, ${failed} failed"
exit "$rc"
