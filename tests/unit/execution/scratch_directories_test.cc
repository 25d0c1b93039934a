// Scratch directories: one per worker under the run's own, removed at the
// end; and the directory of a run that was killed (its lock held by nobody)
// is removed by the next run, while a living run's is left alone.
#include "execution/scratch_directories.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "test_support/process_test_support.h"

using namespace ptest;
using ptest::testing::ScratchDir;

namespace {

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

// TMPDIR pointed at a directory of the test's own while it lives.
class ScratchDirectoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* old = std::getenv("TMPDIR")) saved_ = old;
    ::setenv("TMPDIR", base_.path().c_str(), 1);
  }
  void TearDown() override {
    if (saved_) ::setenv("TMPDIR", saved_->c_str(), 1);
    else ::unsetenv("TMPDIR");
  }
  // A directory as a run leaves it, with its lock file.
  std::string run_directory(const std::string& name) const {
    const std::string dir = base_.path() + "/" + name;
    ::mkdir(dir.c_str(), 0700);
    ::mkdir((dir + "/gw0").c_str(), 0700);
    std::ofstream(dir + "/.ptest-run.lock");
    return dir;
  }

  ScratchDir base_;
  std::optional<std::string> saved_;
};

TEST_F(ScratchDirectoriesTest, EachWorkerHasADirectoryAndAllGoWithTheRun) {
  std::string root;
  {
    ScratchDirectories scratch(2);
    root = scratch.root();
    ASSERT_EQ(scratch.paths().size(), 2u);
    EXPECT_TRUE(exists(scratch.paths()[1]));
    EXPECT_EQ(root.rfind(base_.path(), 0), 0u) << root;
  }
  EXPECT_FALSE(exists(root));
}

TEST_F(ScratchDirectoriesTest, AKilledRunsDirectoryIsRemovedByTheNextRun) {
  const std::string dead = run_directory("ptest-Ab3dE9");
  ScratchDirectories scratch(1);
  EXPECT_FALSE(exists(dead));
  EXPECT_TRUE(exists(scratch.root()));
}

TEST_F(ScratchDirectoriesTest, ALivingRunsDirectoryIsLeftAlone) {
  const std::string living = run_directory("ptest-Zz9yX8");
  const int lock = ::open((living + "/.ptest-run.lock").c_str(), O_RDONLY);
  ASSERT_EQ(::flock(lock, LOCK_EX), 0);  // as its run holds it
  { ScratchDirectories scratch(1); }
  EXPECT_TRUE(exists(living + "/gw0"));
  ::close(lock);
}

TEST_F(ScratchDirectoriesTest, ADirectoryWithoutALockOrNotNamedLikeARunsIsLeftAlone) {
  const std::string first = base_.path() + "/ptest-noLock";  // no lock file: not a run's, or one being made
  ::mkdir(first.c_str(), 0700);
  const std::string other_name = base_.path() + "/ptest-a-longer-name";
  ::mkdir(other_name.c_str(), 0700);
  std::ofstream(other_name + "/.ptest-run.lock");
  { ScratchDirectories scratch(1); }
  EXPECT_TRUE(exists(first));
  EXPECT_TRUE(exists(other_name));
}

TEST_F(ScratchDirectoriesTest, TwoLivingRunsKeepTheirDirectories) {
  ScratchDirectories first(1);
  ScratchDirectories second(1);
  EXPECT_TRUE(exists(first.paths()[0]));
  EXPECT_TRUE(exists(second.paths()[0]));
}

}  // namespace
