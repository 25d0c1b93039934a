// The one adapter between the scheduler's batches and real processes: it
// starts a process per batch in a ProcessSet, hands what the process writes
// and how it ends to the batch's protocol (chosen by the target's
// framework), which turns them into executor events, and enforces the
// running case's timeout and stop_all()'s grace.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "execution/batch_protocol.h"
#include "execution/gtest_filter.h"
#include "execution/leak_detector.h"
#include "process/process_set.h"
#include "run/executor.h"

namespace ptest {

struct ProcessExecutorOptions {
  int worker_count = 1;
  std::vector<std::string> base_environment;  // "NAME=value", usually the runner's own
  std::string testrun_uid;
  std::vector<std::string> worker_tmpdirs;    // one per worker
  std::size_t output_limit = 1024 * 1024;     // bytes kept per case
  // --random-order: GoogleTest shuffles each process's cases with this seed
  // (--gtest_shuffle), since it runs them in its own order, not the filter's.
  std::optional<int> gtest_random_seed;
  // Report a Tick every this many seconds, with other events or alone; 0:
  // never. A wake-up of its own, not a check per line of output.
  double tick_period = 0;
  LeakOptions leaks;                          // what batches leave running
};

class ProcessExecutor : public Executor {
 public:
  // Throws ProcessError if the process set cannot be made.
  ProcessExecutor(const Manifest& manifest, ProcessExecutorOptions options);
  ~ProcessExecutor() override;
  ProcessExecutor(const ProcessExecutor&) = delete;
  ProcessExecutor& operator=(const ProcessExecutor&) = delete;

  void start(const Batch& batch) override;
  std::vector<ExecutorEvent> wait() override;
  void stop_all(int signal, double grace) override;
  double now() const override;
  void wake_at(double at) override { wake_at_ = at; }

 private:
  // Where a batch's process is in its life, as far as the executor's
  // decisions go; the process's end itself is not a state: the batch is
  // finished and its slot emptied when it is reported.
  enum class BatchState {
    running,    // as it chooses
    timed_out,  // the running case passed its deadline; its group was sent SIGKILL
    stopping,   // stop_all() signalled its group; SIGKILL follows at kill_at
  };

  struct Slot {
    std::unique_ptr<BatchProtocol> protocol;
    ChildId child = 0;
    BatchState state = BatchState::running;
    double kill_at = 0;  // when stopping: when SIGKILL follows; 0: sent already, or not asked for
    std::string premature_exit_file;  // given to the process; empty: none
  };

  void handle(ProcessEvent& event);
  void finish(std::size_t worker, int wait_status);
  void enforce_deadlines();
  ProcessSet::Clock::time_point next_deadline() const;
  std::size_t worker_of(ChildId child) const;

  const Manifest& manifest_;
  const GtestFilter gtest_filter_;
  ProcessExecutorOptions options_;
  std::chrono::steady_clock::time_point epoch_;
  std::vector<Slot> slots_;  // per worker; no protocol when idle
  std::vector<ExecutorEvent> pending_;
  double wake_at_ = 0;  // when wait() returns even without events; 0: not asked
  double next_tick_;  // seconds since epoch_ when the next Tick is due
  LeakDetector leak_detector_;
  ProcessSet processes_;  // last: its end kills and reaps what still runs
};

}  // namespace ptest
