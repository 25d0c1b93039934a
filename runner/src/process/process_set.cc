#include "process/process_set.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <thread>

namespace ptest {

namespace {

// GoogleTest flushes every line, so a batch of trivial cases writes tens of
// thousands of tiny chunks. Waking for each one makes the runner and the
// test processes take turns on the CPUs, which on a 2-core machine can make
// a run several times slower. Waking at most once a millisecond lets output
// gather; it costs at most a millisecond of latency.
constexpr std::chrono::microseconds kMinimumWakeupInterval{1000};

// A bounded number of reads per child and wake keeps one chatty child from
// starving the others.
constexpr int kReadsPerWakeup = 16;

std::vector<int> caught_signals(ProcessSet::Interrupts interrupts) {
  if (interrupts == ProcessSet::Interrupts::reported) return {SIGCHLD, SIGINT, SIGTERM};
  return {SIGCHLD};
}

// poll()'s timeout for `deadline`: -1 for none, rounded up so that the
// deadline has passed when poll() returns for it.
int poll_timeout(ProcessSet::Clock::time_point deadline) {
  if (deadline == ProcessSet::Clock::time_point::max()) return -1;
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - ProcessSet::Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, INT_MAX));
}

}  // namespace

ProcessSet::ProcessSet(Interrupts interrupts) : signals_(std::in_place, caught_signals(interrupts)) {
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGPIPE, &ignore, &previous_sigpipe_);
}

ProcessSet::~ProcessSet() {
  for (Running& child : children_) {
    kill_group(child.process.pid, SIGKILL);
    while (::waitpid(child.process.pid, nullptr, 0) < 0 && errno == EINTR) {
    }
    if (child.process.output_fd >= 0) ::close(child.process.output_fd);
  }
  signals_.reset();
  ::sigaction(SIGPIPE, &previous_sigpipe_, nullptr);
  // While this set had SIGCHLD, a child of an enclosing set may have ended
  // and its signal come here; the enclosing set, whose handler is back now,
  // must hear of it. With no enclosing set, SIGCHLD is ignored.
  ::raise(SIGCHLD);
}

ChildId ProcessSet::start(const Command& command) {
  children_.push_back(Running{next_id_, spawn(command)});
  return next_id_++;
}

void ProcessSet::signal(ChildId child, int signal) {
  for (const Running& running : children_)
    if (running.id == child) kill_group(running.process.pid, signal);
}

std::vector<ProcessEvent> ProcessSet::wait(Clock::time_point deadline) {
  std::vector<ProcessEvent> events;
  std::vector<pollfd> fds;
  std::vector<std::size_t> polled;  // index into children_ of fds[1...]
  for (;;) {
    const auto since_wakeup = Clock::now() - last_wakeup_;
    if (since_wakeup < kMinimumWakeupInterval) std::this_thread::sleep_for(kMinimumWakeupInterval - since_wakeup);

    fds.assign(1, pollfd{signals_->fd(), POLLIN, 0});
    polled.clear();
    for (std::size_t i = 0; i < children_.size(); ++i) {
      if (children_[i].process.output_fd < 0) continue;
      fds.push_back(pollfd{children_[i].process.output_fd, POLLIN, 0});
      polled.push_back(i);
    }
    const int ready = ::poll(fds.data(), fds.size(), poll_timeout(deadline));
    if (ready < 0 && errno != EINTR) throw ProcessError(std::string("poll failed: ") + std::strerror(errno));
    last_wakeup_ = Clock::now();

    for (std::size_t i = 1; i < fds.size(); ++i)
      if (fds[i].revents) read_output(children_[polled[i - 1]], false, events);
    if (fds[0].revents) {
      bool child_ended = false;
      for (int signal : signals_->take()) {
        if (signal == SIGCHLD)
          child_ended = true;
        else
          events.push_back(InterruptReceived{signal});
      }
      if (child_ended) reap(events);
    }
    if (!events.empty() || Clock::now() >= deadline) return events;
  }
}

void ProcessSet::read_output(Running& child, bool until_empty, std::vector<ProcessEvent>& events) {
  std::string data;
  for (int reads = 0; until_empty || reads < kReadsPerWakeup; ++reads) {
    const ReadStatus status = read_chunk(child.process.output_fd, buffer_);
    if (status == ReadStatus::data) {
      data += buffer_;
      continue;
    }
    if (status == ReadStatus::end) {
      ::close(child.process.output_fd);
      child.process.output_fd = -1;
    }
    break;
  }
  if (!data.empty()) events.push_back(ChildOutput{child.id, std::move(data)});
}

void ProcessSet::reap(std::vector<ProcessEvent>& events) {
  for (auto it = children_.begin(); it != children_.end();) {
    int status = 0;
    const pid_t reaped = ::waitpid(it->process.pid, &status, WNOHANG);
    if (reaped == 0) {
      ++it;
      continue;
    }
    if (reaped < 0)  // only this set waits for its children: cannot happen
      throw ProcessError("cannot wait for process " + std::to_string(it->process.pid) + ": " +
                         std::strerror(errno));
    // The group outlives its leader only through what the child left
    // behind; end it first, so that the pipe's content is all there is.
    kill_group(it->process.pid, SIGKILL);
    if (it->process.output_fd >= 0) {
      read_output(*it, true, events);
      if (it->process.output_fd >= 0) ::close(it->process.output_fd);
    }
    events.push_back(ChildExited{it->id, status});
    it = children_.erase(it);
  }
}

std::vector<pid_t> ProcessSet::pids() const {
  std::vector<pid_t> pids;
  for (const Running& child : children_) pids.push_back(child.process.pid);
  return pids;
}

}  // namespace ptest
