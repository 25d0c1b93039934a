// Cases for a runner SIGKILLed mid-run: the quick ones note that they
// finished in $PTEST_E2E_DONE (one of them fails in the killed run only);
// the last waits, its pid in $PTEST_E2E_KILL_MARKER, until the test kills
// the runner and then it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

void note_done(const char* name) {
  if (const char* done = std::getenv("PTEST_E2E_DONE")) std::ofstream(done, std::ios::app) << name << "\n";
}

}  // namespace

TEST(Quick, First) { note_done("killed_runner::Quick.First"); }
TEST(Quick, Second) { note_done("killed_runner::Quick.Second"); }

TEST(Quick, FailsInTheKilledRun) {
  note_done("killed_runner::Quick.FailsInTheKilledRun");
  EXPECT_EQ(std::getenv("PTEST_E2E_KILL_MARKER"), nullptr) << "fails when the runner is to be killed";
}

TEST(WaitsForTheKill, Sleeps) {
  const char* marker = std::getenv("PTEST_E2E_KILL_MARKER");
  if (!marker) GTEST_SKIP() << "not in the killed-runner test";
  if (const char* scratch = std::getenv("PTEST_TMPDIR")) std::ofstream(std::string(marker) + ".scratch") << scratch;
  std::ofstream(std::string(marker) + ".tmp") << ::getpid() << "\n";
  std::rename((std::string(marker) + ".tmp").c_str(), marker);
  ::sleep(300);
}
