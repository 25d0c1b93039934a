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

// Each test runs with both ways of listing processes: the kernel's children
// files, and the stat of every process for kernels without them.
class Orphans : public ::testing::TestWithParam<ProcessListing> {};

// The orphans once the daemon has become `sleep 300` (setsid execs it).
std::vector<OrphanProcess> orphans_once_started(ProcessListing listing) {
  std::vector<OrphanProcess> orphans;
  for (int tries = 0; tries < 5000; ++tries) {
    orphans = find_orphans({}, listing);
    if (orphans.size() == 1 && orphans[0].command_line == "sleep 300") break;
    ::usleep(1000);
  }
  return orphans;
}

bool report(bool passed, const char* what) {
  if (!passed) std::fprintf(stderr, "failed: %s\n", what);
  return passed;
}

TEST_P(Orphans, ADetachedDaemonComesBackToTheSubreaperWithItsCommandLine) {
  const ProcessListing listing = GetParam();
  EXPECT_TRUE(passes_in_a_subreaper([listing] {
    if (!report(find_orphans({}, listing).empty(), "no orphans at first") || !start_daemon()) return false;
    const std::vector<OrphanProcess> orphans = orphans_once_started(listing);
    kill_orphans(orphans);
    return report(orphans.size() == 1, "one orphan") &&
           report(orphans[0].command_line == "sleep 300", orphans[0].command_line.c_str());
  }));
}

TEST_P(Orphans, KilledOrphansAreGoneAndReaped) {
  const ProcessListing listing = GetParam();
  EXPECT_TRUE(passes_in_a_subreaper([listing] {
    if (!start_daemon()) return false;
    const std::vector<OrphanProcess> orphans = orphans_once_started(listing);
    kill_orphans(orphans);
    return report(!orphans.empty(), "an orphan to kill") && report(find_orphans({}, listing).empty(), "none left") &&
           report(::waitpid(-1, nullptr, WNOHANG) == -1, "nothing left to reap");
  }));
}

TEST_P(Orphans, TheProcessesItStartedAreNotOrphans) {
  const ProcessListing listing = GetParam();
  EXPECT_TRUE(passes_in_a_subreaper([listing] {
    const pid_t child = ::fork();
    if (child == 0) {
      ::execl("/bin/sleep", "sleep", "300", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    const bool passed = report(find_orphans({child}, listing).empty(), "its own child is not an orphan") &&
                        report(find_orphans({}, listing).size() == 1, "unless it is not named");
    kill_orphans(find_orphans({}, listing));
    return passed;
  }));
}

// The descendants of an orphan are found too: a detached shell that waits on
// a sleep of its own.
TEST_P(Orphans, AnOrphansChildrenAreOrphansToo) {
  const ProcessListing listing = GetParam();
  EXPECT_TRUE(passes_in_a_subreaper([listing] {
    if (std::system("setsid sh -c 'sleep 301 & wait' </dev/null >/dev/null 2>&1 &") != 0) return false;
    // Until the shells in between have exec'd or gone.
    const auto settled = [](const std::vector<OrphanProcess>& found) {
      return found.size() == 2 && found[0].command_line == "sh -c sleep 301 & wait" &&
             found[1].command_line == "sleep 301";
    };
    std::vector<OrphanProcess> orphans;
    for (int tries = 0; tries < 5000 && !settled(orphans); ++tries) {
      orphans = find_orphans({}, listing);
      ::usleep(1000);
    }
    kill_orphans(orphans);
    return report(orphans.size() == 2, "the shell and its sleep") &&
           report(orphans[0].command_line == "sh -c sleep 301 & wait", orphans[0].command_line.c_str()) &&
           report(orphans[1].command_line == "sleep 301", orphans[1].command_line.c_str());
  }));
}

INSTANTIATE_TEST_SUITE_P(Listings, Orphans,
                         ::testing::Values(ProcessListing::children_files, ProcessListing::every_process));

TEST(OrphansProc, AProcessEnvironmentVariableIsReadFromProc) {
  const char* path = std::getenv("PATH");
  ASSERT_NE(path, nullptr);
  EXPECT_EQ(process_environment_variable(::getpid(), "PATH"), path);
  EXPECT_EQ(process_environment_variable(::getpid(), "PTEST_NO_SUCH_VARIABLE"), "");
}

}  // namespace
