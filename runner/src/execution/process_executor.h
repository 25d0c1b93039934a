// The one adapter between the scheduler's batches and real processes: it
// starts a GoogleTest binary per batch with a --gtest_filter of the batch's
// cases, follows its output, enforces per-case timeouts, and turns what
// happens into executor events. All signals the runner cares about
// (SIGCHLD, SIGINT, SIGTERM) arrive here, through one self-pipe.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "run/executor.h"

namespace ptest {

struct ProcessExecutorOptions {
  int worker_count = 1;
  std::vector<std::string> base_environment;  // "NAME=value", usually the runner's own
  std::string testrun_uid;
  std::vector<std::string> worker_tmpdirs;    // one per worker
  std::size_t output_limit = 1024 * 1024;     // bytes kept per case
};

class ProcessExecutor : public Executor {
 public:
  ProcessExecutor(const Manifest& manifest, ProcessExecutorOptions options);
  ~ProcessExecutor() override;
  ProcessExecutor(const ProcessExecutor&) = delete;
  ProcessExecutor& operator=(const ProcessExecutor&) = delete;

  void start(const Batch& batch) override;
  std::vector<ExecutorEvent> wait() override;
  void stop_all(int signal, double grace) override;
  double now() const override;

  struct Slot;  // one running batch

 private:
  void poll_once();
  void handle_signals();
  void read_output(Slot& slot, bool until_end);
  void check_timeouts();
  void finish(Slot& slot);

  const Manifest& manifest_;
  ProcessExecutorOptions options_;
  std::chrono::steady_clock::time_point epoch_;
  std::vector<std::unique_ptr<Slot>> slots_;  // per worker; null when idle
  std::vector<ExecutorEvent> pending_;
  double last_wakeup_ = -1;
  static constexpr double kMinimumWakeupInterval = 0.001;  // seconds
};

// The environment a case sees: the base, the target's ENVIRONMENT, what its
// fixtures' setups exported, then the worker's identity (PTEST_WORKER,
// PTEST_WORKER_COUNT, PTEST_TESTRUN_UID, PTEST_TMPDIR and TEST_TMPDIR), and
// GoogleTest settings the runner relies on.
std::vector<std::string> case_environment(const std::vector<std::string>& base, const Target& target,
                                          const std::vector<std::pair<std::string, std::string>>& fixtures,
                                          int worker, int worker_count, const std::string& testrun_uid,
                                          const std::string& tmpdir);

}  // namespace ptest
