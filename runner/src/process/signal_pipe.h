// The self-pipe trick: while a SignalPipe lives, each of its signals writes
// its number as one byte to a pipe, which poll() can watch with the
// children's output, instead of doing whatever it did before. A handler may
// do little else safely. The pipe's end puts the earlier dispositions back.
//
// SignalPipes nest: one made while another catches the same signal takes
// it over until it ends, then gives it back (ProcessSet relies on that when
// a fixture runs to its end in the middle of a run).
#pragma once

#include <signal.h>

#include <vector>

namespace ptest {

class SignalPipe {
 public:
  // Throws ProcessError if the pipe cannot be made.
  explicit SignalPipe(std::vector<int> signals);
  ~SignalPipe();
  SignalPipe(const SignalPipe&) = delete;
  SignalPipe& operator=(const SignalPipe&) = delete;

  // Readable when a signal has arrived; non-blocking.
  int fd() const { return read_fd_; }
  // The signals that arrived since the last call, in order, one entry per
  // delivery (the kernel may merge deliveries of a signal that was pending).
  std::vector<int> take();

 private:
  struct Saved {
    int signal;
    struct sigaction action;
    int write_fd;  // the enclosing SignalPipe's, or -1
  };
  std::vector<Saved> saved_;
  int read_fd_ = -1;
  int write_fd_ = -1;
};

}  // namespace ptest
