// `ptest exec --slots DIR [--env-file F]... [--new-env-file F] -- COMMAND...`:
// how each case (and each fixture command) runs under CTest.
// Gives the case a worker identity that no other case running at the same
// time has, as the runner's workers do: it claims the first free slot gwN (a
// lock on DIR/gwN.lock, held until the case's process ends), sets
// PTEST_WORKER=gwN, PTEST_WORKER_COUNT, PTEST_TESTRUN_UID (one per ctest
// run) and a fresh PTEST_TMPDIR (also TEST_TMPDIR), then becomes COMMAND.
// --env-file adds a fixture setup's exports (NAME=VALUE lines);
// --new-env-file starts such a file empty and names it in PTEST_ENV.
#pragma once

#include <string>
#include <vector>

namespace ptest {

// Returns only on failure (the exit status); on success it execs COMMAND.
int exec_command(const std::vector<std::string>& arguments);

}  // namespace ptest
