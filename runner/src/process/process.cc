#include "process/process.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ptest {

namespace {

// A child's output pipe: 1 MiB, Linux's default cap for unprivileged users.
constexpr int kPipeBytes = 1 << 20;

std::vector<char*> pointers(const std::vector<std::string>& strings) {
  std::vector<char*> result;
  result.reserve(strings.size() + 1);
  for (const std::string& s : strings) result.push_back(const_cast<char*>(s.c_str()));
  result.push_back(nullptr);
  return result;
}

// In the child, between clone and exec: only async-signal-safe calls. Tells
// the parent why the exec failed through `errors`, a pipe that closes on
// exec, so that a parent reading its end knows the exec happened when it
// reads nothing.
[[noreturn]] void child_fails(int errors) {
  const int error = errno;
  (void)!::write(errors, &error, sizeof error);
  ::_exit(127);
}

[[noreturn]] void exec_child(const Command& command, char** argv, char** envp, bool search_path, pid_t parent,
                             int output, int errors) {
  ::setpgid(0, 0);  // a group of its own: a timeout or crash can then kill everything the test started
  // The test dies with the runner, even when the runner is SIGKILLed.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);  // it died before the line above
  const int null = ::open("/dev/null", O_RDONLY);
  if (null < 0 || ::dup2(null, STDIN_FILENO) < 0 || ::dup2(output, STDOUT_FILENO) < 0 ||
      ::dup2(output, STDERR_FILENO) < 0)
    child_fails(errors);
  if (!command.working_directory.empty() && ::chdir(command.working_directory.c_str()) != 0) child_fails(errors);
  // The runner catches or ignores these and blocks SIGCHLD; the test starts with defaults.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  for (int signal : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD}) ::sigaction(signal, &default_action, nullptr);
  sigset_t no_signals;
  sigemptyset(&no_signals);
  ::sigprocmask(SIG_SETMASK, &no_signals, nullptr);
  // A bare name ("sh") is looked up in PATH, as a shell would; test binaries come with a path.
  if (search_path)
    ::execvpe(argv[0], argv, envp);
  else
    ::execve(argv[0], argv, envp);
  child_fails(errors);
}

// What the child needs from the parent's frame, as clone() passes one pointer.
struct ChildSetup {
  const Command* command;
  char** argv;
  char** envp;
  bool search_path;
  pid_t parent;
  int output;
  int errors;
};

int start_child(void* setup) {
  const auto& s = *static_cast<const ChildSetup*>(setup);
  exec_child(*s.command, s.argv, s.envp, s.search_path, s.parent, s.output, s.errors);
}

// The child's stack until it execs. The runner starts one process at a time
// from one thread, and the parent waits while the child runs on it, so one
// is enough; execvpe() keeps a path buffer on it.
alignas(64) char child_stack[256 * 1024];

}  // namespace

Child spawn(const Command& command) {
  if (command.argv.empty()) throw ProcessError("cannot start a process: empty command");
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw ProcessError("cannot create a pipe: " + std::string(std::strerror(errno)));
  // The reader wakes at most once a millisecond (process_set.cc), and a
  // binary of trivial cases writes hundreds of kilobytes in that time: with
  // the default 64 KiB it would stall on a full pipe between reads. Best
  // effort: a system that refuses keeps the default.
  ::fcntl(fds[0], F_SETPIPE_SZ, kPipeBytes);

  int errors[2];
  if (::pipe2(errors, O_CLOEXEC) != 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw ProcessError("cannot create a pipe: " + std::string(std::strerror(error)));
  }
  std::vector<char*> argv = pointers(command.argv);
  std::vector<char*> envp = pointers(command.environment);
  const bool search_path = command.argv[0].find('/') == std::string::npos;
  const pid_t parent = ::getpid();
  // posix_spawn cannot set PR_SET_PDEATHSIG, and fork() made each start
  // cost the runner thousands of page faults: it copies the page tables of
  // the runner's tens of megabytes and makes every page copy-on-write, so
  // the runner's next write to each faults. So what posix_spawn does inside
  // glibc: the child borrows the runner's memory (CLONE_VM) on a stack of
  // its own while the runner waits (CLONE_VFORK) until it execs or exits.
  // No signal handler of the runner's may run in the child before exec.
  sigset_t all_signals, previous;
  sigfillset(&all_signals);
  ::sigprocmask(SIG_SETMASK, &all_signals, &previous);
  ChildSetup setup{&command, argv.data(), envp.data(), search_path, parent, fds[1], errors[1]};
  const pid_t pid = ::clone(start_child, child_stack + sizeof child_stack, CLONE_VM | CLONE_VFORK | SIGCHLD, &setup);
  const int fork_error = errno;
  ::sigprocmask(SIG_SETMASK, &previous, nullptr);
  ::close(fds[1]);
  ::close(errors[1]);
  int error = pid < 0 ? fork_error : 0;
  if (pid > 0) {
    ::setpgid(pid, pid);  // also here, so that the group exists before the parent may kill it
    ssize_t got;
    while ((got = ::read(errors[0], &error, sizeof error)) < 0 && errno == EINTR) {
    }
    if (got != static_cast<ssize_t>(sizeof error)) error = 0;  // the exec happened
    if (error != 0)
      while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
      }
  }
  ::close(errors[0]);
  if (error != 0) {
    ::close(fds[0]);
    throw ProcessError("cannot start '" + command.argv[0] + "': " + std::strerror(error));
  }
  ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  return Child{pid, fds[0]};
}

void kill_group(pid_t group, int signal) {
  if (group > 0) ::kill(-group, signal);
}

ReadStatus read_chunk(int fd, std::string& buffer) {
  buffer.resize(64 * 1024);
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n > 0) {
      buffer.resize(static_cast<std::size_t>(n));
      return ReadStatus::data;
    }
    buffer.clear();
    if (n == 0) return ReadStatus::end;
    if (errno == EINTR) continue;
    // EAGAIN is the usual answer; any other error ends the stream just the same.
    return errno == EAGAIN || errno == EWOULDBLOCK ? ReadStatus::would_block : ReadStatus::end;
  }
}

std::vector<std::string> current_environment() {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry; ++entry) environment.emplace_back(*entry);
  return environment;
}

std::string describe_wait_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    const char* name = sigabbrev_np(signal);
    return std::string("killed by SIG") + (name ? name : std::to_string(signal)) + " (" +
           strsignal(signal) + ")";
  }
  return "ended with wait status " + std::to_string(status);
}

}  // namespace ptest
