// The environment a case's process sees.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "execution/worker_env.h"
#include "model/model.h"

namespace ptest {

// The base, the target's ENVIRONMENT, what its fixtures' setups exported,
// then the worker's identity (PTEST_WORKER, PTEST_WORKER_COUNT,
// PTEST_TESTRUN_UID, PTEST_TMPDIR and TEST_TMPDIR), and GoogleTest settings
// the runner relies on (harmless to a binary of another framework). Never
// the runner's own TEST_PREMATURE_EXIT_FILE (premature_exit.h).
std::vector<std::string> case_environment(const std::vector<std::string>& base, const Target& target,
                                          const std::vector<std::pair<std::string, std::string>>& fixtures,
                                          const WorkerIdentity& identity);

}  // namespace ptest
