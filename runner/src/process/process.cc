#include "process/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
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

// Releases posix_spawn's attribute objects however spawn() leaves.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
};

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

  SpawnSetup setup;
  posix_spawn_file_actions_addopen(&setup.actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&setup.actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&setup.actions, fds[1], STDERR_FILENO);
  if (!command.working_directory.empty())
    posix_spawn_file_actions_addchdir_np(&setup.actions, command.working_directory.c_str());
  // A group of its own: a timeout or crash can then kill everything the test started.
  posix_spawnattr_setpgroup(&setup.attributes, 0);
  // The runner blocks SIGCHLD and ignores nothing; the child starts with defaults.
  sigset_t no_signals, default_signals;
  sigemptyset(&no_signals);
  sigemptyset(&default_signals);
  sigaddset(&default_signals, SIGINT);
  sigaddset(&default_signals, SIGTERM);
  sigaddset(&default_signals, SIGPIPE);
  sigaddset(&default_signals, SIGCHLD);
  posix_spawnattr_setsigmask(&setup.attributes, &no_signals);
  posix_spawnattr_setsigdefault(&setup.attributes, &default_signals);
  posix_spawnattr_setflags(&setup.attributes,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> argv = pointers(command.argv);
  std::vector<char*> envp = pointers(command.environment);
  pid_t pid = -1;
  // A bare name ("sh") is looked up in PATH, as a shell would; test binaries come with a path.
  const bool search_path = command.argv[0].find('/') == std::string::npos;
  const int error = (search_path ? ::posix_spawnp : ::posix_spawn)(&pid, argv[0], &setup.actions, &setup.attributes,
                                                                   argv.data(), envp.data());
  ::close(fds[1]);
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
