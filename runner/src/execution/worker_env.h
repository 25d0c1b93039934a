// The variables that tell a test which worker runs it, as pytest-xdist's
// PYTEST_XDIST_WORKER does: the same names and values whether the runner
// starts the case or CTest does (through `ptest exec`).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ptest {

struct WorkerIdentity {
  int worker = 0;
  int worker_count = 1;
  std::string testrun_uid;  // one per run, shared by its workers
  std::string tmpdir;       // the worker's own scratch directory
};

// PTEST_WORKER, PTEST_WORKER_COUNT, PTEST_TESTRUN_UID, PTEST_TMPDIR and
// TEST_TMPDIR (Bazel's name, which some test helpers read).
std::vector<std::pair<std::string, std::string>> worker_variables(const WorkerIdentity& identity);

}  // namespace ptest
