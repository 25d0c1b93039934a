// Orphans: a process that left its group and its parent with setsid comes
// back to a subreaper, is found with its command line, and is killed.
#include "process/orphans.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "test_support/subreaper_child.h"

using namespace ptest;
using ptest::testing::passes_in_a_subreaper;

namespace {

// A daemon as a test makes one: a shell that starts it detached and exits.
bool start_daemon() {
  return std::system("setsid sleep 300 </dev/null >/dev/null 2>&1 &") == 0;
}

// The orphans once the daemon has become `sleep 300` (setsid execs it).
std::vector<OrphanProcess> orphans_once_started() {
  std::vector<OrphanProcess> orphans;
  for (int tries = 0; tries < 5000; ++tries) {
    orphans = find_orphans({});
    if (orphans.size() == 1 && orphans[0].command_line == "sleep 300") break;
    ::usleep(1000);
  }
  return orphans;
}

bool report(bool passed, const char* what) {
  if (!passed) std::fprintf(stderr, "failed: %s\n", what);
  return passed;
}

TEST(Orphans, ADetachedDaemonComesBackToTheSubreaperWithItsCommandLine) {
  EXPECT_TRUE(passes_in_a_subreaper([] {
    if (!report(find_orphans({}).empty(), "no orphans at first") || !start_daemon()) return false;
    const std::vector<OrphanProcess> orphans = orphans_once_started();
    kill_orphans(orphans);
    return report(orphans.size() == 1, "one orphan") &&
           report(orphans[0].command_line == "sleep 300", orphans[0].command_line.c_str());
  }));
}

TEST(Orphans, KilledOrphansAreGoneAndReaped) {
  EXPECT_TRUE(passes_in_a_subreaper([] {
    if (!start_daemon()) return false;
    const std::vector<OrphanProcess> orphans = orphans_once_started();
    kill_orphans(orphans);
    return report(!orphans.empty(), "an orphan to kill") && report(find_orphans({}).empty(), "none left") &&
           report(::waitpid(-1, nullptr, WNOHANG) == -1, "nothing left to reap");
  }));
}

TEST(Orphans, TheProcessesItStartedAreNotOrphans) {
  EXPECT_TRUE(passes_in_a_subreaper([] {
    const pid_t child = ::fork();
    if (child == 0) {
      ::execl("/bin/sleep", "sleep", "300", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const bool passed = report(find_orphans({child}).empty(), "its own child is not an orphan") &&
                        report(find_orphans({}).size() == 1, "unless it is not named");
    kill_orphans(find_orphans({}));
    return passed;
  }));
}

TEST(Orphans, AProcessEnvironmentVariableIsReadFromProc) {
  const char* path = std::getenv("PATH");
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(process_environment_variable(::getpid(), "PATH"), path);
  EXPECT_EQ(process_environment_variable(::getpid(), "PTEST_NO_SUCH_VARIABLE"), "");
}

}  // namespace
