// What the run loop needs from whatever runs batches: start one, wait for
// news, stop everything. The real one runs processes (process_executor.h);
// tests use a fake that runs nothing.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "model/batch.h"
#include "model/model.h"

namespace ptest {

struct CaseStarted {
  int worker = 0;
  std::size_t case_index = 0;
};

struct CaseFinished {
  CaseResult result;
};

// The batch's process is gone. `not_started` lists the cases it never began
// (after a crash or timeout mid-batch); the run loop hands them out again.
struct BatchFinished {
  int worker = 0;
  std::vector<std::size_t> not_started;
  bool process_died = false;  // it crashed, timed out or exited mid-batch: a worker restart
};

// SIGINT or SIGTERM reached the runner.
struct Interrupted {
  int signal = 0;
};

// A period passed, whatever else happened in it (only from an executor asked
// for ticks: ProcessExecutorOptions::tick_period); the run loop passes it to
// the reporters, for the live status line and the slow-case warnings.
struct Tick {
  double at = 0;
};

using ExecutorEvent = std::variant<CaseStarted, CaseFinished, BatchFinished, Interrupted, Tick>;

class Executor {
 public:
  virtual ~Executor() = default;
  virtual void start(const Batch& batch) = 0;
  // Blocks until at least one event, and returns all that are ready.
  virtual std::vector<ExecutorEvent> wait() = 0;
  // Stops every running batch: `signal` to its process group now, SIGKILL
  // once `grace` seconds have passed. Each still reports BatchFinished
  // through wait(); the cases it was running are not reported.
  virtual void stop_all(int signal, double grace) = 0;
  // Seconds since the run began, on the clock that stamps results.
  virtual double now() const = 0;
  // The next wait() returns by `at` (on now()'s clock), with no events if
  // none came: the run loop waits so for a rerun's --reruns-delay.
  virtual void wake_at(double at) = 0;
};

}  // namespace ptest
