// Running one command to its end and keeping all it wrote: how the runner
// lists a test binary's cases and runs a fixture's commands. Built on
// ProcessSet, so it reads, reaps and kills as the executor does.
#pragma once

#include <string>

#include "process/process.h"

namespace ptest {

struct CompletedProcess {
  int wait_status = 0;
  bool timed_out = false;
  std::string output;  // stdout and stderr, interleaved as written
};

// Runs a command to its end, killing its process group after `timeout`
// seconds (0: no limit). Throws ProcessError if it cannot start.
//
// SIGINT and SIGTERM are left alone: with nothing else running (discovery)
// they end the runner as they would have; in the middle of a run (a
// fixture) they reach the run's own ProcessSet, which reports them once
// this command is done.
CompletedProcess run_captured(const Command& command, double timeout);

}  // namespace ptest
