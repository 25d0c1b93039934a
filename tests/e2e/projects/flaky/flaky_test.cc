// Flaky.FailsOnFirstAttempt fails the first time it runs in a ptest run
// (a file in the working directory, named by PTEST_TESTRUN_UID, remembers
// it) and passes after. Order.B fails only when Order.A ran before it in
// the same process.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace {

bool left_behind = false;  // by Order.A, for Order.B to trip over

}  // namespace

TEST(Flaky, FailsOnFirstAttempt) {
  const char* uid = std::getenv("PTEST_TESTRUN_UID");
  const std::string marker = std::string("first-attempt-") + (uid ? uid : "none");
  if (std::ifstream(marker).good()) return;
  std::ofstream(marker) << "failed once\n";
  FAIL() << "first attempt of run " << (uid ? uid : "none");
}

TEST(Flaky, AlwaysFails) { FAIL() << "fails every time"; }

TEST(Flaky, Passes) {}

TEST(Order, A) { left_behind = true; }

TEST(Order, B) { EXPECT_FALSE(left_behind) << "Order.A ran before me in this process"; }

TEST(Order, C) {}
