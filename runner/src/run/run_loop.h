// Drives a run: hands batches from the scheduler to the executor whenever a
// worker is free, passes what happens to the reporters, and decides when to
// stop early (-x, --maxfail, Ctrl-C), and which failed cases run again
// (--reruns): a case that passes on a rerun is flaky, and its result keeps
// every attempt. It also sets fixtures up once, before
// the first batch that needs them, and cleans each up after the last of its
// cases, or at the end of the run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "plan/scheduler.h"
#include "run/executor.h"
#include "run/fixture_host.h"
#include "run/reporter.h"

namespace ptest {

struct RunLoopOptions {
  std::size_t maxfail = 0;  // stop after this many failures; 0: never
  // Stop once more test processes than this died mid-batch (each needs a
  // new process for the rest of its batch: pytest-xdist's worker restart).
  std::size_t max_worker_restart = SIZE_MAX;
  double stop_grace = 2.0;  // seconds between the stop signal and SIGKILL
  // A failed, crashed or timed-out case runs again, up to its TestCase::reruns
  // times, alone in a new process, this many seconds after its failure.
  double reruns_delay = 0;
  // Runs fixture setups and cleanups; null: the manifest's fixtures are not set up.
  FixtureHost* fixtures = nullptr;
};

// `disabled`: selected DISABLED_ cases, reported as skipped without running.
RunSummary run_tests(const Manifest& manifest, Scheduler& scheduler, Executor& executor,
                     Reporter& reporter, const std::vector<std::size_t>& disabled,
                     const RunLoopOptions& options);

}  // namespace ptest
