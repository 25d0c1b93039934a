// Proves two runs overlapped: the case leaves its run's scratch directory in
// $PTEST_E2E_RENDEZVOUS, named by its run, and waits for the other run's.
#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace {

int entries(const std::string& directory) {
  int count = 0;
  if (DIR* dir = ::opendir(directory.c_str())) {
    while (const dirent* entry = ::readdir(dir)) count += entry->d_name[0] != '.';
    ::closedir(dir);
  }
  return count;
}

}  // namespace

TEST(Rendezvous, MeetsTheOtherRun) {
  const char* rendezvous = std::getenv("PTEST_E2E_RENDEZVOUS");
  if (!rendezvous) GTEST_SKIP() << "not in the concurrent-runs test";
  std::ofstream(std::string(rendezvous) + "/" + std::getenv("PTEST_TESTRUN_UID")) << std::getenv("PTEST_TMPDIR");
  // A bound that never decides on a slow machine: the other run starts at once.
  for (int waited = 0; entries(rendezvous) < 2 && waited < 30000; waited += 10) ::usleep(10000);
  EXPECT_EQ(entries(rendezvous), 2) << "the other run never came";
}
