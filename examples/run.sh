#!/usr/bin/env bash
# The main job: builds the example project in examples/inventory (its CMake
# presets, build dir examples/inventory/build) with ptest taken from this
# checkout, and runs its three usual suites with the ptest runner and with
# ctest; then the Catch2, doctest and plain examples, each with the runner
# and ctest. Installs what a fresh Debian 12 machine lacks first.
#
#   ./examples/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
example="$root/examples/inventory"

"$root/.ci/install-deps"

cd "$example"
cmake --preset default
cmake --build --preset default -j "$(nproc)"

echo
echo "== cmake --build --preset full      (every case, nightly: the ptest target, all cores)"
cmake --build --preset full

echo
echo "== cmake --build --preset regression   (-m 'not e2e', every pull request)"
cmake --build --preset regression

echo
echo "== build/ptest/ptest -n 2 -m \"smoke and not slow\" -v   (the runner by hand)"
build/ptest/ptest -n 2 -m "smoke and not slow" -v

echo
echo "== ctest --preset smoke   (the same smoke cases under CTest, one process each)"
ctest --preset smoke

# One small example per other framework: Catch2, doctest, plain commands.
for framework in catch2 doctest plain; do
  echo
  echo "== examples/$framework: build/ptest/ptest -n 2 -v, then ctest"
  cmake -S "$root/examples/$framework" -B "$root/examples/$framework/build" -G Ninja
  cmake --build "$root/examples/$framework/build"
  "$root/examples/$framework/build/ptest/ptest" -n 2 -v
  (cd "$root/examples/$framework/build" && ctest)
done
