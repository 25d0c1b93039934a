// `ptest exec --slots DIR [--env-file F]... [--new-env-file F] -- COMMAND...`:
// how each case (and each fixture command) runs under CTest.
// Gives the case a worker identity that no other case running at the same
// time has, as the runner's workers do: it claims the first free slot gwN (a
// lock on DIR/gwN.lock, held until the case's process ends), sets
// PTEST_WORKER=gwN, PTEST_WORKER_COUNT, PTEST_TESTRUN_UID (one per ctest
// run) and a fresh PTEST_TMPDIR (also TEST_TMPDIR), then runs COMMAND,
// watched for the processes it leaks (commands/watched_case.h; --leak-result
// and --leak-timeout as for a run, also from PTEST_ADDOPTS).
// --env-file adds a fixture setup's exports (NAME=VALUE lines);
// --new-env-file starts such a file empty and names it in PTEST_ENV: a
// fixture's setup, which ptest exec becomes instead of watching it.
#pragma once

#include <string>
#include <vector>

namespace ptest {

// The exit status for ptest exec (COMMAND's, as commands/watched_case.h
// says); for a fixture's setup, returns only on failure: it execs COMMAND.
int exec_command(const std::vector<std::string>& arguments);

}  // namespace ptest
