#!/usr/bin/env bash
# The main job: builds the example project in examples/inventory with ptest
# taken from this checkout, and runs its tests with the ptest runner and
# with ctest. Installs what a fresh Debian 12 machine lacks first.
#
#   ./examples/run.sh            # build dir: build/examples
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PTEST_EXAMPLES_BUILD:-$root/build/examples}"

"$root/.ci/install-deps"

cmake -S "$root/examples/inventory" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$(nproc)"

echo
echo "== cmake --build $build --target ptest   (every case, all cores)"
cmake --build "$build" --target ptest

echo
echo "== $build/ptest/ptest -n 2 -m \"smoke and not slow\" -v"
"$build/ptest/ptest" -n 2 -m "smoke and not slow" -v

echo
echo "== ctest -L smoke   (the same smoke cases, one process each)"
(cd "$build" && ctest -L smoke -j 2)
