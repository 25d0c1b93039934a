// Child processes running side by side, and what happens to them: the
// runner's one process layer, as ninja's SubprocessSet is a build's. It
// knows nothing of tests: it starts commands (process.h), reads their
// output as it comes, reaps them when they end, and hears SIGINT and
// SIGTERM, and tells its user all of it as events. What a child's output
// means, and when a child has run too long, is the user's business.
//
// While a set lives, SIGCHLD (and SIGINT and SIGTERM, if it catches
// interrupts) arrive through its self-pipe, and SIGPIPE is ignored: a
// runner killed by a closed terminal pipe would leave its children running.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "process/process.h"
#include "process/signal_pipe.h"

namespace ptest {

using ChildId = std::uint64_t;  // never reused within a set, unlike a pid

// Something a child wrote, in the order written.
struct ChildOutput {
  ChildId child = 0;
  std::string data;
};

// A child ended: everything it wrote came before this, and nothing of it
// follows. Whatever it left running in its process group has been killed,
// so a grandchild holding the pipe open cannot keep the set waiting.
struct ChildExited {
  ChildId child = 0;
  int wait_status = 0;  // as waitpid() gives it
};

// SIGINT or SIGTERM reached the runner.
struct InterruptReceived {
  int signal = 0;
};

using ProcessEvent = std::variant<ChildOutput, ChildExited, InterruptReceived>;

class ProcessSet {
 public:
  using Clock = std::chrono::steady_clock;

  enum class Interrupts {
    reported,   // SIGINT and SIGTERM become InterruptReceived events
    untouched,  // they keep whatever disposition they had (an enclosing set's, or the default)
  };

  explicit ProcessSet(Interrupts interrupts = Interrupts::reported);
  // Kills and reaps every child still running, and puts the signals back.
  ~ProcessSet();
  ProcessSet(const ProcessSet&) = delete;
  ProcessSet& operator=(const ProcessSet&) = delete;

  // Throws ProcessError if the command cannot start.
  ChildId start(const Command& command);
  // Sends `signal` to the child's process group. Does nothing once the
  // child's ChildExited has been reported, so a reused pid is never hit.
  void signal(ChildId child, int signal);
  bool empty() const { return children_.empty(); }
  // The pids of the children not yet reported ended.
  std::vector<pid_t> pids() const;

  // Waits until there is something to report or `deadline` passes, and
  // returns what there is: nothing if the deadline came first. Wakes at
  // most once a millisecond, so that output gathers between reads. With no
  // child and no deadline, only a signal ends the wait.
  std::vector<ProcessEvent> wait(Clock::time_point deadline = Clock::time_point::max());

 private:
  struct Running {
    ChildId id = 0;
    Child process;  // its output_fd is -1 once the pipe has reached its end
  };

  void read_output(Running& child, bool until_empty, std::vector<ProcessEvent>& events);
  void reap(std::vector<ProcessEvent>& events);

  std::optional<SignalPipe> signals_;  // optional only so that it can end before ~ProcessSet() does
  struct sigaction previous_sigpipe_ {};
  std::vector<Running> children_;
  ChildId next_id_ = 1;
  std::string buffer_;  // one read's worth, reused
  Clock::time_point last_wakeup_{};
};

}  // namespace ptest
