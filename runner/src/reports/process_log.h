// Each worker's sequence of test processes: the cases each ran, in the order
// they started. The JSON report keeps it, so that `ptest replay` can run the
// same sequences again (an order-dependent failure needs the same cases
// before it, in the same process).
#pragma once

#include <cstddef>
#include <vector>

#include "run/reporter.h"

namespace ptest {

struct ProcessRecord {
  int worker = 0;
  std::size_t target = 0;
  double start = 0;                       // seconds since the run began
  std::vector<std::size_t> cases;         // manifest indices, in the order they started
  std::vector<std::size_t> not_started;   // given to the process, never begun by it
};

class ProcessLog {
 public:
  void batch_started(const Batch& batch, double at);
  void case_started(std::size_t case_index, int worker);
  void batch_finished(const BatchFinished& finished);

  // In the order the processes started.
  const std::vector<ProcessRecord>& processes() const { return processes_; }

 private:
  ProcessRecord* running(int worker);

  std::vector<ProcessRecord> processes_;
  std::vector<std::size_t> running_;  // by worker: index into processes_ + 1; 0: none
  std::vector<std::vector<std::size_t>> given_;  // by worker: the running batch's cases
};

}  // namespace ptest
