#include "process/run_captured.h"

#include <signal.h>

#include <chrono>
#include <variant>

#include "process/process_set.h"

namespace ptest {

CompletedProcess run_captured(const Command& command, double timeout) {
  using Clock = ProcessSet::Clock;
  ProcessSet processes(ProcessSet::Interrupts::untouched);
  const ChildId child = processes.start(command);
  const Clock::time_point deadline =
      timeout > 0 ? Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeout))
                  : Clock::time_point::max();
  CompletedProcess completed;
  for (;;) {
    // Once killed, the child is gone soon: wait for it with no deadline.
    for (ProcessEvent& event : processes.wait(completed.timed_out ? Clock::time_point::max() : deadline)) {
      if (auto* output = std::get_if<ChildOutput>(&event)) completed.output += output->data;
      if (auto* exited = std::get_if<ChildExited>(&event)) {
        completed.wait_status = exited->wait_status;
        return completed;
      }
    }
    if (!completed.timed_out && Clock::now() >= deadline) {
      completed.timed_out = true;
      processes.signal(child, SIGKILL);
    }
  }
}

}  // namespace ptest
