// Leaked processes: what a batch's process left running after it ended,
// beyond its process group (which the process set kills). The runner is a
// child subreaper (process/orphans.h), so a daemon that double-forked and
// called setsid() comes back to it as an orphan; one that outlives the
// grace after its batch ended is a leak of the case that ran last, reported
// beside it (LEAK), killed, and, with `fail`, fails that case.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "run/executor.h"

namespace ptest {

struct LeakOptions {
  bool enabled = false;  // off where the runner could not become a subreaper
  double timeout = 0.1;  // seconds an orphan may take to end by itself
  bool fail = false;     // a leak fails a passed case (--leak-result fail)
  std::string testrun_uid;
};

class LeakDetector {
 public:
  explicit LeakDetector(LeakOptions options) : options_(std::move(options)) {}

  // After a batch of `worker` ended: its orphans still alive after the
  // grace, killed. An orphan is the worker's when its environment says so
  // (PTEST_WORKER and PTEST_TESTRUN_UID), or when it cannot be read.
  // `running`: the processes of the batches still running.
  std::vector<LeakedProcess> collect(int worker, const std::vector<pid_t>& running) const;

  // Puts `leaks` on the last case the worker finished in `events` from
  // `first` on, failing it if it passed and leaks fail.
  void attach(std::vector<LeakedProcess> leaks, int worker, std::vector<ExecutorEvent>& events,
              std::size_t first) const;

  // Kills every orphan left, as the run ends.
  static void kill_stragglers();

 private:
  LeakOptions options_;
};

// "leaked 2 processes: pid 123 (sleep 300), pid 124 (...)"
std::string describe_leaks(const std::vector<LeakedProcess>& leaks);

}  // namespace ptest
