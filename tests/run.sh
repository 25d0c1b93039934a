#!/usr/bin/env bash
# The whole test suite: installs what a fresh Debian 12 machine lacks, builds
# ptest with its tests, runs them all with ctest (unit tests of every runner
# module, registered through ptest itself, and end-to-end tests that build
# consumer projects), then builds the runner and its unit tests again under
# AddressSanitizer and UndefinedBehaviorSanitizer and runs those.
#
#   ./tests/run.sh            # build dirs: build/test, build/sanitize
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="$(nproc)"

"$root/.ci/install-deps"

echo "== build and test: $root/build/test"
cmake -S "$root" -B "$root/build/test" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$root/build/test" -j "$jobs"
(cd "$root/build/test" && ctest -j "$jobs" --output-on-failure)

echo "== sanitizers (address, undefined) and fuzz targets: $root/build/sanitize"
cmake -S "$root" -B "$root/build/sanitize" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_COMPILER=clang++ -DPTEST_SANITIZE=address,undefined -DPTEST_FUZZ=ON -DPTEST_E2E_TESTS=OFF
cmake --build "$root/build/sanitize" -j "$jobs"

echo "== fuzzing, 10 s a target"
for target in expression manifest history gtest_output xml_output run_journal plan_file report_file; do
  found="$root/build/sanitize/fuzz-found/$target"
  mkdir -p "$found"
  log="$root/build/sanitize/fuzz-$target.log"
  # New inputs go to build/, the checked-in seeds stay as they are.
  if ! "$root/build/sanitize/tests/fuzz/fuzz_$target" -max_total_time=10 \
      "$found" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1; then
    cat "$log"
    echo "fuzz_$target found a crash (the input is saved as crash-* in $PWD)"
    exit 1
  fi
  echo "fuzz_$target: $(grep -E '^Done' "$log")"
done

# The sanitized runner runs the sanitized unit tests, so both are checked;
# ctest also replays each fuzz target's seed corpus.
"$root/build/sanitize/ptest/ptest" -n "$jobs"
(cd "$root/build/sanitize" && ctest -j "$jobs" --output-on-failure)
