#include "reports/process_log.h"

#include <algorithm>

namespace ptest {

void ProcessLog::batch_started(const Batch& batch, double at) {
  const auto worker = static_cast<std::size_t>(batch.worker);
  if (running_.size() <= worker) {
    running_.resize(worker + 1, 0);
    given_.resize(worker + 1);
  }
  processes_.push_back(ProcessRecord{batch.worker, batch.target, at, {}, {}});
  running_[worker] = processes_.size();
  given_[worker] = batch.cases;
}

ProcessRecord* ProcessLog::running(int worker) {
  const auto at = static_cast<std::size_t>(worker);
  if (at >= running_.size() || running_[at] == 0) return nullptr;
  return &processes_[running_[at] - 1];
}

void ProcessLog::case_started(std::size_t case_index, int worker) {
  if (ProcessRecord* process = running(worker)) process->cases.push_back(case_index);
}

// The cases a process was given and never began: after a crash, or when the
// run stopped it. Replay leaves them out, as the process did.
void ProcessLog::batch_finished(const BatchFinished& finished) {
  ProcessRecord* process = running(finished.worker);
  if (!process) return;
  for (std::size_t index : given_[static_cast<std::size_t>(finished.worker)])
    if (std::find(process->cases.begin(), process->cases.end(), index) == process->cases.end())
      process->not_started.push_back(index);
  running_[static_cast<std::size_t>(finished.worker)] = 0;
}

}  // namespace ptest
