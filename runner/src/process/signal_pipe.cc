#include "process/signal_pipe.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "process/process.h"

namespace ptest {

namespace {

// Where each signal's byte goes: the write end of the innermost SignalPipe
// that catches it. Read only by on_signal(), and only for signals whose
// handler is on_signal(), so entries never set are never read.
volatile std::sig_atomic_t g_write_fd[NSIG];

void on_signal(int signal) {
  const int saved = errno;
  const unsigned char byte = static_cast<unsigned char>(signal);
  [[maybe_unused]] ssize_t ignored = ::write(g_write_fd[signal], &byte, 1);
  errno = saved;
}

// Holds `signals` back while the handlers and the table change together, so
// no signal sees a handler with another pipe's entry; what arrived
// meanwhile is delivered when the scope ends, to the handler then in place.
class BlockedSignals {
 public:
  explicit BlockedSignals(const std::vector<int>& signals) {
    sigset_t set;
    sigemptyset(&set);
    for (int signal : signals) sigaddset(&set, signal);
    ::sigprocmask(SIG_BLOCK, &set, &previous_);
  }
  ~BlockedSignals() { ::sigprocmask(SIG_SETMASK, &previous_, nullptr); }

 private:
  sigset_t previous_;
};

}  // namespace

SignalPipe::SignalPipe(std::vector<int> signals) {
  int fds[2];
  // Non-blocking both ways: a handler must never block on a full pipe (the
  // byte is then redundant anyway), and take() reads until it is empty.
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0)
    throw ProcessError(std::string("cannot create the signal pipe: ") + std::strerror(errno));
  read_fd_ = fds[0];
  write_fd_ = fds[1];

  const BlockedSignals blocked(signals);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  for (int signal : signals) {
    Saved saved{signal, {}, -1};
    ::sigaction(signal, &action, &saved.action);
    if (saved.action.sa_handler == on_signal) saved.write_fd = g_write_fd[signal];
    g_write_fd[signal] = write_fd_;
    saved_.push_back(saved);
  }
}

SignalPipe::~SignalPipe() {
  {
    std::vector<int> signals;
    for (const Saved& saved : saved_) signals.push_back(saved.signal);
    const BlockedSignals blocked(signals);
    for (const Saved& saved : saved_) {
      ::sigaction(saved.signal, &saved.action, nullptr);
      if (saved.write_fd >= 0) g_write_fd[saved.signal] = saved.write_fd;
    }
  }
  ::close(read_fd_);
  ::close(write_fd_);
}

std::vector<int> SignalPipe::take() {
  std::vector<int> arrived;
  unsigned char bytes[64];
  ssize_t n;
  while ((n = ::read(read_fd_, bytes, sizeof bytes)) > 0 || (n < 0 && errno == EINTR))
    for (ssize_t i = 0; i < n; ++i) arrived.push_back(bytes[i]);
  return arrived;
}

}  // namespace ptest
