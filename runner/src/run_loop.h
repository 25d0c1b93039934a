// Drives a run: hands batches from the scheduler to the executor whenever a
// worker is free, passes what happens to the reporters, and decides when to
// stop early (-x, --maxfail, Ctrl-C).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "executor.h"
#include "reporter.h"
#include "scheduler.h"

namespace ptest {

struct RunLoopOptions {
  std::size_t maxfail = 0;  // stop after this many failures; 0: never
  // Stop once more test processes than this died mid-batch (each needs a
  // new process for the rest of its batch: pytest-xdist's worker restart).
  std::size_t max_worker_restart = SIZE_MAX;
  double stop_grace = 2.0;  // seconds between the stop signal and SIGKILL
};

// `disabled`: selected DISABLED_ cases, reported as skipped without running.
RunSummary run_tests(const Manifest& manifest, Scheduler& scheduler, Executor& executor,
                     Reporter& reporter, const std::vector<std::size_t>& disabled,
                     const RunLoopOptions& options);

}  // namespace ptest
