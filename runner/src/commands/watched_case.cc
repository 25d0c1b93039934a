#include "commands/watched_case.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

#include "commands/leak_setup.h"
#include "execution/leak_detector.h"
#include "model/exit_status.h"

namespace ptest {

namespace {

constexpr int kPassedOn[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

volatile sig_atomic_t case_group = 0;

// CTest's Ctrl-C or timeout meant for the case reaches ptest exec: the
// case's group gets it.
void pass_on(int signal_number) {
  if (case_group > 0) ::kill(-case_group, signal_number);
}

[[noreturn]] void become_the_case(const std::vector<std::string>& command, pid_t parent) {
  ::setpgid(0, 0);
  // Should ptest exec be killed (SIGKILL from a CTest timeout), the case dies with it.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(kExitInternalError);
  std::vector<char*> argv;
  for (const std::string& argument : command) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());  // a fixture's command may be a bare name, such as sh
  std::fprintf(stderr, "ptest: error: cannot start '%s': %s\n", argv[0], std::strerror(errno));
  ::_exit(kExitInternalError);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return status;
}

// Dies of the signal that killed the case, without a second core dump.
int die_of(int signal_number) {
  const rlimit no_core = {0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  std::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
  return 128 + signal_number;  // only if the signal did not kill
}

// The case's wait status, after its leaks were told and killed; -1 if it
// could not be waited for. `leaked`: whether it left any.
int watch(const WatchedCase& watched, bool& leaked) {
  const LeakSetup leak_setup(watched.leak_timeout, watched.leak_fails, watched.testrun_uid);  // kills stragglers last
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) {
    std::fprintf(stderr, "ptest: error: cannot start '%s': fork: %s\n", watched.command[0].c_str(),
                 std::strerror(errno));
    return -1;
  }
  if (child == 0) become_the_case(watched.command, parent);
  ::setpgid(child, child);  // also here: a signal may come before the child's own call
  case_group = child;
  struct sigaction action = {};
  action.sa_handler = pass_on;
  sigemptyset(&action.sa_mask);
  for (int signal_number : kPassedOn) ::sigaction(signal_number, &action, nullptr);

  const int status = wait_for(child);
  ::kill(-child, SIGKILL);  // what the case left in its group, as the runner does: not a leak
  case_group = 0;
  const std::vector<LeakedProcess> leaks = LeakDetector(leak_setup.options()).collect(watched.worker, {});
  for (const LeakedProcess& leak : leaks)
    std::fprintf(stderr, "LEAK pid %d (%s), killed\n", static_cast<int>(leak.pid), leak.command_line.c_str());
  leaked = !leaks.empty();
  if (leaked && watched.leak_fails && status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
    std::fprintf(stderr, "ptest: --leak-result fail: %s\n", describe_leaks(leaks).c_str());
  return status;
}

}  // namespace

int run_watched_case(const WatchedCase& watched) {
  bool leaked = false;
  const int status = watch(watched, leaked);
  if (status < 0) return kExitInternalError;
  if (WIFSIGNALED(status)) return die_of(WTERMSIG(status));
  const int exit_status = WEXITSTATUS(status);
  return exit_status == 0 && leaked && watched.leak_fails ? kExitTestsFailed : exit_status;
}

}  // namespace ptest
