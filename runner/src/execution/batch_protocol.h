// How the binaries of one test framework run a batch and tell of it: the
// arguments that choose its cases, and what the process's output and its
// end mean for them. The executor runs the process and keeps the time; a
// protocol only interprets. One per running batch, made for the target's
// Framework by make_batch_protocol().
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/batch.h"
#include "model/model.h"
#include "run/executor.h"

namespace ptest {

using ExecutorEvents = std::vector<ExecutorEvent>;

class BatchProtocol {
 public:
  virtual ~BatchProtocol() = default;

  // What follows the executable on the command line.
  virtual std::vector<std::string> arguments() const = 0;
  // The process runs. `now` is on the executor's clock, as in every call.
  virtual void started(double now, ExecutorEvents& events) = 0;
  // Some of what it wrote, in order.
  virtual void output(std::string_view data, double now, ExecutorEvents& events) = 0;
  // When the running case's time is up; 0: no case runs, or it has no timeout.
  virtual double deadline() const = 0;
  // The process ended, by itself or, if `timed_out`, killed by the executor
  // because deadline() had passed. Reports the cases that it left
  // unfinished, then BatchFinished.
  virtual void ended(int wait_status, bool timed_out, double now, ExecutorEvents& events) = 0;

  // Whether its processes follow GoogleTest's premature-exit protocol
  // (premature_exit.h): they are then given TEST_PREMATURE_EXIT_FILE.
  virtual bool reports_premature_exit() const { return false; }
  // Before ended(): the process left that file behind.
  virtual void exited_prematurely() {}
};

class GtestFilter;

// `gtest_filter` lives as long as the run: GoogleTest batches keep it.
std::unique_ptr<BatchProtocol> make_batch_protocol(const Manifest& manifest, const GtestFilter& gtest_filter,
                                                   const Batch& batch, std::size_t output_limit);

// The message of a case that ran past its `timeout` seconds.
std::string timeout_message(double timeout);

// The result of the case a process was running when it ended: a timeout
// when the executor killed it for its deadline; otherwise the caller's
// `outcome` and `message`, for what the process's end means to its framework.
CaseResult ended_case_result(const Manifest& manifest, std::size_t case_index, int worker, double start,
                             double stop, std::string output, bool timed_out, Outcome outcome,
                             std::string message);

}  // namespace ptest
