// exit(0) in a suite's TearDownTestSuite, after its case reported OK. (That
// the cases reported before the last keep their outcomes depends on how the
// scheduler batches them; the executor's unit tests show it.)
#include <gtest/gtest.h>

#include <cstdlib>

class Quits : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { std::exit(0); }
};

TEST_F(Quits, InTearDown) {}

// Never reached in the process that quit: runs again in a new one.
TEST(Later, Runs) {}
