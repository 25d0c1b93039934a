// Starting and stopping one child process: a command in a process group of
// its own, with stdout and stderr joined into one non-blocking pipe, and a
// way to kill the whole group. ProcessSet (process_set.h) runs many of them
// and follows them; nothing here knows of tests.
#pragma once

#include <sys/types.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace ptest {

struct Command {
  std::vector<std::string> argv;
  std::vector<std::string> environment;  // "NAME=value", the whole environment
  std::string working_directory;         // empty: the runner's own
};

class ProcessError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Child {
  pid_t pid = -1;  // also the process group id
  int output_fd = -1;  // read end of the stdout+stderr pipe, non-blocking
};

// Throws ProcessError naming the executable and the reason.
Child spawn(const Command& command);

// Sends a signal to the child's whole process group, so grandchildren that
// hold the output pipe open go too. Harmless if the group is gone.
void kill_group(pid_t group, int signal);

enum class ReadStatus { data, would_block, end };

// One non-blocking read() into `buffer` (replacing its content).
ReadStatus read_chunk(int fd, std::string& buffer);

// The runner's own environment, as "NAME=value" entries: the base of a child's.
std::vector<std::string> current_environment();

// "exited with status 3", "killed by SIGSEGV (Segmentation fault)".
std::string describe_wait_status(int status);

}  // namespace ptest
